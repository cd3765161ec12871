import type { ComponentChildren } from 'preact';
import { holdsRole } from '../../common/auth/index.js';
import { CsrfField } from './components.js';
import { useWeb } from './web-context.js';

export interface LayoutProps {
  /** The page's own title; the site name is appended. */
  readonly title: string;
  readonly children: ComponentChildren;
  /** Pages that should not be indexed (forms, personal pages). */
  readonly noIndex?: boolean;
  /** Extra head elements, e.g. a meta refresh while an import runs. */
  readonly head?: ComponentChildren;
}

/** Every page: skip link, header with search and the reader's menu, the page, a footer. */
export function Layout({ title, children, noIndex, head }: LayoutProps) {
  const { reader, assets, path } = useWeb();
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Filmlog`}</title>
        {noIndex && <meta name="robots" content="noindex" />}
        {/* No favicon request: the site has no icon yet. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={assets.css} />
        <script src={assets.js} defer />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a class="site-name" href="/">
            Filmlog
          </a>
          <form class="site-search" role="search" method="get" action="/search">
            <label for="site-search-q" class="visually-hidden">
              Search films
            </label>
            <input id="site-search-q" type="search" name="q" placeholder="Search films" />
            <button type="submit">Search</button>
          </form>
          <nav aria-label="Main">
            <ul class="site-menu">
              {reader ? (
                <>
                  <li>
                    <a href="/">Feed</a>
                  </li>
                  <li>
                    <a href={`/member/${encodeURIComponent(reader.username)}`}>{reader.username}</a>
                  </li>
                  <BrowseLinks />
                  <li>
                    <a href="/my/imports">Imports</a>
                  </li>
                  <li>
                    <a href="/festival">Festivals</a>
                  </li>
                  {holdsRole(reader.roles, 'moderator') && (
                    <li>
                      <a href="/moderate">Moderation</a>
                    </li>
                  )}
                  <li>
                    <a href="/my/settings">Settings</a>
                  </li>
                  <li>
                    <form method="post" action="/sign-out" class="inline-form">
                      <CsrfField />
                      <button type="submit" class="link-button">
                        Sign out
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <BrowseLinks />
                  <li>
                    <a href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</a>
                  </li>
                  <li>
                    <a href="/sign-up">Sign up</a>
                  </li>
                  <li>
                    <a href="/festival">Festivals</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </header>
        {reader?.suspended && (
          <p class="notice notice-warning" role="status">
            {reader.suspensionDetail}
          </p>
        )}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>
            Filmlog: log the films you have seen. <a href="/api/docs">API</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** Where anyone finds films and lists without searching. */
const BrowseLinks = () => (
  <>
    <li>
      <a href="/browse/films">Films</a>
    </li>
    <li>
      <a href="/browse/lists">Lists</a>
    </li>
  </>
);
