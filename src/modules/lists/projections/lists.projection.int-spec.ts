import { randomUUID } from 'node:crypto';
import { ListScript, randomListHistory } from '../testing/list-history.js';
import { ProjectionSite, testEvent } from '#testing';
import { MEMBER_ERASED } from '../../../platform/personal-data/personal-text-rules.js';
import type { ListActor } from '../domain/list.decider.js';
import { RANK_OVER_ENTRIES } from './list-ranks.js';
import { listsProjection, RECOUNT_AT } from './lists.projection.js';

const films = (count: number): string[] => Array.from({ length: count }, () => randomUUID());

/** The current films of each list, in rank order, as the tables give them. */
async function ranked(site: ProjectionSite): Promise<Map<string, string[]>> {
  const rows = await site.rows<{ list_id: string; film_id: string; rank: number }>(
    `SELECT list_id, film_id, ${RANK_OVER_ENTRIES} AS rank FROM list_entries
     WHERE removed_at IS NULL ORDER BY list_id, rank`,
  );
  const lists = new Map<string, string[]>();
  for (const row of rows) {
    const listed = lists.get(row.list_id) ?? [];
    expect(row.rank).toBe(listed.length + 1);
    listed.push(row.film_id);
    lists.set(row.list_id, listed);
  }
  return lists;
}

/** Everything the tables hold but the keys themselves (which depend on how events were batched). */
async function tables(site: ProjectionSite) {
  return {
    lists: await site.rows(
      `SELECT id, owner_id, kind, ranked, visibility, title, description, size, edition, created_at,
              updated_at, deleted_at, viewers FROM lists ORDER BY id`,
    ),
    entries: await site.rows(
      `SELECT list_id, film_id, note, added_at, removed_at, ${RANK_OVER_ENTRIES} AS rank FROM list_entries
       WHERE removed_at IS NULL
       UNION ALL
       SELECT list_id, film_id, note, added_at, removed_at, NULL FROM list_entries WHERE removed_at IS NOT NULL
       ORDER BY list_id, film_id`,
    ),
    checks: await site.rows(`SELECT user_id, film_id FROM list_checks ORDER BY user_id, film_id`),
    progress: await site.rows(
      `SELECT list_id, user_id, checked FROM list_progress ORDER BY list_id, user_id`,
    ),
  };
}

/** Progress counted again from the entries and checks, as a list view would count it from scratch. */
const recount = (site: ProjectionSite, listIds: readonly string[]) =>
  site.rows(
    `SELECT entry.list_id, checks.user_id, count(*)::int AS checked
     FROM list_entries AS entry
     JOIN lists ON lists.id = entry.list_id AND lists.deleted_at IS NULL
     JOIN list_checks AS checks ON checks.film_id = entry.film_id
     WHERE entry.removed_at IS NULL AND entry.list_id = ANY($1::uuid[])
     GROUP BY entry.list_id, checks.user_id ORDER BY entry.list_id, checks.user_id`,
    [listIds],
  );

/** What the tables must hold for a script's lists, from the deciders' states alone. */
async function expectScriptHeld(site: ProjectionSite, script: ListScript): Promise<void> {
  const listIds = [...script.lists.keys()];
  const current = await ranked(site);
  const entries = await site.rows<{ list_id: string; film_id: string; removed: boolean }>(
    `SELECT list_id, film_id, removed_at IS NOT NULL AS removed FROM list_entries`,
  );
  const lists = await site.rows<{ id: string; size: number; deleted: boolean; viewers: number }>(
    `SELECT id, size, deleted_at IS NOT NULL AS deleted, viewers FROM lists`,
  );
  const progress = await site.rows<{ list_id: string; user_id: string; checked: number }>(
    `SELECT list_id, user_id, checked FROM list_progress WHERE list_id = ANY($1::uuid[])
     ORDER BY list_id, user_id`,
    [listIds],
  );
  const expectedProgress: typeof progress = [];
  const members = [...new Set([...script.checks.values()].map((pair) => pair.userId))];
  for (const list of script.lists.values()) {
    expect(current.get(list.id) ?? []).toEqual(list.state.films);
    const row = lists.find((candidate) => candidate.id === list.id);
    expect(row).toMatchObject({ size: list.state.films.length, deleted: list.state.deleted });
    const removed = [...list.ever].filter((filmId) => !list.state.films.includes(filmId)).sort();
    expect(
      entries
        .filter((entry) => entry.list_id === list.id && entry.removed)
        .map((entry) => entry.film_id)
        .sort(),
    ).toEqual(removed);
    if (list.state.deleted) continue;
    let viewers = 0;
    for (const userId of members) {
      const checked = list.state.films.filter((filmId) => script.checked(userId, filmId)).length;
      if (checked > 0) expectedProgress.push({ list_id: list.id, user_id: userId, checked });
      if (checked > 0 && userId !== list.state.ownerId) viewers += 1;
    }
    expect(row!.viewers).toBe(viewers);
  }
  const byKey = (a: { list_id: string; user_id: string }, b: { list_id: string; user_id: string }) =>
    a.list_id.localeCompare(b.list_id) || a.user_id.localeCompare(b.user_id);
  expect([...progress].sort(byKey)).toEqual(expectedProgress.sort(byKey));
  expect(progress).toEqual(await recount(site, listIds));
}

