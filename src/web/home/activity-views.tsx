import type { ComponentChildren } from 'preact';
import type { FeedItem, FilmRef } from '../../modules/activity/activity.response.js';
import type { PosterMap } from '../../modules/catalog/posters/queries/get-posters.query.js';
import { RelativeTime, Stars } from '../views/components.js';
import { PosterImage, posterFilm } from '../views/poster.js';

export const memberHref = (username: string): string => `/member/${encodeURIComponent(username)}`;
export const filmHref = (slug: string): string => `/film/${encodeURIComponent(slug)}`;

/** A film's title (and year) linking to its page. */
export function FilmLink({ film }: { readonly film: FilmRef }) {
  return (
    <a href={filmHref(film.slug)}>
      {film.title}
      {film.year !== null && <span class="film-year"> ({film.year})</span>}
    </a>
  );
}

/** What a member did to a film, as a sentence around the film's link. */
function sentence(item: FeedItem, film: ComponentChildren): ComponentChildren {
  switch (item.verb) {
    case 'checked':
      return <>checked {film}</>;
    case 'favourited':
      return <>favourited {film}</>;
    case 'disliked':
      return <>disliked {film}</>;
    case 'watchlisted':
      return <>added {film} to their watchlist</>;
    case 'rated':
      return (
        <>
          rated {film} {item.rating !== undefined && <Stars rating={item.rating} />}
        </>
      );
    case 'commented':
      return <>commented on {film}</>;
    case 'reviewed':
      return <>reviewed {film}</>;
    case 'listed':
      return <>added {film} to a list</>;
    case 'logged':
      return <>watched {film} again</>;
  }
}

/** "filmlovepenguin favourited Paris (2008) 11 minutes ago". */
export function ActivityEntry({ item, posters }: { readonly item: FeedItem; readonly posters: PosterMap }) {
  return (
    <li class="activity-entry with-poster">
      <PosterImage film={posterFilm(item.film, posters)} display="thumb" />
      <span>
        <span class="activity-what">
          <a href={memberHref(item.actor.username)} class="activity-actor">
            {item.actor.username}
          </a>{' '}
          {sentence(item, <FilmLink film={item.film} />)}
        </span>{' '}
        <span class="activity-when">
          <RelativeTime at={item.occurredAt} />
        </span>
      </span>
    </li>
  );
}

/** Activity newest first; the caller says what an empty list means. */
export function ActivityList({
  items,
  posters,
  label,
}: {
  readonly items: readonly FeedItem[];
  readonly posters: PosterMap;
  readonly label: string;
}) {
  return (
    <ol class="activity-list" aria-label={label}>
      {items.map((item) => (
        <ActivityEntry
          key={`${item.actor.id}-${item.verb}-${item.film.id}-${item.occurredAt}`}
          item={item}
          posters={posters}
        />
      ))}
    </ol>
  );
}
