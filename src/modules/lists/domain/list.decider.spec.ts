import { DomainRuleViolation, fold, given } from '#decider';
import {
  LIST_SIZE_MAX,
  listDecider,
  ListEditForbidden,
  ListNotFound,
  type ListActor,
  type ListCommand,
} from './list.decider.js';
import { type ListEvent } from './list.events.js';

const owner: ListActor = { id: '7b0e1f3c-0000-4000-8000-000000000001', admin: false };
const stranger: ListActor = { id: '7b0e1f3c-0000-4000-8000-000000000002', admin: false };
const admin: ListActor = { id: '7b0e1f3c-0000-4000-8000-000000000003', admin: true };
const film = (n: number): string => `7b0e1f3c-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [a, b, c, d] = [film(1), film(2), film(3), film(4)];

const created = (ranked: boolean, visibility: 'private' | 'friends' | 'public' = 'private'): ListEvent => ({
  type: 'ListCreated',
  data: { ownerId: owner.id, kind: 'personal', ranked, visibility, title: 'Festival', description: null },
});
const officialCreated: ListEvent = {
  type: 'ListCreated',
  data: {
    ownerId: admin.id,
    kind: 'official',
    ranked: true,
    visibility: 'public',
    title: 'Greatest',
    description: null,
  },
};
const added = (filmId: string, rank: number | null, note: string | null = null): ListEvent => ({
  type: 'FilmAddedToList',
  data: { filmId, rank, note },
});
const reordered = (filmId: string, rank: number): ListEvent => ({
  type: 'ListReordered',
  data: { filmId, rank },
});
const removed = (filmId: string): ListEvent => ({ type: 'FilmRemovedFromList', data: { filmId } });
const deleted: ListEvent = { type: 'ListDeleted', data: {} };
const edition = (n: number, films: string[]): ListEvent => ({
  type: 'ListEditionPublished',
  data: { edition: n, films },
});

const create = (overrides: Partial<Extract<ListCommand, { type: 'CreateList' }>> = {}): ListCommand => ({
  type: 'CreateList',
  actor: owner,
  official: false,
  ranked: true,
  visibility: 'private',
  title: 'Festival',
  description: null,
  ...overrides,
});
const put = (
  filmId: string,
  extra: { rank?: number; note?: string | null } = {},
  actor = owner,
): ListCommand => ({
  type: 'PutListItem',
  actor,
  filmId,
  ...extra,
});
const remove = (filmId: string, actor = owner): ListCommand => ({ type: 'RemoveListItem', actor, filmId });
const details = (
  change: { title?: string; description?: string | null; visibility?: 'private' | 'friends' | 'public' },
  actor = owner,
): ListCommand => ({ type: 'ChangeListDetails', actor, ...change });
const publish = (films: string[], actor = admin): ListCommand => ({
  type: 'PublishListEdition',
  actor,
  films,
});

const ranked4 = [created(true), added(a, 1), added(b, 2), added(c, 3), added(d, 4)];
const filmsAfter = (history: readonly ListEvent[]): readonly string[] =>
  fold(listDecider, listDecider.initialState, history).films;

describe('list decider: creating', () => {
  it('creates a personal list owned by the actor', () => {
    given(listDecider)
      .when(create({ visibility: 'friends', description: 'Cannes plan' }))
      .then([
        {
          type: 'ListCreated',
          data: {
            ownerId: owner.id,
            kind: 'personal',
            ranked: true,
            visibility: 'friends',
            title: 'Festival',
            description: 'Cannes plan',
          },
        },
      ]);
  });

  it('creates an official list for an admin', () => {
    given(listDecider)
      .when(create({ actor: admin, official: true, visibility: 'public', title: 'Greatest' }))
      .then([officialCreated]);
  });

  it('refuses an official list to a member', () => {
    given(listDecider)
      .when(create({ official: true, visibility: 'public' }))
      .thenThrows(ListEditForbidden);
  });

  it('refuses an official list that is not public', () => {
    given(listDecider)
      .when(create({ actor: admin, official: true, visibility: 'friends' }))
      .thenThrows(DomainRuleViolation, { code: 'official-lists-are-public' });
  });

  it('changes nothing when the list already exists (a retried create)', () => {
    given(listDecider, [created(true)])
      .when(create())
      .then([]);
  });
});

describe('list decider: items on a ranked list', () => {
  it('adds at the end when no rank is given', () => {
    given(listDecider, [created(true), added(a, 1)])
      .when(put(b))
      .then([added(b, 2)]);
  });

  it('adds at a rank, shifting the later films down', () => {
    const history = [...ranked4];
    given(listDecider, history)
      .when(put(film(5), { rank: 2, note: 'see first' }))
      .then([added(film(5), 2, 'see first')]);
    expect(filmsAfter([...history, added(film(5), 2)])).toEqual([a, film(5), b, c, d]);
  });

  it('puts a rank past the end at the end, and a rank below 1 first', () => {
    given(listDecider, ranked4)
      .when(put(film(5), { rank: 99 }))
      .then([added(film(5), 5)]);
    given(listDecider, ranked4)
      .when(put(d, { rank: 99 }))
      .then([]);
    given(listDecider, ranked4)
      .when(put(d, { rank: 0 }))
      .then([reordered(d, 1)]);
  });

  it('moves a listed film; the others shift and ranks stay 1..n', () => {
    given(listDecider, ranked4)
      .when(put(d, { rank: 2 }))
      .then([reordered(d, 2)]);
    expect(filmsAfter([...ranked4, reordered(d, 2)])).toEqual([a, d, b, c]);
    expect(filmsAfter([...ranked4, reordered(a, 3)])).toEqual([b, c, a, d]);
  });

  it('moves #13 to #2', () => {
    const films = Array.from({ length: 15 }, (_, i) => film(i + 1));
    const history = [created(true), ...films.map((f, i) => added(f, i + 1))];
    given(listDecider, history)
      .when(put(film(13), { rank: 2 }))
      .then([reordered(film(13), 2)]);
    const after = filmsAfter([...history, reordered(film(13), 2)]);
    expect(after.slice(0, 4)).toEqual([film(1), film(13), film(2), film(3)]);
    expect(after.indexOf(film(12))).toBe(12);
    expect(after.indexOf(film(14))).toBe(13);
  });

  it('keeps the rank of a listed film put without a rank, changing only its note', () => {
    given(listDecider, ranked4)
      .when(put(b, { note: 'again' }))
      .then([{ type: 'ListItemNoteChanged', data: { filmId: b, note: 'again' } }]);
    given(listDecider, [created(true), added(a, 1, 'x')])
      .when(put(a, { note: 'x' }))
      .then([]);
    given(listDecider, [created(true), added(a, 1, 'x')])
      .when(put(a, { note: null }))
      .then([{ type: 'ListItemNoteChanged', data: { filmId: a, note: null } }]);
  });

  it('moves and changes the note in one put', () => {
    given(listDecider, ranked4)
      .when(put(c, { rank: 1, note: 'best' }))
      .then([reordered(c, 1), { type: 'ListItemNoteChanged', data: { filmId: c, note: 'best' } }]);
  });

  it('removes a film, closing the gap; removing an absent one changes nothing', () => {
    given(listDecider, ranked4)
      .when(remove(b))
      .then([removed(b)]);
    expect(filmsAfter([...ranked4, removed(b)])).toEqual([a, c, d]);
    given(listDecider, ranked4)
      .when(remove(film(9)))
      .then([]);
  });

  it('refuses a film past the size limit', () => {
    const full = { ...listDecider.initialState, created: true, ownerId: owner.id, ranked: true };
    const films = Array.from({ length: LIST_SIZE_MAX }, (_, i) => `f${i}`);
    expect(() => listDecider.decide(put('new'), { ...full, films })).toThrow(
      expect.objectContaining({ code: 'list-full' }) as Error,
    );
  });
});

describe('list decider: items on an unranked list', () => {
  it('appends in insertion order with a null rank', () => {
    given(listDecider, [created(false), added(a, null)])
      .when(put(b))
      .then([added(b, null)]);
    expect(filmsAfter([created(false), added(b, null), added(a, null)])).toEqual([b, a]);
  });

  it('refuses a rank', () => {
    given(listDecider, [created(false)])
      .when(put(a, { rank: 1 }))
      .thenThrows(DomainRuleViolation, { code: 'list-not-ranked' });
  });
});

describe('list decider: details', () => {
  it('renames, describes and changes visibility, each only when it changes', () => {
    given(listDecider, [created(true)])
      .when(details({ title: 'Venice', description: 'plan', visibility: 'public' }))
      .then([
        { type: 'ListRenamed', data: { title: 'Venice' } },
        { type: 'ListDescriptionChanged', data: { description: 'plan' } },
        { type: 'ListVisibilityChanged', data: { visibility: 'public' } },
      ]);
    given(listDecider, [created(true)])
      .when(details({ title: 'Festival', description: null, visibility: 'private' }))
      .then([]);
  });

  it('keeps an official list public', () => {
    given(listDecider, [officialCreated])
      .when(details({ visibility: 'private' }, admin))
      .thenThrows(DomainRuleViolation, { code: 'official-lists-are-public' });
    given(listDecider, [officialCreated])
      .when(details({ title: 'Greatest 2' }, admin))
      .then([{ type: 'ListRenamed', data: { title: 'Greatest 2' } }]);
  });
});

describe('list decider: editions', () => {
  const official = [officialCreated, added(a, 1, null), added(b, 2, null)];

  it('publishes a numbered edition that replaces the content and clears notes', () => {
    given(listDecider, official)
      .when(publish([c, a]))
      .then([edition(1, [c, a])]);
    given(listDecider, [...official, edition(1, [c, a])])
      .when(publish([d]))
      .then([edition(2, [d])]);
    const state = fold(listDecider, listDecider.initialState, [
      ...official,
      { type: 'ListItemNoteChanged', data: { filmId: a, note: 'n' } },
      edition(1, [c, a]),
    ]);
    expect(state.films).toEqual([c, a]);
    expect(state.notes).toEqual([null, null]);
    expect(state.edition).toBe(1);
  });

  it('refuses duplicates, personal lists and members', () => {
    given(listDecider, official)
      .when(publish([a, a]))
      .thenThrows(DomainRuleViolation, { code: 'duplicate-films' });
    given(listDecider, [created(true)])
      .when(publish([a], owner))
      .thenThrows(DomainRuleViolation, { code: 'not-an-official-list' });
    given(listDecider, official)
      .when(publish([a], owner))
      .thenThrows(ListEditForbidden);
  });
});

describe('list decider: who may edit, and lists that are gone', () => {
  const everyEdit = (actor: ListActor): ListCommand[] => [
    details({ title: 'x' }, actor),
    put(a, {}, actor),
    remove(a, actor),
    publish([a], actor),
    { type: 'DeleteList', actor },
  ];

  it('lets only the owner edit a personal list, even against an admin', () => {
    for (const command of everyEdit(stranger))
      given(listDecider, [created(true)])
        .when(command)
        .thenThrows(ListEditForbidden);
    for (const command of everyEdit(admin).filter((command) => command.type !== 'PublishListEdition'))
      given(listDecider, [created(true)])
        .when(command)
        .thenThrows(ListEditForbidden);
  });

  it('lets any admin edit an official list, and no member', () => {
    given(listDecider, [officialCreated])
      .when(put(a, {}, { id: stranger.id, admin: true }))
      .then([added(a, 1)]);
    for (const command of everyEdit(owner))
      given(listDecider, [officialCreated]).when(command).thenThrows(ListEditForbidden);
  });

  it('deletes a list; after that, and before creation, every edit is a ListNotFound', () => {
    given(listDecider, [created(true)])
      .when({ type: 'DeleteList', actor: owner })
      .then([deleted]);
    for (const command of everyEdit(owner)) {
      given(listDecider, [created(true), deleted])
        .when(command)
        .thenThrows(ListNotFound);
      given(listDecider, []).when(command).thenThrows(ListNotFound);
    }
  });

  it('answers a deleted list before a stranger’s lack of rights', () => {
    given(listDecider, [created(true), deleted])
      .when(put(a, {}, stranger))
      .thenThrows(ListNotFound);
  });
});
