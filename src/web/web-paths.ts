import { RequestMethod } from '@nestjs/common';

interface ExcludedRoute {
  readonly path: string;
  readonly method: RequestMethod;
}

/**
 * The first path segments the web pages own. They are served at the root, outside the API's
 * `/api/v1` prefix, so none may be the first segment of an API route (the exclusion matches the
 * route's path, and `films` would also take the API's `films/:ref` out of the prefix).
 */
export const WEB_SEGMENTS = [
  'sign-up',
  'sign-in',
  'sign-out',
  'film',
  // Singular: `people` is the API's own first segment.
  'person',
  // Singular: `festivals` is the API's own first segment.
  'festival',
  'search',
  // Popular films and the lists index: `films` and `lists` are the API's own first segments.
  'browse',
  'member',
  'list',
  'my',
  'moderate',
  'assets',
] as const;

/** Routes kept out of the global API prefix: the home page and everything under the web's segments. */
export const webRoutesOutsideApiPrefix = (): ExcludedRoute[] => [
  { path: '/', method: RequestMethod.GET },
  ...WEB_SEGMENTS.flatMap((segment) => [
    { path: segment, method: RequestMethod.ALL },
    { path: `${segment}/{*rest}`, method: RequestMethod.ALL },
  ]),
];
