import type { Position } from '#event-store';
import pg from 'pg';
import { fillSearchCatalogue } from '../catalogue/search-catalogue.js';
import { prefillFilmLog } from '../film-log/prefill.js';
import { officialList, personalLists, type BenchList } from '../lists/streams.js';
import { timed } from '../shared/bench-cli.js';
import { FollowGraph } from '../social/follows.js';
import { benchMembers, type BenchMember } from '../social/members.js';
import { appendStreams, registerMembers } from '../social/prefill.js';
import type { SoakOptions } from './options.js';

export interface SoakSeed {
  readonly films: readonly { readonly id: string; readonly slug: string }[];
  readonly directorNames: readonly string[];
  /** The first holds the admin role: its token reads /admin/projections. */
  readonly members: readonly BenchMember[];
  /** The members the load acts as; each follows some others, so their feeds have something in them. */
  readonly active: readonly BenchMember[];
  /** A public ranked list per owner (the first active members), holding `listFilms` at the start. */
  readonly lists: readonly BenchList[];
  readonly listFilms: readonly string[];
  readonly officialListId: string;
  /** The position of the last seeded event: the projections have caught up once past it. */
  readonly head: Position;
  readonly events: number;
}

async function filmsOf(url: string): Promise<{ id: string; slug: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string; slug: string }>('SELECT id, slug FROM films ORDER BY slug'))
      .rows;
  } finally {
    await client.end();
  }
}

/**
 * What the platform holds after a while in use, written through the event store port as the other
 * benches do: the catalogue (SQL), members with their registrations, a film log, follows, the
 * members' lists and an official one.
 */
export async function seed(url: string, options: SoakOptions): Promise<SoakSeed> {
  const catalogue = await timed(`fill ${options.films} films`, () => fillSearchCatalogue(url, options.films));
  const films = await filmsOf(url);
  const filmIds = films.map((film) => film.id);
  const members = benchMembers(options.members);
  const writers = options.prefillWriters;
  const registered = await registerMembers(url, members, writers);
  const filmLog = await timed(`prefill ${options.events} film-log events`, () =>
    prefillFilmLog(
      url,
      options,
      members.map((member) => member.id),
      filmIds,
    ),
  );
  const graph = new FollowGraph(members, {
    followingMembers: options.followingMembers,
    medianFollowees: options.medianFollowees,
    readers: options.activeMembers,
    readerFollowees: options.activeFollowees,
  });
  const follows = await timed('append the follows', () =>
    appendStreams(url, 'follows', graph, {
      writers,
      expectedStreams: options.followingMembers * options.medianFollowees,
      after: filmLog.head,
    }),
  );
  const listFilms = filmIds.slice(0, options.listSize);
  const official = officialList(members[0]!, filmIds.slice(0, options.listSize * 2));
  const lists: BenchList[] = [];
  const owners = graph.readers.slice(0, options.lists);
  const listed = await timed(`append ${options.lists + 1} lists`, () =>
    appendStreams(url, 'lists', [official.stream, ...personalLists(owners, listFilms, lists)], {
      writers,
      expectedStreams: options.lists + 1,
      after: follows.head,
    }),
  );
  return {
    films,
    directorNames: catalogue.directorNames,
    members,
    active: graph.readers,
    lists,
    listFilms,
    officialListId: official.list.id,
    head: listed.head,
    events:
      registered.figures.events +
      filmLog.figures.totals.events +
      follows.figures.events +
      listed.figures.events,
  };
}
