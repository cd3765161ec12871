import type { ListVisibility } from '../../modules/lists/domain/list.events.js';
import { awardFor, type Award, type ListProgress } from '../../modules/lists/domain/progress.js';
import type { ListDetail, ListItem } from '../../modules/lists/lists.response.js';
import { Pager, type PagerWords } from '../views/components.js';
import { filmPath } from '../views/film-words.js';
import { Layout } from '../views/layout.js';
import { PosterImage } from '../views/poster.js';
import { count } from '../views/numbers.js';
import { useWeb } from '../views/web-context.js';

/** Pages of a long list's films, in rank order. */
const FILM_PAGES: PagerWords = {
  label: 'Pages of films',
  first: 'Back to the first films',
  next: 'Next films',
};

const AWARD_NAMES: Record<Award, string> = {
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
  platinum: 'Platinum',
};

const VISIBILITY_WORDS: Record<ListVisibility, string> = {
  public: 'Public',
  friends: 'Friends only: the members its owner follows',
  private: 'Private: only its owner sees it',
};

/**
 * The next award and how many more films it takes, found by asking the lists module's own rule
 * (awardFor) rather than restating its thresholds; null once nothing is left to win.
 */
export function nextAward(checked: number, total: number): { award: Award; more: number } | null {
  const current = awardFor(checked, total);
  for (let seen = checked + 1; seen <= total; seen += 1) {
    const award = awardFor(seen, total);
    if (award !== null && award !== current) return { award, more: seen - checked };
  }
  return null;
}

/** A ranked list reads as rows or as a grid of posters; an unranked one as rows only. */
export type ListLayout = 'rows' | 'grid';

export const listLayout = (ranked: boolean, asked: unknown): ListLayout =>
  ranked && asked === 'grid' ? 'grid' : 'rows';

/** A list's address in a layout, at a page of its films. */
export function listHref(id: string, layout: ListLayout, cursor?: string): string {
  const params = new URLSearchParams();
  if (layout === 'grid') params.set('view', 'grid');
  if (cursor !== undefined) params.set('cursor', cursor);
  const query = params.toString();
  return `/list/${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
}

export interface ListViewProps {
  readonly list: ListDetail;
  readonly layout: ListLayout;
  /** Back to the first films, on later pages. */
  readonly firstHref: string | null;
  readonly nextHref: string | null;
}

/** A list: what it is, whose, the reader's progress and award, and its films in rank order. */
export function ListView({ list, layout, firstHref, nextHref }: ListViewProps) {
  return (
    <Layout title={list.title} noIndex={list.visibility !== 'public'}>
      <article class="list-page">
        <header class="list-header">
          <p class="list-kind">{list.official ? 'Official list' : 'Member list'}</p>
          <h1>{list.title}</h1>
          <p class="list-meta">
            By <a href={`/member/${encodeURIComponent(list.owner.username)}`}>{list.owner.username}</a>
            {' · '}
            {list.size === 1 ? '1 film' : `${count(list.size)} films`}
            {list.ranked ? ', ranked' : ''}
            {list.official && list.edition > 0 ? ` · Edition ${list.edition}` : ''}
            {' · '}
            {VISIBILITY_WORDS[list.visibility]}
          </p>
          {list.description && <p class="list-description">{list.description}</p>}
        </header>
        <ListProgressSection progress={list.progress} />
        <section aria-labelledby="list-films-heading">
          <h2 id="list-films-heading">Films</h2>
          {list.ranked && list.items.length > 0 && <LayoutSwitch listId={list.id} layout={layout} />}
          {layout === 'grid' ? (
            <PosterGrid items={list.items} />
          ) : (
            <ListItems items={list.items} ranked={list.ranked} />
          )}
          <Pager firstHref={firstHref} nextHref={nextHref} words={FILM_PAGES} />
        </section>
      </article>
    </Layout>
  );
}

/** The signed-in reader's progress bar and award; a sign-in prompt for anonymous readers. */
function ListProgressSection({ progress }: { readonly progress: ListProgress | undefined }) {
  const { path } = useWeb();
  return (
    <section class="list-progress card" aria-labelledby="list-progress-heading" data-region="list-progress">
      <h2 id="list-progress-heading">Your progress</h2>
      {progress === undefined ? (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(path)}`}>Sign in</a> to see how many of these films you
          have seen and the award you have earned.
        </p>
      ) : progress.total === 0 ? (
        <p>This list has no films yet.</p>
      ) : (
        <ProgressDetails progress={progress} />
      )}
    </section>
  );
}

