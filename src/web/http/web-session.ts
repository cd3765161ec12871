import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { Authenticator, suspendedDetail } from '../../common/auth/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import type { Reader, WebRequest } from './web-request.js';

export const SESSION_COOKIE = 'filmlog_session';

/**
 * The pages' session: the same access token the API takes as a bearer token, kept in a secure,
 * HTTP-only cookie, so a page and an API call by the same member are one identity with one expiry.
 */
@Injectable()
export class WebSession {
  constructor(
    private readonly authenticator: Authenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The member the cookie names, read live (roles, suspension); null when absent, expired or gone. */
  async readerOf(request: WebRequest): Promise<Reader | null> {
    const token = request.cookies[SESSION_COOKIE];
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

  hasCookie(request: WebRequest): boolean {
    return Boolean(request.cookies[SESSION_COOKIE]);
  }

  start(response: Response, accessToken: string): void {
    response.cookie(SESSION_COOKIE, accessToken, {
      ...this.cookieOptions(),
      maxAge: this.config.accessTokenTtlSeconds * 1000,
    });
  }

  end(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  private cookieOptions(): CookieOptions {
    // Lax: a link from elsewhere still opens the page signed in; forms are guarded by the CSRF token.
    return { httpOnly: true, secure: this.config.sessionCookieSecure, sameSite: 'lax', path: '/' };
  }
}
