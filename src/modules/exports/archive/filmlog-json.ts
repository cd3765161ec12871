import type { EventStore } from '#event-store';
import { fromHalfStars } from '../../film-log/domain/rating.js';
import { eventAsExported } from './exported-event.js';
import { memberEvents } from './member-events.js';
import type { FilmRow, ListRow, MarksRow, MemberRows, PlanRow } from './member-rows.js';

/** The format filmlog.json declares, so a reader knows what it holds. */
export const FILMLOG_FORMAT = 'filmlog-export';
export const FILMLOG_FORMAT_VERSION = 1;

type Chunks = AsyncGenerator<Buffer>;

const json = (value: unknown): string => JSON.stringify(value);

const instant = (at: Date | null): string | null => (at === null ? null : at.toISOString());

const filmOf = (row: FilmRow) => ({
  id: row.film_id,
  slug: row.slug,
  title: row.title,
  year: row.year,
  imdbId: row.imdb_id,
});

/** A film's marks, each with the exact instant it stands from. */
export const filmMarks = (row: MarksRow) => ({
  film: filmOf(row),
  checked: row.checked ? { at: instant(row.checked_at ?? row.updated_at), watchedOn: row.watched_on } : null,
  favourite: row.favourite ? { at: instant(row.favourited_at ?? row.updated_at) } : null,
  disliked: row.disliked ? { at: instant(row.disliked_at ?? row.updated_at) } : null,
  watchlisted: row.watchlisted ? { at: instant(row.watchlisted_at ?? row.updated_at) } : null,
  rating:
    row.rating_half_stars === null
      ? null
      : { rating: fromHalfStars(row.rating_half_stars), at: instant(row.rated_at ?? row.updated_at) },
});

/** `"key":[…]` from batches, a chunk per batch. */
async function* arrayOf<Row>(
  key: string,
  batches: AsyncIterable<Row[]>,
  itemOf: (row: Row) => unknown,
): Chunks {
  yield Buffer.from(`,${json(key)}:[`);
  let first = true;
  for await (const batch of batches) {
    const items = batch.map((row) => json(itemOf(row))).join(',');
    yield Buffer.from(first ? items : `,${items}`);
    first = false;
  }
  yield Buffer.from(']');
}

async function* listsOf(rows: MemberRows): Chunks {
  yield Buffer.from(`,"lists":[`);
  let first = true;
  for await (const batch of rows.lists()) {
    for (const list of batch) {
      yield Buffer.from((first ? '' : ',') + listOpening(list));
      first = false;
      let rank = 0;
      let firstItem = true;
      for await (const items of rows.listItems(list.id)) {
        const text = items
          .map((item) => {
            rank += 1;
            return json({
              rank: list.ranked ? rank : null,
              film: filmOf(item),
              note: item.note,
              addedAt: instant(item.added_at),
            });
          })
          .join(',');
        yield Buffer.from(firstItem ? text : `,${text}`);
        firstItem = false;
      }
      yield Buffer.from(']}');
    }
  }
  yield Buffer.from(']');
}

/** A list's own fields, up to its open items array. */
const listOpening = (list: ListRow): string =>
  json({
    id: list.id,
    title: list.title,
    description: list.description,
    ranked: list.ranked,
    visibility: list.visibility,
    official: list.kind === 'official',
    createdAt: instant(list.created_at),
  }).slice(0, -1) + ',"items":[';

async function* plansOf(rows: MemberRows, plans: readonly PlanRow[]): Chunks {
  yield Buffer.from(`,"festivalPlans":[`);
  for (const [index, plan] of plans.entries()) {
    const opening = json({
      festival: { slug: plan.festival, name: plan.festival_name },
      year: plan.year,
      visibility: plan.visibility,
    });
    yield Buffer.from((index === 0 ? '' : ',') + opening.slice(0, -1));
    yield* arrayOf('screenings', rows.planItems(plan.edition_id), (item) => ({
      id: item.screening_id,
      film: filmOf(item),
      venue: item.venue,
      startsAt: instant(item.starts_at),
      addedAt: instant(item.added_at),
    }));
    yield Buffer.from('}');
  }
  yield Buffer.from(']');
}

/**
 * filmlog.json, written as it is read: the profile, every film's marks with their instants, the
 * diary, reviews, lists with ranks and notes, comments, festival plans and every event of the
 * member. What makes an import of the archive exact (the CSVs only carry days).
 */
export async function* filmlogJson(rows: MemberRows, store: EventStore, exportedAt: Date): Chunks {
  const profile = await rows.profile();
  yield Buffer.from(
    `{"format":${json(FILMLOG_FORMAT)},"version":${FILMLOG_FORMAT_VERSION},"exportedAt":${json(exportedAt.toISOString())}`,
  );
  yield Buffer.from(
    `,"profile":${json(
      profile && {
        id: profile.id,
        username: profile.username,
        email: profile.email,
        roles: ['member', ...(profile.roles ?? [])],
        createdAt: instant(profile.created_at),
        joinedAt: instant(profile.joined_at),
      },
    )}`,
  );
  yield* arrayOf('films', rows.marks(), filmMarks);
  yield* arrayOf('diary', rows.diary(), (row) => ({
    id: row.id,
    film: filmOf(row),
    watchedOn: row.watched_on,
    rewatch: row.rewatch,
    rating: fromHalfStars(row.rating_half_stars),
    loggedAt: instant(row.logged_at),
  }));
  yield* arrayOf('reviews', rows.reviews(), (row) => ({
    id: row.id,
    film: filmOf(row),
    body: row.body,
    spoilers: row.spoilers,
    rating: fromHalfStars(row.rating_half_stars),
    createdAt: instant(row.created_at),
    editedAt: instant(row.edited_at),
    hidden: row.hidden,
    diaryEntryId: row.diary_entry_id,
  }));
  yield* listsOf(rows);
  yield* arrayOf('comments', rows.comments(), (row) => ({
    id: row.id,
    film: filmOf(row),
    body: row.body,
    createdAt: instant(row.created_at),
    editedAt: instant(row.edited_at),
    hidden: row.hidden,
  }));
  yield* plansOf(rows, await rows.plans());
  yield* arrayOf('events', memberEvents(store, rows.memberId), eventAsExported);
  yield Buffer.from('}');
}