function ProgressDetails({ progress }: { readonly progress: ListProgress }) {
  const { checked, total, percent, award } = progress;
  const next = nextAward(checked, total);
  return (
    <>
      <p class="list-progress-label">
        <label for="list-progress-bar">
          {count(checked)} of {count(total)} seen ({percent}%)
        </label>
      </p>
      <progress id="list-progress-bar" value={checked} max={total}>
        {percent}%
      </progress>
      <p class="list-award">
        {award === null ? (
          'No award yet.'
        ) : (
          <>
            Award: <strong class={`award award-${award}`}>{AWARD_NAMES[award]}</strong>
          </>
        )}
      </p>
      {next && (
        <p class="list-next-award">
          See {next.more === 1 ? '1 more film' : `${count(next.more)} more films`} for{' '}
          {AWARD_NAMES[next.award]}.
        </p>
      )}
    </>
  );
}

function ListItems({ items, ranked }: { readonly items: readonly ListItem[]; readonly ranked: boolean }) {
  if (items.length === 0) return <p>There are currently no films on this list.</p>;
  const entries = items.map((item) => (
    <li key={item.film.id} class="list-item" value={item.rank}>
      {item.rank !== undefined && <span class="list-rank">{item.rank}</span>}
      <span class="list-film">
        <a href={`/film/${encodeURIComponent(item.film.slug)}`}>{item.film.title}</a>
        {item.film.year !== null && <span class="list-year"> ({item.film.year})</span>}
        {item.note && <span class="list-note">{item.note}</span>}
      </span>
    </li>
  ));
  return ranked ? (
    <ol class="list-items list-items-ranked" start={items[0]?.rank}>
      {entries}
    </ol>
  ) : (
    <ul class="list-items">{entries}</ul>
  );
}

/** The two ways to read a ranked list; the one shown is the current page. */
function LayoutSwitch({ listId, layout }: { readonly listId: string; readonly layout: ListLayout }) {
  const choices: readonly { layout: ListLayout; label: string }[] = [
    { layout: 'rows', label: 'List' },
    { layout: 'grid', label: 'Poster grid' },
  ];
  return (
    <nav class="list-layouts" aria-label="Show the films as">
      {choices.map((choice) => (
        <a
          key={choice.layout}
          href={listHref(listId, choice.layout)}
          aria-current={choice.layout === layout ? 'page' : undefined}
        >
          {choice.label}
        </a>
      ))}
    </nav>
  );
}

/** A ranked list's films as posters, each with its rank and title under it. */
function PosterGrid({ items }: { readonly items: readonly ListItem[] }) {
  if (items.length === 0) return <p>There are currently no films on this list.</p>;
  return (
    <ol class="poster-grid" start={items[0]?.rank}>
      {items.map((item) => (
        <li key={item.film.id} class="poster-grid-item" value={item.rank}>
          <PosterImage film={item.film} display="grid" />
          <p class="poster-grid-caption">
            <span class="poster-grid-rank">{item.rank}</span>{' '}
            <a href={filmPath(item.film.slug)}>{item.film.title}</a>
            {item.film.year !== null && <span class="list-year"> ({item.film.year})</span>}
          </p>
        </li>
      ))}
    </ol>
  );
}
