import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role, SignedInUser } from '../../common/auth/index.js';

/** The signed-in member as the pages see them: who, what they may do, and whether they may write. */
export interface Reader extends SignedInUser {
  readonly roles: readonly Role[];
  readonly suspended: boolean;
  /** Why and until when, while suspended: the pages say so next to the disabled controls. */
  readonly suspensionDetail: string | null;
}

/** A page request after the web guard: the reader (null when anonymous). */
export interface WebRequest extends FastifyRequest {
  user?: SignedInUser;
  reader?: Reader | null;
}

export type CookieJar = Readonly<Record<string, string | undefined>>;

/**
 * The request's cookies, parsed on first use: only the pages read cookies, so the API's requests
 * never pay for parsing them (@fastify/cookie is registered without its parsing hook).
 */
export function requestCookies(request: FastifyRequest): CookieJar {
  const parsed = request.cookies as CookieJar | null;
  if (parsed) return parsed;
  const cookies = request.server.parseCookie(request.headers.cookie ?? '');
  request.cookies = cookies;
  return cookies;
}

/** Cookie attributes as the pages set them. */
export interface CookieAttributes {
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite: 'lax' | 'strict';
  readonly path: string;
}

/** Sets a cookie for `lifetimeMs`, with Max-Age and Expires both, as Express's `res.cookie` did. */
export function setCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  attributes: CookieAttributes,
  lifetimeMs: number,
): void {
  void reply.setCookie(name, value, {
    ...attributes,
    maxAge: Math.floor(lifetimeMs / 1000),
    expires: new Date(Date.now() + lifetimeMs),
  });
}

/** Clears a cookie: empty and expired at the epoch, as Express's `res.clearCookie` did (no SameSite unless given). */
export function clearCookie(reply: FastifyReply, name: string, attributes: Partial<CookieAttributes>): void {
  void reply.setCookie(name, '', { path: '/', sameSite: false, ...attributes, expires: new Date(1) });
}