describe('lists projection', () => {
  let site: ProjectionSite;
  const owner: ListActor = { id: randomUUID(), admin: false };
  const admin: ListActor = { id: randomUUID(), admin: true };

  beforeAll(async () => {
    site = await ProjectionSite.open([listsProjection]);
  });

  afterAll(async () => {
    await site.close();
  });

  /** A list created with these films; its script holds the state to compare with. */
  function listOf(filmIds: readonly string[], actor = owner, ranked = true) {
    const script = new ListScript();
    const id = randomUUID();
    script.list(id, {
      type: 'CreateList',
      actor,
      official: actor.admin,
      ranked,
      visibility: 'public',
      title: 'Twenty',
      description: null,
    });
    for (const filmId of filmIds) script.list(id, { type: 'PutListItem', actor, filmId });
    return { script, id };
  }

  it('moves #13 to #2 on a 20-film list, rewriting one key, and keeps ranks 1..n in order', async () => {
    const filmIds = films(20);
    const { script, id } = listOf(filmIds);
    await site.project(script.writes);
    const keys = await site.rows<{ film_id: string; position: string }>(
      `SELECT film_id, position FROM list_entries WHERE list_id = $1`,
      [id],
    );
    const written = script.writes.length;
    script.list(id, { type: 'PutListItem', actor: owner, filmId: filmIds[12]!, rank: 2 });
    await site.project(script.writes.slice(written));

    const order = [filmIds[0], filmIds[12], ...filmIds.slice(1, 12), ...filmIds.slice(13)];
    expect((await ranked(site)).get(id)).toEqual(order);
    const after = await site.rows<{ film_id: string; position: string }>(
      `SELECT film_id, position FROM list_entries WHERE list_id = $1`,
      [id],
    );
    const moved = after.filter(
      (row) => keys.find((key) => key.film_id === row.film_id)!.position !== row.position,
    );
    expect(moved.map((row) => row.film_id)).toEqual([filmIds[12]]);
    await expectScriptHeld(site, script);
  });

  it('closes the gap of a removed film and keeps it as history; a re-add clears removed_at', async () => {
    const filmIds = films(5);
    const { script, id } = listOf(filmIds);
    script.list(id, { type: 'RemoveListItem', actor: owner, filmId: filmIds[1]! });
    await site.project(script.writes);
    expect((await ranked(site)).get(id)).toEqual([filmIds[0], ...filmIds.slice(2)]);
    const [gone] = await site.rows<{ removed_at: Date | null; position: string | null }>(
      `SELECT removed_at, position FROM list_entries WHERE list_id = $1 AND film_id = $2`,
      [id, filmIds[1]],
    );
    expect(gone!.removed_at).toBeInstanceOf(Date);
    expect(gone!.position).toBeNull();
    expect(await site.rows(`SELECT size FROM lists WHERE id = $1`, [id])).toEqual([{ size: 4 }]);

    const written = script.writes.length;
    script.list(id, { type: 'PutListItem', actor: owner, filmId: filmIds[1]!, rank: 1 });
    await site.project(script.writes.slice(written));
    expect((await ranked(site)).get(id)).toEqual([filmIds[1], filmIds[0], ...filmIds.slice(2)]);
    await expectScriptHeld(site, script);
  });

  it('replaces the content with an edition, keeps the dropped films as history and recounts progress', async () => {
    const filmIds = films(RECOUNT_AT + 20);
    const { script, id } = listOf(filmIds.slice(0, 10), admin);
    const member = randomUUID();
    for (const filmId of filmIds.slice(5, 40)) script.check(member, filmId, true);
    await site.project(script.writes);
    expect(await site.rows(`SELECT checked FROM list_progress WHERE list_id = $1`, [id])).toEqual([
      { checked: 5 },
    ]);

    const written = script.writes.length;
    const edition = [...filmIds.slice(8)].reverse();
    script.list(id, { type: 'PublishListEdition', actor: admin, films: edition });
    script.check(member, filmIds[9]!, false);
    await site.project(script.writes.slice(written));
    expect((await ranked(site)).get(id)).toEqual(edition);
    expect(await site.rows(`SELECT size, edition FROM lists WHERE id = $1`, [id])).toEqual([
      { size: edition.length, edition: 1 },
    ]);
    // Checked and in the edition: films 8 and 10..39.
    expect(await site.rows(`SELECT checked FROM list_progress WHERE list_id = $1`, [id])).toEqual([
      { checked: 31 },
    ]);
    await expectScriptHeld(site, script);
  });

  it('counts a check and an add in one batch, in either order, and unchecks', async () => {
    const [first, second] = films(2);
    const member = randomUUID();
    const { script, id } = listOf([]);
    script.check(member, first!, true);
    script.list(id, { type: 'PutListItem', actor: owner, filmId: first! });
    script.list(id, { type: 'PutListItem', actor: owner, filmId: second! });
    script.check(member, second!, true);
    await site.applyAtOnce(script.writes);
    expect(await site.rows(`SELECT checked FROM list_progress WHERE list_id = $1`, [id])).toEqual([
      { checked: 2 },
    ]);

    let written = script.writes.length;
    script.check(member, first!, false);
    await site.project(script.writes.slice(written));
    expect(await site.rows(`SELECT checked FROM list_progress WHERE list_id = $1`, [id])).toEqual([
      { checked: 1 },
    ]);

    written = script.writes.length;
    script.check(member, second!, false);
    script.list(id, { type: 'RemoveListItem', actor: owner, filmId: second! });
    script.check(member, second!, true);
    await site.project(script.writes.slice(written));
    expect(await site.rows(`SELECT checked FROM list_progress WHERE list_id = $1`, [id])).toEqual([]);
    await expectScriptHeld(site, script);
  });

  it('counts as viewers the members other than the owner with progress, as they begin and end', async () => {
    const filmIds = films(RECOUNT_AT + 3);
    const [ann, bob] = [randomUUID(), randomUUID()];
    const { script, id } = listOf(filmIds.slice(0, 2));
    for (const member of [owner.id, ann, bob]) script.check(member, filmIds[0]!, true);
    script.check(ann, filmIds[1]!, true);
    await site.project(script.writes);
    const viewers = async () =>
      (await site.rows<{ viewers: number }>(`SELECT viewers FROM lists WHERE id = $1`, [id]))[0]!.viewers;
    expect(await viewers()).toBe(2);

    let written = script.writes.length;
    script.check(ann, filmIds[0]!, false);
    script.check(bob, filmIds[0]!, false);
    await site.project(script.writes.slice(written), { batchSize: 1 });
    expect(await viewers()).toBe(1);

    // A list changed a lot is recounted whole, its viewers with it.
    written = script.writes.length;
    script.check(bob, filmIds.at(-1)!, true);
    for (const filmId of filmIds.slice(2)) script.list(id, { type: 'PutListItem', actor: owner, filmId });
    await site.project(script.writes.slice(written));
    expect(await viewers()).toBe(2);
    await expectScriptHeld(site, script);

    // An erased member leaves the lists they had seen films of.
    await site.project([[`member-${bob}`, [testEvent(MEMBER_ERASED, {})]]]);
    expect(await viewers()).toBe(1);
  });

  it("drops a deleted list's progress, and later checks do not bring it back", async () => {
    const filmIds = films(3);
    const member = randomUUID();
    const { script, id } = listOf(filmIds);
    script.check(member, filmIds[0]!, true);
    await site.project(script.writes);
    expect(await site.rows(`SELECT checked FROM list_progress WHERE list_id = $1`, [id])).toEqual([
      { checked: 1 },
    ]);

    const written = script.writes.length;
    script.list(id, { type: 'DeleteList', actor: owner });
    await site.project(script.writes.slice(written));
    script.check(member, filmIds[1]!, true);
    await site.project(script.writes.slice(written + 1));
    expect(
      await site.rows(`SELECT count(*)::int AS rows FROM list_progress WHERE list_id = $1`, [id]),
    ).toEqual([{ rows: 0 }]);
    expect(
      await site.rows(`SELECT deleted_at IS NOT NULL AS deleted FROM lists WHERE id = $1`, [id]),
    ).toEqual([{ deleted: true }]);
    await expectScriptHeld(site, script);
  });
});

describe('lists projection on random histories', () => {
  it.each([
    { seed: 9, lists: 6, films: 30, members: 5, minEvents: 400 },
    { seed: 71, lists: 3, films: 160, members: 4, minEvents: 300 },
  ])('equals a recount from the events in one batch, per event and rebuilt (seed $seed)', async (options) => {
    const script = randomListHistory(options);
    // Editions on a list still standing (of more films than RECOUNT_AT, with many films).
    const lists = [...script.lists.values()];
    expect(lists.some((list) => list.state.edition > 0 && !list.state.deleted)).toBe(true);
    await ProjectionSite.withFresh(2, [listsProjection], async (atOnce, perEvent) => {
      await atOnce.applyAtOnce(script.writes);
      await expectScriptHeld(atOnce, script);

      await perEvent.project(script.writes, { batchSize: 1 });
      expect(perEvent.batchSizes('lists')!.every((size) => size === 1)).toBe(true);
      await expectScriptHeld(perEvent, script);
      expect(await tables(perEvent)).toEqual(await tables(atOnce));

      await perEvent.project([], { rebuild: true });
      expect(await tables(perEvent)).toEqual(await tables(atOnce));
    });
  });
});
