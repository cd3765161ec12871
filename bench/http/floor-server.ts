/**
 * The bare floor of `npm run bench:http`: a plain node:http server with pg doing the least each
 * measured request needs, with no framework, logging or metrics. Run as its own process by the
 * bench, so it shares the machine exactly as the service does.
 *
 * - `GET /health`: a constant JSON body.
 * - `PUT|DELETE /api/v1/films/{filmId}/favourite`: verify the HS256 token, read the pair's stream,
 *   append one event with the revision read as its expected revision (the unique key refuses a race).
 * - `GET /api/v1/films/{filmId}/stats`: one indexed row read, the service's own statement.
 * - `GET /api/v1/me/films/{filmId}`: verify the token, one indexed row read.
 *
 * Environment: PORT, DATABASE_URL (a database of the floor's own, with the service's schema and a
 * copy of its read models), JWT_SECRET, POOL_SIZE.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const poolSize = Number(process.env.POOL_SIZE ?? '10');
const pool = new pg.Pool({ connectionString: env('DATABASE_URL'), max: poolSize });
const secret = Buffer.from(env('JWT_SECRET'), 'utf8');

/** The member id of a valid, unexpired HS256 token; null otherwise. */
function verify(header: string | undefined): string | null {
  if (!header?.startsWith('Bearer ')) return null;
  const [head, payload, signature] = header.slice(7).split('.');
  if (!head || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    sub?: string;
    exp?: number;
  };
  if (typeof claims.sub !== 'string' || (claims.exp ?? 0) * 1000 < Date.now()) return null;
  return claims.sub;
}

const send = (response: http.ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
};

const STATS = `SELECT coalesce(stats.checks, 0) AS checks, coalesce(stats.favourites, 0) AS favourites,
    coalesce(stats.dislikes, 0) AS dislikes, coalesce(stats.watchlists, 0) AS watchlists,
    coalesce(comments.comments, 0) AS comments
  FROM (SELECT $1::uuid AS film_id) AS film
  LEFT JOIN film_stats AS stats ON stats.film_id = film.film_id
  LEFT JOIN film_comment_counts AS comments ON comments.film_id = film.film_id`;

const STATE = `SELECT checked, favourite, disliked, watchlisted, watched_on::text AS watched_on
  FROM user_film_state WHERE user_id = $1 AND film_id = $2`;

const READ_STREAM =
  'SELECT stream_revision::text AS revision, type FROM events WHERE stream_id = $1 ORDER BY stream_revision';

const APPEND = `INSERT INTO events (stream_id, stream_revision, event_id, type, data, metadata)
  VALUES ($1, $2, $3, $4, '{}', $5) RETURNING global_position::text AS position`;

async function favourite(
  member: string,
  film: string,
  on: boolean,
): Promise<{ favourite: boolean; position: string | null }> {
  const streamId = `film-log-${member}-${film}`;
  const { rows } = await pool.query<{ revision: string; type: string }>({
    name: 'read',
    text: READ_STREAM,
    values: [streamId],
  });
  const favourited = rows.reduce(
    (state, row) => (row.type === 'FilmFavourited' ? true : row.type === 'FilmUnfavourited' ? false : state),
    false,
  );
  if (favourited === on) return { favourite: on, position: null };
  const revision = rows.length === 0 ? 0n : BigInt(rows.at(-1)!.revision) + 1n;
  const appended = await pool.query<{ position: string }>({
    name: 'append',
    text: APPEND,
    values: [
      streamId,
      revision.toString(),
      randomUUID(),
      on ? 'FilmFavourited' : 'FilmUnfavourited',
      JSON.stringify({ actorId: member, occurredAt: new Date().toISOString() }),
    ],
  });
  return { favourite: on, position: appended.rows[0]!.position };
}

const FILM_ROUTE = /^\/api\/v1\/films\/([0-9a-f-]{36})\/(favourite|stats)$/;
const STATE_ROUTE = /^\/api\/v1\/me\/films\/([0-9a-f-]{36})$/;

async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const url = request.url ?? '/';
  if (url === '/health') return send(response, 200, { status: 'ok' });
  const film = FILM_ROUTE.exec(url);
  if (film?.[2] === 'stats' && request.method === 'GET') {
    const { rows } = await pool.query({ name: 'stats', text: STATS, values: [film[1]] });
    return send(response, 200, rows[0]);
  }
  const state = STATE_ROUTE.exec(url);
  if (film || state) {
    const member = verify(request.headers.authorization);
    if (!member) return send(response, 401, { title: 'Unauthorized' });
    if (state) {
      const { rows } = await pool.query({ name: 'state', text: STATE, values: [member, state[1]] });
      return send(
        response,
        200,
        rows[0] ?? { checked: false, favourite: false, disliked: false, watchlisted: false },
      );
    }
    if (film![2] === 'favourite' && (request.method === 'PUT' || request.method === 'DELETE')) {
      return send(response, 200, await favourite(member, film![1]!, request.method === 'PUT'));
    }
  }
  send(response, 404, { title: 'Not Found' });
}

const server = http.createServer((request, response) => {
  // The measured requests carry no body; drain anything sent so keep-alive goes on.
  request.resume();
  handle(request, response).catch((error: unknown) => send(response, 500, { detail: String(error) }));
});
server.keepAliveTimeout = 60_000;
server.listen(Number(env('PORT')), '127.0.0.1', () => process.send?.('listening'));
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
});
