import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { ProjectionSite, testEvent } from '#testing';
import { isVisible, randomCommentHistory, type CommentHistory } from '../testing/comment-history.js';
import { commentStream, type CommentEvent } from '../domain/comment.events.js';
import { commentsProjection } from './comments.projection.js';

const at = (second: number): string => new Date(Date.UTC(2024, 2, 1, 10, 0, second)).toISOString();

const fact = (type: CommentEvent['type'], occurredAt: string, data: object = {}): NewEvent =>
  testEvent(type, { ...data }, { occurredAt });

const moderatorId = randomUUID();
const HIDDEN = { moderatorId, reason: 'rude' };
const RESTORED = { moderatorId, reason: null };

/** The three tables; a count of zero reads like no row, as the API reads it. */
async function tables(site: ProjectionSite) {
  return {
    comments: await site.rows(
      `SELECT id, film_id, author_id, body, created_at, edited_at, hidden, deleted_at FROM comments ORDER BY id`,
    ),
    films: await site.rows(
      `SELECT film_id, comments FROM film_comment_counts WHERE comments <> 0 ORDER BY film_id`,
    ),
    members: await site.rows(
      `SELECT user_id, comments FROM member_comment_counts WHERE comments <> 0 ORDER BY user_id`,
    ),
  };
}

/** The counts a history must leave: visible comments per film and per author. */
function expectedCounts(history: CommentHistory) {
  const films = new Map<string, number>();
  const members = new Map<string, number>();
  for (const { state } of history.comments) {
    if (!isVisible(state)) continue;
    films.set(state.filmId!, (films.get(state.filmId!) ?? 0) + 1);
    members.set(state.authorId!, (members.get(state.authorId!) ?? 0) + 1);
  }
  const sorted = (counts: Map<string, number>, key: string) =>
    [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([id, comments]) => ({ [key]: id, comments }));
  return { films: sorted(films, 'film_id'), members: sorted(members, 'user_id') };
}

