import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { ProjectionSite, testEvent } from '#testing';
import { isVisible, randomCommentHistory } from '../../comments/testing/comment-history.js';
import { randomFilmLogHistory } from '../../film-log/testing/film-log-history.js';
import { ListScript, randomListHistory } from '../../lists/testing/list-history.js';
import type { ListActor } from '../../lists/domain/list.decider.js';
import { commentStream, type CommentEvent } from '../../comments/domain/comment.events.js';
import {
  filmLogDecider,
  type FilmLogCommand,
  type FilmLogState,
} from '../../film-log/domain/film-log.decider.js';
import { filmLogStream, type FilmLogEvent } from '../../film-log/domain/film-log.events.js';
import { activityProjection } from './activity.projection.js';

interface ActivityRow {
  event_id: string;
  actor_id: string;
  film_id: string;
  verb: string;
  occurred_at: Date;
}

const at = (second: number): string => new Date(Date.UTC(2024, 2, 1, 10, 0, second)).toISOString();

const fact = (
  type: FilmLogEvent['type'] | CommentEvent['type'],
  occurredAt: string,
  data: object = {},
): NewEvent => testEvent(type, { ...data }, { occurredAt });

const rowsOf = (site: ProjectionSite, where = 'true', values: unknown[] = []): Promise<ActivityRow[]> =>
  site.rows<ActivityRow>(
    `SELECT event_id, actor_id, film_id, verb, occurred_at FROM activity WHERE ${where}
     ORDER BY actor_id, film_id, verb`,
    values,
  );

const COMMANDS: readonly FilmLogCommand[] = [
  { type: 'CheckFilm' },
  { type: 'CheckFilm', watchedOn: '2008-04-01' },
  { type: 'UncheckFilm' },
  { type: 'FavouriteFilm' },
  { type: 'UnfavouriteFilm' },
  { type: 'DislikeFilm' },
  { type: 'UndislikeFilm' },
  { type: 'AddFilmToWatchlist' },
  { type: 'RemoveFilmFromWatchlist' },
];

/** The rows a stream's history leaves: per mark still standing, the event that last put it up. */
const VERB_OF: Partial<Record<FilmLogEvent['type'], string>> = {
  FilmChecked: 'checked',
  FilmFavourited: 'favourited',
  FilmDisliked: 'disliked',
  FilmAddedToWatchlist: 'watchlisted',
};
const STANDS: Record<string, (state: FilmLogState) => boolean> = {
  checked: (state) => state.checked,
  favourited: (state) => state.favourite,
  disliked: (state) => state.disliked,
  watchlisted: (state) => state.watchlisted,
};

/** A random history (see randomFilmLogHistory) with the activity rows it must leave. */
function randomHistory(members: number, films: number, minEvents: number, seed: number) {
  const history = randomFilmLogHistory({ members, films, minEvents, seed, commands: COMMANDS });
  const rows = history.pairs
    .flatMap(({ userId, filmId, state, events }) => {
      const lastUp = new Map<string, NewEvent>();
      for (const event of events) {
        const verb = VERB_OF[event.type as FilmLogEvent['type']];
        if (verb) lastUp.set(verb, event);
      }
      return [...lastUp]
        .filter(([verb]) => STANDS[verb]!(state))
        .map(([verb, event]) => ({
          event_id: event.metadata.eventId,
          actor_id: userId,
          film_id: filmId,
          verb,
          occurred_at: new Date(event.metadata.occurredAt),
        }));
    })
    .sort((a, b) =>
      `${a.actor_id}.${a.film_id}.${a.verb}`.localeCompare(`${b.actor_id}.${b.film_id}.${b.verb}`),
    );
  return { ...history, rows };
}

