import { createHmac } from 'node:crypto';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import type { WebRequest } from './web-request.js';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

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
      getSessionIdentifier: (request) => (request as WebRequest).reader?.id ?? '',
      cookieName: 'filmlog_csrf',
      cookieOptions: { sameSite: 'strict', secure: config.sessionCookieSecure, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (request) => {
        const field: unknown = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
        return typeof field === 'string' ? field : request.headers[CSRF_HEADER];
      },
    });
  }

  /** The token for this page's forms; sets its cookie when there is none or it no longer fits the session. */
  tokenFor(request: WebRequest, response: Response): string {
    if (response.headersSent) return '';
    return this.csrf.generateCsrfToken(request, response);
  }

  /** Throws 403 unless the request carries a valid token (in the form's `_csrf` field or X-CSRF-Token). */
  verify(request: WebRequest): void {
    if (!this.csrf.validateRequest(request)) {
      throw new ForbiddenException(
        'This form has expired or did not come from this site. Reload the page and try again.',
      );
    }
  }
}
