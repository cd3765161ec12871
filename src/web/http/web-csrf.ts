import { createHmac } from 'node:crypto';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { requestCookies, type WebRequest } from './web-request.js';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** csrf-csrf's functions are typed with Express's request and response; it reads and writes only what these have. */
type CsrfRequest = Parameters<DoubleCsrfUtilities['validateRequest']>[0];
type CsrfResponse = Parameters<DoubleCsrfUtilities['generateCsrfToken']>[1];

/** The request as csrf-csrf reads it: method, headers, body, and the cookies, parsed first. */
const csrfRequest = (request: WebRequest): CsrfRequest => {
  requestCookies(request);
  return request as unknown as CsrfRequest;
};

/** @fastify/cookie's `reply.cookie` is the `res.cookie(name, value, options)` csrf-csrf calls. */
const csrfResponse = (reply: FastifyReply): CsrfResponse => reply as unknown as CsrfResponse;

/**
 * Signed double-submit tokens (csrf-csrf): the token in each form must equal the HTTP-only cookie
 * and carry an HMAC over the member it was made for, so a token from before a sign-in, or another
 * member's, is refused. Bound to the member rather than the token, so a renewed session cookie
 * leaves the forms of other open pages valid.
 */
@Injectable()
export class WebCsrf {
  private readonly csrf: DoubleCsrfUtilities;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Derived, so the JWT secret itself never signs anything but tokens.
    const secret = createHmac('sha256', config.jwtSecret).update('filmlog web csrf').digest('hex');
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (request) => (request as unknown as WebRequest).reader?.id ?? '',
      cookieName: 'filmlog_csrf',
      cookieOptions: { sameSite: 'strict', secure: config.sessionCookieSecure, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (request) => {
        const field: unknown = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
        return typeof field === 'string' ? field : request.headers[CSRF_HEADER];
      },
    });
  }

  /** The token for this page's forms; sets its cookie when there is none or it no longer fits the session. */
  tokenFor(request: WebRequest, response: FastifyReply): string {
    if (response.sent || response.raw.headersSent) return '';
    return this.csrf.generateCsrfToken(csrfRequest(request), csrfResponse(response));
  }

  /** Throws 403 unless the request carries a valid token (in the form's `_csrf` field or X-CSRF-Token). */
  verify(request: WebRequest): void {
    if (!this.csrf.validateRequest(csrfRequest(request))) {
      throw new ForbiddenException(
        'This form has expired or did not come from this site. Reload the page and try again.',
      );
    }
  }
}