describe('comments projection', () => {
  let site: ProjectionSite;

  beforeAll(async () => {
    site = await ProjectionSite.open([commentsProjection]);
  });

  afterAll(async () => {
    await site.close();
  });

  const newComment = () => {
    const [id, filmId, authorId] = [randomUUID(), randomUUID(), randomUUID()];
    return { id, filmId, authorId, stream: commentStream(id) };
  };
  const rowOf = async (id: string) =>
    (
      await site.rows(`SELECT body, created_at, edited_at, hidden, deleted_at FROM comments WHERE id = $1`, [
        id,
      ])
    )[0];
  const countsOf = async (filmId: string, authorId: string) => ({
    film:
      (await site.rows(`SELECT comments FROM film_comment_counts WHERE film_id = $1`, [filmId]))[0]
        ?.comments ?? 0,
    author:
      (await site.rows(`SELECT comments FROM member_comment_counts WHERE user_id = $1`, [authorId]))[0]
        ?.comments ?? 0,
  });

  it('records a posted comment with its time and counts it for the film and the author', async () => {
    const { id, filmId, authorId, stream } = newComment();
    await site.project([[stream, [fact('CommentPosted', at(1), { filmId, authorId, body: 'Lovely.' })]]]);
    expect(await rowOf(id)).toEqual({
      body: 'Lovely.',
      created_at: new Date(at(1)),
      edited_at: null,
      hidden: false,
      deleted_at: null,
    });
    expect(await countsOf(filmId, authorId)).toEqual({ film: 1, author: 1 });
  });

  it('keeps an edit with its time; counts do not move', async () => {
    const { id, filmId, authorId, stream } = newComment();
    await site.project([[stream, [fact('CommentPosted', at(1), { filmId, authorId, body: 'First.' })]]]);
    await site.project([[stream, [fact('CommentEdited', at(5), { body: 'Second.' })]]]);
    expect(await rowOf(id)).toMatchObject({ body: 'Second.', edited_at: new Date(at(5)) });
    expect(await countsOf(filmId, authorId)).toEqual({ film: 1, author: 1 });
  });

  it('uncounts a hidden comment and counts it again when restored or its reports dismissed', async () => {
    const { id, filmId, authorId, stream } = newComment();
    await site.project([[stream, [fact('CommentPosted', at(1), { filmId, authorId, body: 'Hm.' })]]]);
    await site.project([[stream, [fact('CommentAutoHidden', at(2), { reports: 3 })]]]);
    expect(await rowOf(id)).toMatchObject({ hidden: true });
    expect(await countsOf(filmId, authorId)).toEqual({ film: 0, author: 0 });

    await site.project([[stream, [fact('CommentReportsDismissed', at(3), RESTORED)]]]);
    expect(await countsOf(filmId, authorId)).toEqual({ film: 1, author: 1 });

    await site.project([[stream, [fact('CommentHidden', at(4), HIDDEN)]]]);
    await site.project([
      [stream, [fact('CommentHidden', at(4), HIDDEN), fact('CommentRestored', at(5), RESTORED)]],
    ]);
    expect(await rowOf(id)).toMatchObject({ hidden: false });
    expect(await countsOf(filmId, authorId)).toEqual({ film: 1, author: 1 });
  });

  it('keeps a deleted comment with deleted_at, uncounted; a hidden one deleted is not uncounted twice', async () => {
    const [shown, hidden] = [newComment(), newComment()];
    const filmId = shown.filmId;
    await site.project([
      [shown.stream, [fact('CommentPosted', at(1), { filmId, authorId: shown.authorId, body: 'a' })]],
      [hidden.stream, [fact('CommentPosted', at(1), { filmId, authorId: shown.authorId, body: 'b' })]],
      [hidden.stream, [fact('CommentHidden', at(2), HIDDEN)]],
    ]);
    expect(await countsOf(filmId, shown.authorId)).toEqual({ film: 1, author: 1 });
    await site.project([
      [shown.stream, [fact('CommentDeleted', at(3), { byModerator: false })]],
      [hidden.stream, [fact('CommentDeleted', at(3), { byModerator: true })]],
    ]);
    expect(await rowOf(shown.id)).toMatchObject({ deleted_at: new Date(at(3)) });
    expect(await rowOf(hidden.id)).toMatchObject({ deleted_at: new Date(at(3)), hidden: true });
    expect(await countsOf(filmId, shown.authorId)).toEqual({ film: 0, author: 0 });
  });

  it('counts nothing for a comment posted and deleted in one batch', async () => {
    const { id, filmId, authorId, stream } = newComment();
    const applied = await site.applyAtOnce([
      [
        stream,
        [
          fact('CommentPosted', at(1), { filmId, authorId, body: 'oops' }),
          fact('CommentEdited', at(2), { body: 'oops!' }),
          fact('CommentDeleted', at(3), { byModerator: false }),
        ],
      ],
    ]);
    expect(applied).toBe(3);
    expect(await rowOf(id)).toMatchObject({ body: 'oops!', deleted_at: new Date(at(3)) });
    expect(await countsOf(filmId, authorId)).toEqual({ film: 0, author: 0 });
  });

  it('ignores reports: they are the moderation projection’s', () => {
    expect(commentsProjection.handles).not.toContain('CommentReported');
  });

  it('gives the same tables from 2,000 events in one batch as from one batch per event', async () => {
    const history = randomCommentHistory({ members: 12, films: 6, minEvents: 2_000, seed: 20_251_125 });
    const expected = expectedCounts(history);
    expect(expected.films.length).toBeGreaterThan(0);
    // The history reaches every visibility: hidden by reports or a moderator, and deleted.
    const states = history.comments.map(({ state }) => state);
    for (const hiding of ['auto', 'moderator'] as const)
      expect(states.some((state) => state.hiding === hiding && !state.deleted)).toBe(true);
    expect(states.some((state) => state.deleted)).toBe(true);
    await ProjectionSite.withFresh(2, [commentsProjection], async (whole, single) => {
      const [applied] = await Promise.all([
        whole.applyAtOnce(history.writes),
        single.project(history.writes, { batchSize: 1 }),
      ]);
      expect(applied).toBe(history.events);
      expect(single.batchSizes('comments')).toHaveLength(
        history.writes.flatMap(([, events]) => events).filter((event) => event.type !== 'CommentReported')
          .length,
      );
      const [one, many] = [await tables(whole), await tables(single)];
      expect(one).toEqual(many);
      expect({ films: one.films, members: one.members }).toEqual(expected);
      expect(one.comments).toHaveLength(history.comments.length);
    });
  }, 120_000);

  it('rebuilds the same tables from the events', async () => {
    const history = randomCommentHistory({ members: 8, films: 4, minEvents: 1_000, seed: 19_991_231 });
    await ProjectionSite.withFresh(1, [commentsProjection], async (fresh) => {
      await fresh.project(history.writes, { batchSize: 50 });
      const before = await tables(fresh);
      expect({ films: before.films, members: before.members }).toEqual(expectedCounts(history));

      // A spoiled read model, so only a rebuild from the events can give the rows back.
      await fresh.pool.query(`UPDATE film_comment_counts SET comments = comments + 7`);
      await fresh.pool.query(`DELETE FROM comments WHERE hidden`);
      await fresh.project([], { batchSize: 50, rebuild: true });

      expect(await tables(fresh)).toEqual(before);
    });
  }, 60_000);
});
