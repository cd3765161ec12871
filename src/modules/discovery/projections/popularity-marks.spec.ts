import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '#event-store';
import { filmLogStream } from '../../film-log/domain/film-log.events.js';
import { MARK_KINDS, dayChanges, markOutcomes } from './popularity-marks.js';

const [ann, film] = [randomUUID(), randomUUID()];

const recorded = (type: string, occurredAt: string): RecordedEvent =>
  ({
    type,
    data: {},
    streamId: filmLogStream(ann, film),
    metadata: { occurredAt },
  }) as unknown as RecordedEvent;

describe('markOutcomes', () => {
  it('keeps the last word on each mark, with the UTC day it was made', () => {
    const outcomes = markOutcomes([
      recorded('FilmChecked', '2026-03-01T23:59:59.000Z'),
      recorded('FilmFavourited', '2026-03-02T08:00:00.000Z'),
      recorded('FilmUnfavourited', '2026-03-02T09:00:00.000Z'),
      recorded('FilmDisliked', '2026-03-02T09:00:00.000Z'),
      recorded('FilmRated', '2026-03-02T09:00:00.000Z'),
    ]);
    expect(outcomes).toEqual([
      { userId: ann, filmId: film, kind: MARK_KINDS.check, markedOn: '2026-03-01', stoodBefore: false },
      { userId: ann, filmId: film, kind: MARK_KINDS.favourite, markedOn: null, stoodBefore: false },
    ]);
  });

  it('says a mark stood before the batch when its first event in the batch took it back', () => {
    const outcomes = markOutcomes([
      recorded('FilmUnchecked', '2026-03-01T08:00:00.000Z'),
      recorded('FilmChecked', '2026-03-02T08:00:00.000Z'),
      recorded('FilmAddedToWatchlist', '2026-03-02T08:00:00.000Z'),
      recorded('FilmRemovedFromWatchlist', '2026-03-02T09:00:00.000Z'),
      recorded('FilmAddedToWatchlist', '2026-03-02T10:00:00.000Z'),
    ]);
    expect(outcomes).toEqual([
      { userId: ann, filmId: film, kind: MARK_KINDS.check, markedOn: '2026-03-02', stoodBefore: true },
      { userId: ann, filmId: film, kind: MARK_KINDS.watchlist, markedOn: '2026-03-02', stoodBefore: false },
    ]);
  });
});

describe('dayChanges', () => {
  it('nets the marks taken from a day against those made on it, leaving out zeros', () => {
    const other = randomUUID();
    const changes = dayChanges(
      [
        { film_id: film, marked_on: '2026-03-01' },
        { film_id: other, marked_on: '2026-03-01' },
      ],
      [
        { userId: ann, filmId: film, kind: 1, markedOn: '2026-03-01', stoodBefore: true },
        { userId: ann, filmId: film, kind: 2, markedOn: '2026-03-04', stoodBefore: false },
      ],
    );
    expect(changes).toEqual({
      filmIds: [other, film],
      days: ['2026-03-01', '2026-03-04'],
      changes: [-1, 1],
    });
  });
});
