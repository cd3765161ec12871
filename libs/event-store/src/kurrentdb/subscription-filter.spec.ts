import type { RegexFilter } from '@kurrent/kurrentdb-client';
import { acceptsEvent, exactlyOneOf, serverFilter } from './subscription-filter.js';

const matches = (pattern: string, text: string) => new RegExp(pattern).test(text);

describe('kurrentdb subscription filters', () => {
  it('matches event types exactly, special characters included', () => {
    const pattern = exactlyOneOf(['FilmChecked', 'Film.Rated+', 'A|B']);
    expect(matches(pattern, 'FilmChecked')).toBe(true);
    expect(matches(pattern, 'Film.Rated+')).toBe(true);
    expect(matches(pattern, 'A|B')).toBe(true);
    expect(matches(pattern, 'FilmCheckedV2')).toBe(false);
    expect(matches(pattern, 'XFilmChecked')).toBe(false);
    expect(matches(pattern, 'FilmXRated+')).toBe(false);
    expect(matches(pattern, 'A')).toBe(false);
    expect(matches(exactlyOneOf([]), 'FilmChecked')).toBe(false);
  });

  it('filters on event types on the server when they are given', () => {
    const onCheckpoint = () => undefined;
    const filter = serverFilter({ eventTypes: ['Wanted'], streamPrefixes: ['film-'] }, onCheckpoint);
    expect(filter).toMatchObject({
      filterOn: 'eventType',
      regex: '^(?:Wanted)$',
      checkpointReached: onCheckpoint,
    });
  });

  it('filters on stream prefixes on the server when no event types are given', () => {
    expect(serverFilter({ streamPrefixes: ['film-', 'member-'] })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['film-', 'member-'],
    });
    expect(serverFilter({ streamPrefixes: [] })).toMatchObject({ filterOn: 'streamName', regex: '^$' });
  });

  it('leaves only system events out when there is no filter', () => {
    const filter = serverFilter(undefined) as RegexFilter;
    expect(filter.filterOn).toBe('eventType');
    expect(matches(filter.regex, '$metadata')).toBe(false);
    expect(matches(filter.regex, 'FilmChecked')).toBe(true);
  });

  it('accepts an event only when it meets every criterion and is not a system event', () => {
    const accepts = acceptsEvent({ eventTypes: ['Wanted'], streamPrefixes: ['film-', 'list-'] });
    expect(accepts({ streamId: 'film-1', type: 'Wanted' })).toBe(true);
    expect(accepts({ streamId: 'list-9', type: 'Wanted' })).toBe(true);
    expect(accepts({ streamId: 'member-1', type: 'Wanted' })).toBe(false);
    expect(accepts({ streamId: 'film-1', type: 'Unwanted' })).toBe(false);
    const everything = acceptsEvent(undefined);
    expect(everything({ streamId: 'film-1', type: 'Anything' })).toBe(true);
    expect(everything({ streamId: '$stats-127.0.0.1:2113', type: 'Anything' })).toBe(false);
    expect(everything({ streamId: 'film-1', type: '$metadata' })).toBe(false);
  });
});