describe('activity projection', () => {
  let site: ProjectionSite;

  beforeAll(async () => {
    site = await ProjectionSite.open([activityProjection]);
  });

  afterAll(async () => {
    await site.close();
  });

  const pair = () => {
    const [actorId, filmId] = [randomUUID(), randomUUID()];
    return { actorId, filmId, stream: filmLogStream(actorId, filmId) };
  };

  const marksOf = async (actorId: string, filmId: string) =>
    (await rowsOf(site, 'actor_id = $1 AND film_id = $2', [actorId, filmId])).map((row) => ({
      verb: row.verb,
      eventId: row.event_id,
      occurredAt: row.occurred_at.toISOString(),
    }));

  it('records each mark with the event that made it, and nothing for a new watch date', async () => {
    const { actorId, filmId, stream } = pair();
    const checked = fact('FilmChecked', at(1), { watchedOn: null });
    const favourited = fact('FilmFavourited', at(1));
    await site.project([
      [stream, [checked, favourited]],
      [stream, [fact('FilmWatchDateChanged', at(2), { watchedOn: '2008-04-01' })]],
    ]);
    expect(await marksOf(actorId, filmId)).toEqual([
      { verb: 'checked', eventId: checked.metadata.eventId, occurredAt: at(1) },
      { verb: 'favourited', eventId: favourited.metadata.eventId, occurredAt: at(1) },
    ]);
  });

  it('retracts an unfavourite, and a favourite again shows with its new time', async () => {
    const { actorId, filmId, stream } = pair();
    await site.project([
      [stream, [fact('FilmChecked', at(1), { watchedOn: null }), fact('FilmFavourited', at(1))]],
    ]);
    await site.project([[stream, [fact('FilmUnfavourited', at(2))]]]);
    expect((await marksOf(actorId, filmId)).map((mark) => mark.verb)).toEqual(['checked']);

    const again = fact('FilmFavourited', at(3));
    await site.project([[stream, [again]]]);
    expect(await marksOf(actorId, filmId)).toContainEqual({
      verb: 'favourited',
      eventId: again.metadata.eventId,
      occurredAt: at(3),
    });
  });

  it('keeps the last favourite of put up, taken back and put up again in one batch', async () => {
    const { actorId, filmId, stream } = pair();
    const last = fact('FilmFavourited', at(3));
    const applied = await site.applyAtOnce([
      [
        stream,
        [
          fact('FilmChecked', at(1), { watchedOn: null }),
          fact('FilmFavourited', at(1)),
          fact('FilmUnfavourited', at(2)),
          last,
        ],
      ],
    ]);
    expect(applied).toBe(4);
    expect(await marksOf(actorId, filmId)).toEqual([
      { verb: 'checked', eventId: expect.any(String), occurredAt: at(1) },
      { verb: 'favourited', eventId: last.metadata.eventId, occurredAt: at(3) },
    ]);
  });

  it('leaves nothing after a check and an uncheck, in one batch or in two', async () => {
    const [once, twice] = [pair(), pair()];
    await site.project([
      [once.stream, [fact('FilmChecked', at(1), { watchedOn: null }), fact('FilmUnchecked', at(2))]],
      [twice.stream, [fact('FilmChecked', at(1), { watchedOn: null }), fact('FilmDisliked', at(1))]],
    ]);
    expect(await marksOf(once.actorId, once.filmId)).toEqual([]);
    expect(await marksOf(twice.actorId, twice.filmId)).toHaveLength(2);

    await site.project([[twice.stream, [fact('FilmUndisliked', at(2)), fact('FilmUnchecked', at(2))]]]);
    expect(await marksOf(twice.actorId, twice.filmId)).toEqual([]);
  });

  it('retracts the watchlist entry that a check takes away', async () => {
    const { actorId, filmId, stream } = pair();
    await site.project([[stream, [fact('FilmAddedToWatchlist', at(1))]]]);
    expect((await marksOf(actorId, filmId)).map((mark) => mark.verb)).toEqual(['watchlisted']);

    const [checked, removed] = filmLogDecider.decide(
      { type: 'CheckFilm' },
      { ...filmLogDecider.initialState, watchlisted: true },
    );
    expect(removed!.type).toBe('FilmRemovedFromWatchlist');
    await site.project([[stream, [fact(checked!.type, at(2), checked!.data), fact(removed!.type, at(2))]]]);
    expect((await marksOf(actorId, filmId)).map((mark) => mark.verb)).toEqual(['checked']);
  });

  it('gives the same rows from 2,000 events in one batch as from one batch per event', async () => {
    const history = randomHistory(30, 20, 2_000, 20_240_301);
    await ProjectionSite.withFresh(2, [activityProjection], async (whole, single) => {
      const [applied] = await Promise.all([
        whole.applyAtOnce(history.writes),
        single.project(history.writes, { batchSize: 1 }),
      ]);
      expect(applied).toBe(history.events);
      expect(single.batchSizes('activity')).toHaveLength(history.events);
      expect(await rowsOf(whole)).toEqual(history.rows);
      expect(await rowsOf(single)).toEqual(history.rows);
    });
  }, 120_000);

  it('rebuilds the same rows from the events', async () => {
    const history = randomHistory(15, 10, 1_000, 19_991_231);
    await site.project(history.writes, { batchSize: 50 });
    const before = await rowsOf(site);
    expect(before).toEqual(expect.arrayContaining(history.rows));

    // A spoiled read model, so only a rebuild from the events can give the rows back.
    await site.pool.query(`DELETE FROM activity WHERE verb = 'checked'`);
    await site.pool.query(`UPDATE activity SET occurred_at = now() WHERE verb = 'watchlisted'`);
    await site.project([], { batchSize: 50, rebuild: true });

    expect(await rowsOf(site)).toEqual(before);
  }, 60_000);

  describe('comments', () => {
    interface CommentedRow {
      table: string;
      event_id: string;
      actor_id: string;
      film_id: string;
      verb: string;
      occurred_at: Date;
      subject_id: string;
    }
    /** Every "commented" row, in activity or withheld, by comment. */
    const commentedRows = (on: ProjectionSite, where = 'true', values: unknown[] = []) =>
      on.rows<CommentedRow>(
        `SELECT * FROM (
           SELECT 'activity' AS table, event_id, actor_id, film_id, verb, occurred_at, subject_id FROM activity WHERE verb = 'commented'
           UNION ALL SELECT 'withheld' AS table, event_id, actor_id, film_id, verb, occurred_at, subject_id FROM activity_withheld
         ) AS commented WHERE ${where} ORDER BY subject_id`,
        values,
      );
    const HIDDEN = { moderatorId: randomUUID(), reason: 'rude' };
    const RESTORED = { moderatorId: randomUUID(), reason: null };

    const comment = () => {
      const [id, filmId, authorId] = [randomUUID(), randomUUID(), randomUUID()];
      const posted = fact('CommentPosted', at(1), { filmId, authorId, body: 'Lovely.' });
      return { id, filmId, authorId, stream: commentStream(id), posted };
    };
    const placeOf = async (id: string) =>
      (await commentedRows(site, 'subject_id = $1', [id])).map((row) => ({
        table: row.table,
        eventId: row.event_id,
        occurredAt: row.occurred_at.toISOString(),
      }));

    it('shows a posted comment as "commented" by its author on its film, at its time', async () => {
      const { id, filmId, authorId, stream, posted } = comment();
      await site.project([[stream, [posted, fact('CommentEdited', at(2), { body: 'Changed.' })]]]);
      expect(await commentedRows(site, 'subject_id = $1', [id])).toEqual([
        {
          table: 'activity',
          event_id: posted.metadata.eventId,
          actor_id: authorId,
          film_id: filmId,
          verb: 'commented',
          occurred_at: new Date(at(1)),
          subject_id: id,
        },
      ]);
    });

    it('withholds a hidden comment and shows it again, with its time, when restored or dismissed', async () => {
      const { id, stream, posted } = comment();
      const shown = [{ table: 'activity', eventId: posted.metadata.eventId, occurredAt: at(1) }];
      const withheld = [{ ...shown[0]!, table: 'withheld' }];
      await site.project([[stream, [posted]]]);
      await site.project([[stream, [fact('CommentAutoHidden', at(2), { reports: 3 })]]]);
      expect(await placeOf(id)).toEqual(withheld);
      await site.project([[stream, [fact('CommentReportsDismissed', at(3), RESTORED)]]]);
      expect(await placeOf(id)).toEqual(shown);
      await site.project([[stream, [fact('CommentHidden', at(4), HIDDEN)]]]);
      expect(await placeOf(id)).toEqual(withheld);
      await site.project([[stream, [fact('CommentRestored', at(5), RESTORED)]]]);
      expect(await placeOf(id)).toEqual(shown);
    });

    it('takes a deleted comment out, shown or withheld', async () => {
      const [shown, hidden] = [comment(), comment()];
      await site.project([
        [shown.stream, [shown.posted]],
        [hidden.stream, [hidden.posted, fact('CommentHidden', at(2), HIDDEN)]],
      ]);
      await site.project([
        [shown.stream, [fact('CommentDeleted', at(3), { byModerator: false })]],
        [hidden.stream, [fact('CommentDeleted', at(3), { byModerator: true })]],
      ]);
      expect(await placeOf(shown.id)).toEqual([]);
      expect(await placeOf(hidden.id)).toEqual([]);
    });

    it('places a comment posted and decided on in one batch where the batch leaves it', async () => {
      const [hidden, deleted, restored] = [comment(), comment(), comment()];
      const applied = await site.applyAtOnce([
        [hidden.stream, [hidden.posted, fact('CommentAutoHidden', at(2), { reports: 3 })]],
        [deleted.stream, [deleted.posted, fact('CommentHidden', at(2), HIDDEN)]],
        [deleted.stream, [fact('CommentDeleted', at(3), { byModerator: true })]],
        [restored.stream, [restored.posted, fact('CommentHidden', at(2), HIDDEN)]],
        [restored.stream, [fact('CommentRestored', at(3), RESTORED)]],
      ]);
      expect(applied).toBe(8);
      expect((await placeOf(hidden.id)).map((row) => row.table)).toEqual(['withheld']);
      expect(await placeOf(deleted.id)).toEqual([]);
      expect(await placeOf(restored.id)).toEqual([
        { table: 'activity', eventId: restored.posted.metadata.eventId, occurredAt: at(1) },
      ]);
    });

    /** The rows a comment history must leave: visible comments shown, hidden ones withheld. */
    const expectedRows = (history: ReturnType<typeof randomCommentHistory>) =>
      history.comments
        .filter(({ state }) => state.posted && !state.deleted)
        .map(({ id, state, events }) => ({
          table: isVisible(state) ? 'activity' : 'withheld',
          event_id: events[0]!.metadata.eventId,
          actor_id: state.authorId,
          film_id: state.filmId,
          verb: 'commented',
          occurred_at: new Date(events[0]!.metadata.occurredAt),
          subject_id: id,
        }))
        .sort((a, b) => a.subject_id.localeCompare(b.subject_id));

    it('gives the same rows from 2,000 comment events in one batch as from one batch per event', async () => {
      const history = randomCommentHistory({ members: 10, films: 5, minEvents: 2_000, seed: 20_251_126 });
      const expected = expectedRows(history);
      expect(new Set(expected.map((row) => row.table))).toEqual(new Set(['activity', 'withheld']));
      await ProjectionSite.withFresh(2, [activityProjection], async (whole, single) => {
        await Promise.all([
          whole.applyAtOnce(history.writes),
          single.project(history.writes, { batchSize: 1 }),
        ]);
        expect(await commentedRows(whole)).toEqual(expected);
        expect(await commentedRows(single)).toEqual(expected);
      });
    }, 120_000);

    it('rebuilds the same comment rows from the events', async () => {
      const history = randomCommentHistory({ members: 8, films: 4, minEvents: 800, seed: 19_991_232 });
      await ProjectionSite.withFresh(1, [activityProjection], async (fresh) => {
        await fresh.project(history.writes, { batchSize: 50 });
        const before = await commentedRows(fresh);
        expect(before).toEqual(expectedRows(history));
        await fresh.pool.query(`DELETE FROM activity_withheld`);
        await fresh.pool.query(`UPDATE activity SET occurred_at = now() WHERE verb = 'commented'`);
        await fresh.project([], { batchSize: 50, rebuild: true });
        expect(await commentedRows(fresh)).toEqual(before);
      });
    }, 60_000);
  });

  describe('lists', () => {
    interface ListedRow {
      table: string;
      event_id: string;
      actor_id: string;
      film_id: string;
      verb: string;
      occurred_at: Date;
      subject_id: string;
    }
    /** Every "listed" row, in activity or withheld, by list and film. */
    const listedRows = (on: ProjectionSite, where = 'true', values: unknown[] = []) =>
      on.rows<ListedRow>(
        `SELECT * FROM (
           SELECT 'activity' AS table, event_id, actor_id, film_id, verb, occurred_at, subject_id FROM activity WHERE verb = 'listed'
           UNION ALL SELECT 'withheld' AS table, event_id, actor_id, film_id, verb, occurred_at, subject_id FROM activity_withheld WHERE verb = 'listed'
         ) AS listed WHERE ${where} ORDER BY subject_id, film_id`,
        values,
      );
    const owner: ListActor = { id: randomUUID(), admin: false };
    const admin: ListActor = { id: randomUUID(), admin: true };

    const newList = (script: ListScript, visibility: 'private' | 'friends' | 'public', actor = owner) => {
      const id = randomUUID();
      const [created] = script.list(id, {
        type: 'CreateList',
        actor,
        official: actor.admin,
        ranked: true,
        visibility,
        title: 'Festival',
        description: null,
      });
      expect(created!.type).toBe('ListCreated');
      return id;
    };
    const put = (script: ListScript, id: string, filmId: string, actor = owner) =>
      script.list(id, { type: 'PutListItem', actor, filmId })[0]!;
    /** Projects what the script wrote since the last call. */
    const projector = (script: ListScript) => {
      let written = 0;
      return async () => {
        await site.project(script.writes.slice(written));
        written = script.writes.length;
      };
    };
    const placesOf = async (id: string) =>
      (await listedRows(site, 'subject_id = $1', [id])).map((row) => ({
        table: row.table,
        eventId: row.event_id,
        actorId: row.actor_id,
        filmId: row.film_id,
      }));

    it('shows a film put on a public list as "listed" by its owner, and takes it back when removed', async () => {
      const script = new ListScript();
      const project = projector(script);
      const id = newList(script, 'public');
      const [first, second] = [randomUUID(), randomUUID()];
      const added = [put(script, id, first), put(script, id, second)];
      await project();
      expect(await listedRows(site, 'subject_id = $1', [id])).toEqual(
        [first, second]
          .map((filmId, index) => ({
            table: 'activity',
            event_id: added[index]!.metadata.eventId,
            actor_id: owner.id,
            film_id: filmId,
            verb: 'listed',
            occurred_at: new Date(added[index]!.metadata.occurredAt),
            subject_id: id,
          }))
          .sort((a, b) => a.film_id.localeCompare(b.film_id)),
      );
      script.list(id, { type: 'RemoveListItem', actor: owner, filmId: first });
      await project();
      expect((await placesOf(id)).map((row) => row.filmId)).toEqual([second]);
    });

    it('withholds the rows of a list that leaves public, brings them back, and lists nothing added meanwhile', async () => {
      const script = new ListScript();
      const project = projector(script);
      const id = newList(script, 'friends');
      const [early, shownFilm, whilePrivate] = [randomUUID(), randomUUID(), randomUUID()];
      put(script, id, early);
      await project();
      expect(await placesOf(id)).toEqual([]);

      script.list(id, { type: 'ChangeListDetails', actor: owner, visibility: 'public' });
      const shown = put(script, id, shownFilm);
      await project();
      const row = {
        table: 'activity',
        eventId: shown.metadata.eventId,
        actorId: owner.id,
        filmId: shownFilm,
      };
      expect(await placesOf(id)).toEqual([row]);

      script.list(id, { type: 'ChangeListDetails', actor: owner, visibility: 'private' });
      put(script, id, whilePrivate);
      await project();
      expect(await placesOf(id)).toEqual([{ ...row, table: 'withheld' }]);

      script.list(id, { type: 'ChangeListDetails', actor: owner, visibility: 'public' });
      await project();
      expect(await placesOf(id)).toEqual([row]);

      script.list(id, { type: 'ChangeListDetails', actor: owner, visibility: 'friends' });
      await project();
      script.list(id, { type: 'DeleteList', actor: owner });
      await project();
      expect(await placesOf(id)).toEqual([]);
    });

    it('lists nothing for official lists, their items or their editions', async () => {
      const script = new ListScript();
      const id = newList(script, 'public', admin);
      put(script, id, randomUUID(), admin);
      script.list(id, { type: 'PublishListEdition', actor: admin, films: [randomUUID(), randomUUID()] });
      await site.project(script.writes);
      expect(await placesOf(id)).toEqual([]);
    });

    /** The rows a list history must leave: each current film added while its list was public. */
    const expectedListed = (script: ListScript): ListedRow[] =>
      [...script.lists.values()]
        .filter(({ state }) => state.kind === 'personal' && !state.deleted)
        .flatMap(({ id, state, events }) => {
          let isPublic = false;
          const standing = new Map<string, NewEvent | null>();
          for (const event of events) {
            const data = event.data as { visibility?: string; filmId?: string };
            if (event.type === 'ListCreated' || event.type === 'ListVisibilityChanged')
              isPublic = data.visibility === 'public';
            if (event.type === 'FilmAddedToList') standing.set(data.filmId!, isPublic ? event : null);
            if (event.type === 'FilmRemovedFromList') standing.delete(data.filmId!);
          }
          return [...standing]
            .filter(([, event]) => event !== null)
            .map(([filmId, event]) => ({
              table: state.visibility === 'public' ? 'activity' : 'withheld',
              event_id: event!.metadata.eventId,
              actor_id: state.ownerId!,
              film_id: filmId,
              verb: 'listed',
              occurred_at: new Date(event!.metadata.occurredAt),
              subject_id: id,
            }));
        })
        .sort((a, b) => a.subject_id.localeCompare(b.subject_id) || a.film_id.localeCompare(b.film_id));

    it('gives the rows a random list history must leave, in one batch, per event and rebuilt', async () => {
      const script = randomListHistory({ seed: 20_251_127, lists: 8, films: 25, members: 4, minEvents: 600 });
      const expected = expectedListed(script);
      expect(new Set(expected.map((row) => row.table))).toEqual(new Set(['activity', 'withheld']));
      await ProjectionSite.withFresh(2, [activityProjection], async (whole, single) => {
        await Promise.all([
          whole.applyAtOnce(script.writes),
          single.project(script.writes, { batchSize: 1 }),
        ]);
        expect(await listedRows(whole)).toEqual(expected);
        expect(await listedRows(single)).toEqual(expected);

        await single.pool.query(`DELETE FROM activity WHERE verb = 'listed'`);
        await single.project([], { batchSize: 50, rebuild: true });
        expect(await listedRows(single)).toEqual(expected);
      });
    }, 120_000);
  });
});
