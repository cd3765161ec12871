import type { RequestMethod } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** A route the global API prefix leaves alone. */
export interface RouteOutsidePrefix {
  readonly path: string;
  readonly method: RequestMethod;
}

/** A file served as it is, from memory, at a fixed URL. */
export interface StaticAsset {
  readonly url: string;
  readonly body: Buffer;
  /** The Content-Type header. */
  readonly type: string;
}

/**
 * What a front end served beside the API adds to the HTTP stack. The web module provides it
 * under HTTP_PAGES; the platform asks for it without knowing the pages.
 */
export interface HttpPages {
  /** Page routes served at the root rather than under the API prefix. */
  readonly routesOutsideApiPrefix: readonly RouteOutsidePrefix[];
  /** The pages' static assets, served (GET and HEAD) before any route. */
  readonly assets: readonly StaticAsset[];
  /** Answers a browser asking for a path no route serves. */
  sendNotFound(reply: FastifyReply): void;
}

export const HTTP_PAGES = Symbol('HTTP_PAGES');
