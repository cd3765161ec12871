import type { RequestMethod } from '@nestjs/common';
import type { RequestHandler, Response } from 'express';

/** A route the global API prefix leaves alone. */
export interface RouteOutsidePrefix {
  readonly path: string;
  readonly method: RequestMethod;
}

/**
 * What a front end served beside the API adds to the HTTP stack. The web module provides it
 * under HTTP_PAGES; the platform asks for it without knowing the pages.
 */
export interface HttpPages {
  /** Page routes served at the root rather than under the API prefix. */
  readonly routesOutsideApiPrefix: readonly RouteOutsidePrefix[];
  /** Serves the pages' static assets, before any route. */
  readonly assets: RequestHandler;
  /** Answers a browser asking for a path no route serves. */
  sendNotFound(response: Response): void;
}

export const HTTP_PAGES = Symbol('HTTP_PAGES');
