import type { RecordedEvent } from '#event-store';
import { foldListActivity, listIdsOf } from './list-activity.js';

let sequence = 0;
const event = (listId: string, type: string, data: object = {}): RecordedEvent =>
  ({
    type,
    streamId: `list-${listId}`,
    data,
    metadata: { eventId: `e${(sequence += 1)}`, occurredAt: `t${sequence}` },
  }) as unknown as RecordedEvent;

const created = (listId: string, kind: 'personal' | 'official', visibility: string) =>
  event(listId, 'ListCreated', {
    ownerId: 'owner',
    kind,
    ranked: true,
    visibility,
    title: 'L',
    description: null,
  });

describe('foldListActivity', () => {
  it('lists a film added while the list is public, not one added while it is not', () => {
    const events = [
      created('l1', 'personal', 'friends'),
      event('l1', 'FilmAddedToList', { filmId: 'a', rank: 1, note: null }),
      event('l1', 'ListVisibilityChanged', { visibility: 'public' }),
      event('l1', 'FilmAddedToList', { filmId: 'b', rank: 1, note: null }),
      event('l1', 'ListVisibilityChanged', { visibility: 'private' }),
    ];
    const { lists, films } = foldListActivity(events, new Map());
    expect(lists.get('l1')).toEqual({ ownerId: 'owner', was: undefined, now: false, deleted: false });
    expect(films).toEqual([
      { listId: 'l1', filmId: 'a', added: null },
      {
        listId: 'l1',
        filmId: 'b',
        added: { eventId: events[3]!.metadata.eventId, occurredAt: events[3]!.metadata.occurredAt },
      },
    ]);
  });

  it('takes the row of a removed film, starts from what it knew, and deletes', () => {
    const events = [
      event('l2', 'FilmAddedToList', { filmId: 'a', rank: null, note: null }),
      event('l2', 'FilmRemovedFromList', { filmId: 'a' }),
      event('l2', 'ListDeleted'),
    ];
    const { lists, films } = foldListActivity(events, new Map([['l2', { ownerId: 'o2', public: true }]]));
    expect(lists.get('l2')).toEqual({ ownerId: 'o2', was: true, now: true, deleted: true });
    expect(films).toEqual([{ listId: 'l2', filmId: 'a', added: null }]);
  });

  it('ignores official lists and lists it does not know, and other streams', () => {
    const events = [
      created('l3', 'official', 'public'),
      event('l3', 'FilmAddedToList', { filmId: 'a', rank: 1, note: null }),
      event('l4', 'FilmAddedToList', { filmId: 'a', rank: 1, note: null }),
      { ...event('x', 'FilmChecked'), streamId: 'filmlog-u.f' } as RecordedEvent,
    ];
    expect(foldListActivity(events, new Map())).toEqual({ lists: new Map(), films: [] });
    expect(listIdsOf(events)).toEqual(['l3', 'l4']);
  });
});
