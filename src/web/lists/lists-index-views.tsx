import type { Page } from '../../common/paging/index.js';
import type { PublicListSummary } from '../../modules/lists/lists.response.js';
import { LIST_SORTS, type ListSort } from '../../modules/lists/queries/search-lists/search-lists.request.js';
import type { FormFailure } from '../http/forms.js';
import { ErrorSummary, Field, Pager, type PagerWords } from '../views/components.js';
import { Layout } from '../views/layout.js';
import { ListEntry } from './list-entry.js';

/** The index's two shelves: the canon lists the site keeps, and members' public lists. */
export const LIST_KINDS = ['official', 'personal'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

const KIND_NAMES: Record<ListKind, string> = { official: 'Official lists', personal: 'Members’ lists' };

const SORT_NAMES: Record<ListSort, string> = { recent: 'Newest', popular: 'Most viewed' };

const PAGE_WORDS: Record<ListSort, PagerWords> = {
  recent: { label: 'Pages of lists', first: 'Back to the newest lists', next: 'Older lists' },
  popular: { label: 'Pages of lists', first: 'Back to the most viewed lists', next: 'Less viewed lists' },
};

/**
 * The index's address for a shelf, a search, an order (members' lists only) and a page; the
 * official shelf, no search and the newest first are the plain one.
 */
export function listsIndexHref(
  kind: ListKind,
  q?: string,
  cursor?: string | null,
  sort: ListSort = 'recent',
): string {
  const query = new URLSearchParams();
  if (kind !== 'official') query.set('kind', kind);
  if (q) query.set('q', q);
  if (kind === 'personal' && sort !== 'recent') query.set('sort', sort);
  if (cursor) query.set('cursor', cursor);
  const search = query.toString();
  return `/browse/lists${search ? `?${search}` : ''}`;
}

export interface ListsIndexViewProps {
  readonly kind: ListKind;
  readonly q?: string;
  /** Always recent on the official shelf. */
  readonly sort: ListSort;
  /** Null when the search was refused (the form says why). */
  readonly page: Page<PublicListSummary> | null;
  readonly paged: boolean;
  readonly failure?: FormFailure;
}

/**
 * Every public list: the official canon with the reader's progress on each, and members' lists,
 * newest first or most viewed first.
 */
export function ListsIndexView({ kind, q, sort, page, paged, failure }: ListsIndexViewProps) {
  return (
    <Layout title={q ? `${KIND_NAMES[kind]} matching “${q}”` : KIND_NAMES[kind]}>
      <h1>Lists</h1>
      <nav class="profile-tabs" aria-label="Kinds of list">
        <ul>
          {LIST_KINDS.map((shelf) => (
            <li key={shelf}>
              <a href={listsIndexHref(shelf, q)} aria-current={shelf === kind ? 'page' : undefined}>
                {KIND_NAMES[shelf]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form
        class="search-form card"
        method="get"
        action="/browse/lists"
        role="search"
        aria-label="Search the lists"
      >
        <ErrorSummary message={failure?.message} errors={failure?.errors} />
        {kind !== 'official' && <input type="hidden" name="kind" value={kind} />}
        {kind === 'personal' && sort !== 'recent' && <input type="hidden" name="sort" value={sort} />}
        <Field name="q" label="Words of the title" type="search" value={q} errors={failure?.errors} />
        <div class="search-actions">
          <button type="submit" class="primary">
            Search lists
          </button>
          {q && <a href={listsIndexHref(kind, undefined, null, sort)}>Clear the search</a>}
        </div>
      </form>
      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">{KIND_NAMES[kind]}</h2>
        {kind === 'personal' && (
          <nav class="profile-tabs" aria-label="Order of members’ lists">
            <ul>
              {LIST_SORTS.map((order) => (
                <li key={order}>
                  <a
                    href={listsIndexHref(kind, q, null, order)}
                    aria-current={order === sort ? 'page' : undefined}
                  >
                    {SORT_NAMES[order]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {page && page.items.length > 0 && (
          <ul class="list-entries">
            {page.items.map((list) => (
              <ListEntry key={list.id} list={list} withOwner />
            ))}
          </ul>
        )}
        {page && page.items.length === 0 && <p>{emptyText(kind, q, paged)}</p>}
        {page && (
          <Pager
            nextHref={page.nextCursor ? listsIndexHref(kind, q, page.nextCursor, sort) : null}
            firstHref={paged ? listsIndexHref(kind, q, null, sort) : null}
            words={PAGE_WORDS[sort]}
          />
        )}
      </section>
    </Layout>
  );
}

function emptyText(kind: ListKind, q: string | undefined, paged: boolean): string {
  if (paged) return 'There are no more lists here.';
  if (q) return `No ${kind === 'official' ? 'official' : 'public'} list has “${q}” in its title.`;
  return kind === 'official' ? 'There are no official lists yet.' : 'No member has made a public list yet.';
}
