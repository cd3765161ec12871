import {
  Controller,
  Injectable,
  StreamableFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { h, isValidElement, type ComponentType } from 'preact';
import { from, mergeMap, type Observable } from 'rxjs';
import { Public } from '../../common/auth/index.js';
import { OwnWrites } from './own-writes.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { WebGuard } from './web-guard.js';
import type { WebRequest } from './web-request.js';
import { WebRenderer, type View } from './web-renderer.js';

/** A 303 to another page, after a form's write; `position` makes that page wait for the write. */
export class SeeOther {
  constructor(
    readonly location: string,
    readonly position?: string | null,
  ) {}
}

export const seeOther = (location: string, position?: string | null): SeeOther =>
  new SeeOther(location, position);

/** A page handler's view: the component with its props, type-checked against each other. */
export const view = <P extends object>(component: ComponentType<P>, props: NoInfer<P>): View =>
  h(component as ComponentType<object>, props);

/** A view and its status; a handler may also return the bare view (200). */
export class PageResult {
  constructor(
    readonly view: View,
    readonly status: number,
  ) {}
}

/** Renders what a page handler returns: a view (or PageResult) as HTML, a SeeOther as a 303. */
@Injectable()
export class WebPageInterceptor implements NestInterceptor {
  constructor(
    private readonly pages: WebRenderer,
    private readonly ownWrites: OwnWrites,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<WebRequest>();
    const response = http.getResponse<FastifyReply>();
    if (request.method === 'GET') await this.ownWrites.awaitRemembered(request, response);
    return next.handle().pipe(
      mergeMap((result: unknown) =>
        from(
          Promise.resolve().then(() => {
            // A file for the reader to keep (an export's zip) goes out as it is.
            if (result instanceof StreamableFile) return result;
            if (result instanceof SeeOther) {
              this.ownWrites.remember(response, result.position);
              void response.redirect(result.location, 303);
              return;
            }
            const page = result instanceof PageResult ? result : null;
            const view = page?.view ?? result;
            if (!isValidElement(view))
              throw new Error('A page handler returned neither a view nor a redirect');
            this.pages.send(response, this.pages.of(request, response), view, page?.status ?? 200);
          }),
        ),
      ),
    );
  }
}

/**
 * A controller of web pages: served at the root (see web-paths.ts), outside the OpenAPI document,
 * signed in through the session cookie (never a bearer token), CSRF-checked on every write, and
 * answering errors with pages.
 */
export const WebPages = (path = ''): ClassDecorator =>
  applyDecorators(
    Controller(path),
    ApiExcludeController(),
    // The API's bearer guard lets these through; WebGuard does the pages' own sign-in.
    Public(),
    UseGuards(WebGuard),
    UseInterceptors(WebPageInterceptor),
    UseFilters(WebExceptionFilter),
  );
