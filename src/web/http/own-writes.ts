import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, InvalidPositionError, type EventStore } from '#event-store';
import { ProjectionMonitor, type Projection } from '#projections';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { PROJECTIONS } from '../../platform/projections/projections.module.js';
import { clearCookie, requestCookies, setCookie, type WebRequest } from './web-request.js';

export const OWN_WRITE_COOKIE = 'filmlog_after';
/** Long enough for the page after the redirect; a lagging projection is not waited for forever. */
const REMEMBER_MS = 30_000;
const WAIT_MS = 2_000;

/**
 * Read-your-writes for the pages: a form's command answers a position, kept in a short-lived
 * cookie; the next page waits (up to 2 s) until every projection has applied it, so the member
 * sees the effect of what they just did. The API does the same with X-Consistent-With.
 */
@Injectable()
export class OwnWrites {
  private readonly names: readonly string[];

  constructor(
    private readonly monitor: ProjectionMonitor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) projections: readonly Projection[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.names = projections.map((projection) => projection.name);
  }

  remember(response: FastifyReply, position: string | null | undefined): void {
    if (!position) return;
    setCookie(
      response,
      OWN_WRITE_COOKIE,
      position,
      { httpOnly: true, secure: this.config.sessionCookieSecure, sameSite: 'lax', path: '/' },
      REMEMBER_MS,
    );
  }

  /** Waits for the remembered write; forgets it once every projection has it. */
  async awaitRemembered(request: WebRequest, response: FastifyReply): Promise<void> {
    const position = requestCookies(request)[OWN_WRITE_COOKIE];
    if (!position) return;
    let reached: boolean;
    try {
      this.store.comparePositions(position, position);
      reached = await this.monitor.waitFor(this.names, position, WAIT_MS);
    } catch (error) {
      if (!(error instanceof InvalidPositionError)) throw error;
      reached = true; // not a position: nothing to wait for
    }
    if (reached) clearCookie(response, OWN_WRITE_COOKIE, { path: '/' });
  }
}
