import type { RecordedEvent } from '#event-store';
import { testEvent } from '#testing';
import { filmLogStream, parseFilmLogStream } from '../domain/film-log.events.js';
import { tallyMarks, tallyRatings, type RatingCounts } from './mark-counts.js';

const [ANNA, BEN] = ['a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002'];
const [PARIS, HOLY_MOTORS] = ['f0000000-0000-4000-8000-000000000001', 'f0000000-0000-4000-8000-000000000002'];

let position = 0;

/** An event as a batch hands it over, on the given stream. */
const recorded = (type: string, streamId: string, data: Record<string, unknown> = {}): RecordedEvent => {
  position += 1;
  return {
    ...testEvent(type, data),
    streamId,
    revision: 0n,
    position: String(position),
    recordedAt: new Date(),
  };
};

const on = (userId: string, filmId: string, ...types: string[]): RecordedEvent[] =>
  types.map((type) => recorded(type, filmLogStream(userId, filmId)));

const byFilm = (event: RecordedEvent): string => parseFilmLogStream(event.streamId).filmId;
const byMember = (event: RecordedEvent): string => parseFilmLogStream(event.streamId).userId;

const counts = (checks: number, favourites: number, dislikes: number, watchlists: number) => ({
  checks,
  favourites,
  dislikes,
  watchlists,
});

describe('tallyMarks', () => {
  it('sums the net change of each kind of mark per key', () => {
    const events = [
      ...on(ANNA, PARIS, 'FilmChecked', 'FilmFavourited'),
      ...on(BEN, PARIS, 'FilmAddedToWatchlist', 'FilmChecked', 'FilmRemovedFromWatchlist', 'FilmDisliked'),
      ...on(ANNA, HOLY_MOTORS, 'FilmAddedToWatchlist'),
    ];

    expect(tallyMarks(events, byFilm)).toEqual(
      new Map([
        [PARIS, counts(2, 1, 1, 0)],
        [HOLY_MOTORS, counts(0, 0, 0, 1)],
      ]),
    );
    expect(tallyMarks(events, byMember)).toEqual(
      new Map([
        [ANNA, counts(1, 1, 0, 1)],
        [BEN, counts(1, 0, 1, 0)],
      ]),
    );
  });

  it('gives negative changes for marks taken back of earlier batches', () => {
    const events = on(
      ANNA,
      PARIS,
      'FilmUnfavourited',
      'FilmUndisliked',
      'FilmUnchecked',
      'FilmAddedToWatchlist',
    );
    expect(tallyMarks(events, byFilm)).toEqual(new Map([[PARIS, counts(-1, -1, -1, 1)]]));
  });

  it('leaves out keys whose marks end where they began', () => {
    const events = [
      ...on(ANNA, PARIS, 'FilmChecked', 'FilmFavourited', 'FilmUnfavourited', 'FilmUnchecked'),
      ...on(BEN, PARIS, 'FilmAddedToWatchlist', 'FilmRemovedFromWatchlist'),
      ...on(BEN, HOLY_MOTORS, 'FilmChecked'),
    ];
    expect(tallyMarks(events, byFilm)).toEqual(new Map([[HOLY_MOTORS, counts(1, 0, 0, 0)]]));
    // One member's check and another's uncheck of the same film cancel out for the film only.
    const crossing = [...on(ANNA, PARIS, 'FilmChecked'), ...on(BEN, PARIS, 'FilmUnchecked')];
    expect(tallyMarks(crossing, byFilm)).toEqual(new Map());
    expect(tallyMarks(crossing, byMember)).toEqual(
      new Map([
        [ANNA, counts(1, 0, 0, 0)],
        [BEN, counts(-1, 0, 0, 0)],
      ]),
    );
  });

  it('counts nothing for a new watch date', () => {
    const dated = recorded('FilmWatchDateChanged', filmLogStream(ANNA, PARIS), { watchedOn: '2008-04-01' });
    expect(tallyMarks([dated], byFilm)).toEqual(new Map());
    expect(tallyMarks([...on(BEN, PARIS, 'FilmChecked'), dated], byFilm)).toEqual(
      new Map([[PARIS, counts(1, 0, 0, 0)]]),
    );
  });

  it('ignores event types it does not know, without asking for their key', () => {
    const keyOf = jest.fn(byFilm);
    const events = [
      recorded('MemberRegistered', `member-${ANNA}`),
      recorded('FilmScreenedTwice', filmLogStream(BEN, PARIS), { stars: 5 }),
    ];
    expect(tallyMarks(events, keyOf)).toEqual(new Map());
    expect(keyOf).not.toHaveBeenCalled();
  });

  it('gives an empty map for an empty batch', () => {
    expect(tallyMarks([], byFilm)).toEqual(new Map());
  });
});

describe('tallyRatings', () => {
  const rated = (userId: string, filmId: string, rating: number, previous: number | null = null) =>
    recorded('FilmRated', filmLogStream(userId, filmId), { rating, previous });
  const removed = (userId: string, filmId: string, rating: number) =>
    recorded('FilmRatingRemoved', filmLogStream(userId, filmId), { rating });
  /** A tally from ratings added (positive) and taken away (negative counts). */
  const tally = (buckets: Record<number, number>): RatingCounts => {
    const counts = Object.fromEntries(
      Array.from({ length: 10 }, (_, index) => [`rated_${index + 1}`, buckets[(index + 1) / 2] ?? 0]),
    ) as RatingCounts;
    const entries = Object.entries(buckets).map(([rating, count]) => [Number(rating), count] as const);
    counts.ratings = entries.reduce((sum, [, count]) => sum + count, 0);
    counts.rating_half_stars = entries.reduce((sum, [rating, count]) => sum + rating * 2 * count, 0);
    return counts;
  };

  it('counts new ratings per key, with their half stars and buckets', () => {
    const events = [rated(ANNA, PARIS, 0.5), rated(BEN, PARIS, 5), rated(ANNA, HOLY_MOTORS, 3.5)];
    expect(tallyRatings(events, byFilm)).toEqual(
      new Map([
        [PARIS, tally({ 0.5: 1, 5: 1 })],
        [HOLY_MOTORS, tally({ 3.5: 1 })],
      ]),
    );
  });

  it('moves a replaced rating from its bucket to the new one, the count unchanged', () => {
    expect(tallyRatings([rated(ANNA, PARIS, 4, 2)], byFilm)).toEqual(
      new Map([[PARIS, { ...tally({ 4: 1, 2: -1 }), ratings: 0 }]]),
    );
  });

  it('takes a removed rating away, and leaves out keys that end where they began', () => {
    expect(tallyRatings([removed(BEN, PARIS, 1.5)], byMember)).toEqual(new Map([[BEN, tally({ 1.5: -1 })]]));
    expect(tallyRatings([rated(BEN, PARIS, 3), removed(BEN, PARIS, 3)], byMember)).toEqual(new Map());
  });

  it('ignores every other event', () => {
    expect(tallyRatings(on(ANNA, PARIS, 'FilmChecked', 'FilmFavourited'), byFilm)).toEqual(new Map());
  });
});
