import { randomUUID } from 'node:crypto';
import { listStream } from '../../src/modules/lists/domain/list.events.js';
import type { FilmLogHistory } from '../film-log/streams.js';
import { benchEvent } from '../shared/events.js';
import type { BenchMember } from '../social/members.js';

const DAY_MS = 86_400_000;

export interface BenchList {
  readonly id: string;
  readonly ownerId: string;
}

/**
 * The official list as an admin makes it: created, then one edition with its films in rank
 * order, as `npm run lists:import` writes it.
 */
export function officialList(
  admin: BenchMember,
  films: readonly string[],
): { list: BenchList; stream: FilmLogHistory } {
  const id = randomUUID();
  const at = Date.now() - 30 * DAY_MS;
  const created = benchEvent(
    'ListCreated',
    {
      ownerId: admin.id,
      kind: 'official',
      ranked: true,
      visibility: 'public',
      title: "The Bench's 1,001 Films",
      description: null,
    },
    admin.id,
    at,
  );
  const edition = benchEvent('ListEditionPublished', { edition: 1, films: [...films] }, admin.id, at + 1_000);
  return {
    list: { id, ownerId: admin.id },
    stream: { streamId: listStream(id), events: [created, edition] },
  };
}

/** A ranked public personal list per owner, its films added one by one at the end, as a member builds it. */
export function* personalLists(
  owners: readonly BenchMember[],
  films: readonly string[],
  made: BenchList[],
): Generator<FilmLogHistory> {
  const at = Date.now() - 20 * DAY_MS;
  for (const owner of owners) {
    const id = randomUUID();
    const events = [
      benchEvent(
        'ListCreated',
        {
          ownerId: owner.id,
          kind: 'personal',
          ranked: true,
          visibility: 'public',
          title: 'My ranking',
          description: null,
        },
        owner.id,
        at,
      ),
      ...films.map((filmId, index) =>
        benchEvent('FilmAddedToList', { filmId, rank: index + 1, note: null }, owner.id, at + index + 1),
      ),
    ];
    made.push({ id, ownerId: owner.id });
    yield { streamId: listStream(id), events };
  }
}
