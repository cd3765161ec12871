import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticator, suspendedDetail } from '../../common/auth/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { AccessTokens } from '../../modules/identity/auth/access-tokens.js';
import {
  clearCookie,
  requestCookies,
  setCookie,
  type CookieAttributes,
  type Reader,
  type WebRequest,
} from './web-request.js';

export const SESSION_COOKIE = 'filmlog_session';

/**
 * The pages' session: the same access token the API takes as a bearer token, kept in a secure,
 * HTTP-only cookie, so a page and an API call by the same member are one identity with one expiry.
 */
@Injectable()
export class WebSession {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly tokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The member the cookie names, read live (roles, suspension); null when absent, expired or gone. */
  async readerOf(request: WebRequest): Promise<Reader | null> {
    const token = requestCookies(request)[SESSION_COOKIE];
    if (!token) return null;
    const user = await this.authenticator.verifyAccessToken(token);
    const access = user ? await this.authenticator.accessOf(user.id) : null;
    if (!user || !access) return null;
    return {
      ...user,
      roles: access.roles,
      suspended: access.suspended,
      suspensionDetail: access.suspended ? suspendedDetail(access) : null,
    };
  }

  /**
   * A session in use past half its life gets a fresh token, so an active reader is not signed out
   * mid-visit; an idle one still is, when the token expires.
   */
  async renew(request: WebRequest, response: FastifyReply, reader: Reader): Promise<void> {
    const token = requestCookies(request)[SESSION_COOKIE] ?? '';
    const expiresAt = expiryOf(token);
    const halfLifeMs = (this.config.accessTokenTtlSeconds * 1000) / 2;
    if (expiresAt === null || expiresAt - Date.now() > halfLifeMs) return;
    // The renewed token keeps the generation of the one just accepted, so signing out everywhere still ends it.
    const verified = await this.tokens.verify(token);
    if (!verified) return;
    this.start(
      response,
      await this.tokens.issue({ id: reader.id, username: reader.username }, verified.generation),
    );
  }

  hasCookie(request: WebRequest): boolean {
    return Boolean(requestCookies(request)[SESSION_COOKIE]);
  }

  start(response: FastifyReply, accessToken: string): void {
    setCookie(
      response,
      SESSION_COOKIE,
      accessToken,
      this.cookieOptions(),
      this.config.accessTokenTtlSeconds * 1000,
    );
  }

  end(response: FastifyReply): void {
    clearCookie(response, SESSION_COOKIE, this.cookieOptions());
  }

  private cookieOptions(): CookieAttributes {
    // Lax: a link from elsewhere still opens the page signed in; forms are guarded by the CSRF token.
    return { httpOnly: true, secure: this.config.sessionCookieSecure, sameSite: 'lax', path: '/' };
  }
}

/** The `exp` of a token already verified, in ms; null when it has none. */
function expiryOf(token: string): number | null {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}
