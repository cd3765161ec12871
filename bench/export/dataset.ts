import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ExportBenchOptions } from './options.js';

export interface ExportDataset {
  readonly memberId: string;
  readonly marks: number;
  readonly diaryEntries: number;
  readonly comments: number;
  readonly listItems: number;
  readonly memberEvents: number;
  readonly otherEvents: number;
}

/**
 * The measured member, written straight into the read models and the event log with set-based
 * SQL (the export reads nothing else): `marks` films with a mark each (checked, one in ten a
 * favourite, one in seventeen disliked, half rated, one in five dated), diary entries over the
 * first films (one in seven a rewatch), comments, a few ranked lists, their events, and other
 * members' events so the log is not the member's alone.
 */
export async function fillExportDataset(
  url: string,
  options: ExportBenchOptions,
  filmIds: readonly string[],
): Promise<ExportDataset> {
  if (filmIds.length < options.marks) throw new Error(`${options.marks} marks need as many films`);
  const memberId = randomUUID();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TEMP TABLE bench_films AS SELECT * FROM unnest($1::uuid[]) WITH ORDINALITY AS f(id, n)`,
      [filmIds.slice(0, options.marks)],
    );
    await client.query(
      `INSERT INTO accounts (id, username, username_key, email, password_hash) VALUES ($1, 'exporter', 'exporter', 'exporter@example.org', 'x')`,
      [memberId],
    );
    await client.query(`INSERT INTO members (user_id, joined_at) VALUES ($1, now())`, [memberId]);
    await client.query(
      `INSERT INTO user_film_state (user_id, film_id, checked, checked_at, watched_on, favourite, disliked,
                                    watchlisted, rating_half_stars, viewings)
       SELECT $1, id, true, timestamptz '2015-01-01' + n * interval '97 minutes',
              CASE WHEN n % 5 = 0 THEN date '2010-01-01' + (n % 4000)::int END,
              n % 10 = 0, n % 17 = 0 AND n % 10 <> 0, false,
              CASE WHEN n % 2 = 0 THEN 1 + n % 10 END, 0
         FROM bench_films`,
      [memberId],
    );
    await client.query(
      `INSERT INTO activity (event_id, actor_id, film_id, verb, occurred_at)
       SELECT gen_random_uuid(), $1, id, verb, timestamptz '2015-01-02' + n * interval '97 minutes'
         FROM bench_films, LATERAL (VALUES ('favourited', n % 10 = 0), ('disliked', n % 17 = 0 AND n % 10 <> 0),
                                           ('rated', n % 2 = 0)) AS v(verb, holds)
        WHERE holds`,
      [memberId],
    );
    await client.query(
      `INSERT INTO diary_entries (id, user_id, film_id, watched_on, rewatch, rating_half_stars, logged_at)
       SELECT gen_random_uuid(), $1, f.id, date '2012-01-01' + (i % 4000), i % 7 = 0,
              CASE WHEN i % 3 = 0 THEN 1 + i % 10 END, timestamptz '2016-01-01' + i * interval '3 hours'
         FROM generate_series(1, $2::int) AS i JOIN bench_films f ON f.n = 1 + (i - 1) % greatest(1, $2::int * 7 / 10)`,
      [memberId, options.diaryEntries],
    );
    await client.query(
      `INSERT INTO comments (id, film_id, author_id, body, created_at)
       SELECT gen_random_uuid(), f.id, $1, 'A comment, number ' || i || ', about this film.',
              timestamptz '2017-01-01' + i * interval '5 hours'
         FROM generate_series(1, $2::int) AS i JOIN bench_films f ON f.n = i`,
      [memberId, options.comments],
    );
    const lists = Math.max(1, Math.round(options.listItems / 100));
    for (let list = 0; list < lists; list += 1) {
      const listId = randomUUID();
      await client.query(
        `INSERT INTO lists (id, owner_id, kind, ranked, visibility, title, created_at, updated_at)
         VALUES ($1, $2, 'personal', true, 'public', $3, now(), now())`,
        [listId, memberId, `Bench list ${list + 1}`],
      );
      await client.query(
        `INSERT INTO list_entries (list_id, film_id, position, note, added_at)
         SELECT $1, id, lpad(n::text, 8, '0'), CASE WHEN n % 4 = 0 THEN 'A note' END, now()
           FROM bench_films WHERE n > $2 AND n <= $2 + 100`,
        [listId, list * 100],
      );
    }
    const memberEvents = options.marks + options.diaryEntries + options.comments;
    await client.query(
      `INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
       SELECT CASE WHEN i <= $2 THEN 'filmlog-' || $1 || '.' || gen_random_uuid() ELSE 'comment-' || gen_random_uuid() END,
              0, gen_random_uuid(), CASE WHEN i <= $2 THEN 'FilmChecked' ELSE 'CommentPosted' END,
              jsonb_build_object('watchedOn', null, 'body', 'A comment about this film.'),
              jsonb_build_object('eventId', gen_random_uuid(), 'actorId', $1, 'correlationId', gen_random_uuid(),
                                 'causationId', null, 'occurredAt', '2020-01-01T00:00:00.000Z', 'schemaVersion', 1)
         FROM generate_series(1, $3::int) AS i`,
      [memberId, options.marks + options.diaryEntries, memberEvents],
    );
    await client.query(
      `INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
       SELECT 'filmlog-' || gen_random_uuid() || '.' || gen_random_uuid(), 0, gen_random_uuid(), 'FilmChecked',
              jsonb_build_object('watchedOn', null),
              jsonb_build_object('eventId', gen_random_uuid(), 'actorId', gen_random_uuid(), 'correlationId', gen_random_uuid(),
                                 'causationId', null, 'occurredAt', '2020-01-01T00:00:00.000Z', 'schemaVersion', 1)
         FROM generate_series(1, $1::int)`,
      [options.otherEvents],
    );
    return {
      memberId,
      marks: options.marks,
      diaryEntries: options.diaryEntries,
      comments: options.comments,
      listItems: lists * 100,
      memberEvents,
      otherEvents: options.otherEvents,
    };
  } finally {
    await client.end();
  }
}
