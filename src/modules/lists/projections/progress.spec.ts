import type { RecordedEvent } from '#event-store';
import { filmLogStream } from '../../film-log/domain/film-log.events.js';
import { foldChecks } from './progress.js';

const event = (type: string, userId: string, filmId: string): RecordedEvent =>
  ({ type, streamId: filmLogStream(userId, filmId), data: {} }) as unknown as RecordedEvent;

describe('foldChecks', () => {
  it('keeps the last word of the batch on each member and film, and skips other events', () => {
    const checks = foldChecks([
      event('FilmChecked', 'u1', 'f1'),
      event('FilmUnchecked', 'u1', 'f1'),
      event('FilmChecked', 'u1', 'f2'),
      event('FilmFavourited', 'u2', 'f1'),
      event('FilmUnchecked', 'u2', 'f2'),
      event('FilmChecked', 'u2', 'f2'),
    ]);
    expect([...checks.values()]).toEqual([
      { userId: 'u1', filmId: 'f1', was: false, now: false },
      { userId: 'u1', filmId: 'f2', was: false, now: true },
      { userId: 'u2', filmId: 'f2', was: false, now: true },
    ]);
  });
});
