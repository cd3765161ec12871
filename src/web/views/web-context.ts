import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Reader } from '../http/web-request.js';

/** What every view may need about the request, without passing it through each component. */
export interface WebContextValue {
  readonly reader: Reader | null;
  /** For the hidden `_csrf` field of every form that writes. */
  readonly csrfToken: string;
  /** Path and query of this page: the sign-in link comes back to it. */
  readonly path: string;
  /** Fixed per request, so every relative time on a page counts from the same instant. */
  readonly now: Date;
  readonly assets: { readonly css: string; readonly js: string };
}

export const WebContext = createContext<WebContextValue>({
  reader: null,
  csrfToken: '',
  path: '/',
  now: new Date(0),
  assets: { css: '', js: '' },
});

export const useWeb = (): WebContextValue => useContext(WebContext);
