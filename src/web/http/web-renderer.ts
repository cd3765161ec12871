import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ErrorPage } from '../views/error-page.js';
import { WebContext, type WebContextValue } from '../views/web-context.js';
import { WebAssets } from './web-assets.js';
import { WebCsrf } from './web-csrf.js';
import type { WebRequest } from './web-request.js';

/** A rendered page: each view has its own props, so the renderer takes any. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type View = VNode<any>;

/** Strict: no inline script or style anywhere, nothing from other origins. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Builds the context every view reads (reader, form token, asset URLs). */
@Injectable()
export class WebRenderer {
  constructor(
    private readonly csrf: WebCsrf,
    private readonly assets: WebAssets,
  ) {}

  of(request: WebRequest, response: FastifyReply): WebContextValue {
    return this.context(
      request.reader ?? null,
      this.csrf.tokenFor(request, response),
      request.originalUrl || '/',
    );
  }

  /** The 404 page for a path no route serves: rendered without a session, as no guard ran. */
  sendNotFound(response: FastifyReply): void {
    const context = this.context(null, '', '/');
    const detail = 'There is no page at this address. Search for a film, or start from the home page.';
    this.send(response, context, h(ErrorPage, { status: 404, detail }), 404);
  }

  private context(reader: WebContextValue['reader'], csrfToken: string, path: string): WebContextValue {
    return {
      reader,
      csrfToken,
      path,
      now: new Date(),
      assets: { css: this.assets.css.url, js: this.assets.js.url },
    };
  }

  /** Writes the page: `<!doctype html>` and the view rendered with the context. */
  send(response: FastifyReply, context: WebContextValue, view: View, status = 200): void {
    const html = `<!doctype html>${renderToString(h(WebContext.Provider, { value: context }, view))}`;
    void response
      .code(status)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', PAGE_CSP)
      // Same-origin only: a refused form then returns the reader to the page it came from.
      .header('Referrer-Policy', 'same-origin')
      // Pages show the reader's own state: never from a shared cache, never stale after a write.
      .header('Cache-Control', 'no-store')
      .send(html);
  }
}
