import { randomUUID } from 'node:crypto';
import { filmRequest } from '../../support/films.js';

/** One request of the load and what came back; `status` 0 when no answer came at all. */
export interface Outcome {
  readonly action: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
  readonly startedAt: number;
  readonly ms: number;
  readonly idempotencyKey?: string;
  /** The caller's token, so a test can replay the request as them. */
  readonly token?: string;
  readonly error?: string;
}

export interface Member {
  readonly id: string;
  readonly username: string;
  readonly token: string;
}

export interface Cast {
  readonly admin: Member;
  readonly members: readonly Member[];
  readonly filmIds: readonly string[];
}

/** A request gets no answer within this: the client gives up and records a hang. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** A small deterministic generator, so a failing run can be replayed with its seed. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return this.state / 2_147_483_648;
  }

  below(count: number): number {
    return Math.floor(this.next() * count);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}

/** HTTP against one base URL, every answer recorded. */
export class Client {
  readonly outcomes: Outcome[] = [];

  constructor(private readonly baseUrl: string) {}

  async send(
    action: string,
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Outcome> {
    const startedAt = Date.now();
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let outcome: Outcome;
    try {
      const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      outcome = {
        action,
        method,
        path,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: text === '' ? null : parseJson(text),
        startedAt,
        ms: Date.now() - startedAt,
        idempotencyKey: options.headers?.['idempotency-key'],
        token: options.token,
      };
    } catch (error) {
      outcome = {
        action,
        method,
        path,
        status: 0,
        contentType: '',
        body: null,
        startedAt,
        ms: Date.now() - startedAt,
        idempotencyKey: options.headers?.['idempotency-key'],
        token: options.token,
        error: String(error),
      };
    }
    this.outcomes.push(outcome);
    return outcome;
  }

  /** Sends until it gets a 2xx (the setup must not fail on a slow start); throws after `attempts`. */
  async must(
    action: string,
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
    attempts = 20,
  ): Promise<Record<string, unknown>> {
    let last: Outcome | undefined;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      last = await this.send(action, method, path, options);
      if (last.status >= 200 && last.status < 300) return (last.body ?? {}) as Record<string, unknown>;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${method} ${path} kept failing: ${last?.status} ${JSON.stringify(last?.body)}`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const ADMIN = { username: 'resilience_admin', password: 'resilience-admin-password' };

/** The environment the service runs with in these tests: an admin to sign in as, no rate limits in the way. */
export const LOAD_ENV = {
  ADMIN_USERNAME: ADMIN.username,
  ADMIN_PASSWORD: ADMIN.password,
  AUTH_RATE_LIMIT_PER_MINUTE: '0',
  COMMENT_RATE_LIMIT_PER_MINUTE: '0',
  JWT_SECRET: 'resilience-tests-secret-of-enough-length-0123456789',
};

/** The admin, `memberCount` members and `filmCount` films, made over HTTP. */
export async function castOf(client: Client, memberCount: number, filmCount: number): Promise<Cast> {
  const login = await client.must('login', 'POST', '/auth/login', {
    body: { login: ADMIN.username, password: ADMIN.password },
  });
  const admin = memberOf(login);
  const members: Member[] = [];
  for (let index = 0; index < memberCount; index += 1) {
    const username = `load_${index}_${randomUUID().slice(0, 6)}`;
    const body = await client.must('register', 'POST', '/auth/register', {
      body: { username, email: `${username}@example.org`, password: `pw-${username}` },
    });
    members.push(memberOf(body));
  }
  const filmIds: string[] = [];
  for (let index = 0; index < filmCount; index += 1) {
    const film = await client.must('add film', 'POST', '/films', {
      token: admin.token,
      body: filmRequest({ title: `Resilience ${index} ${randomUUID().slice(0, 6)}`, year: 1950 + index }),
    });
    filmIds.push(String(film.id));
  }
  return { admin, members, filmIds };
}

function memberOf(body: Record<string, unknown>): Member {
  const user = body.user as { id: string; username: string };
  return { id: user.id, username: user.username, token: String(body.accessToken) };
}

const TAPS = ['check', 'favourite', 'dislike', 'watchlist'] as const;
const REASONS = ['spam', 'abuse', 'spoiler', 'off-topic', 'other'] as const;

/**
 * Mixed commands of every kind the service takes, from `concurrency` clients at once until
 * `signal` aborts: film-log taps, follows, comments (each with an Idempotency-Key), reports
 * (three reporters reach the auto-hide job), list edits, and reads after writes.
 */
export async function runMixedLoad(
  client: Client,
  cast: Cast,
  options: { concurrency: number; seed: number; signal: AbortSignal; pauseMs?: number },
): Promise<void> {
  const random = new Random(options.seed);
  const comments: { id: string; authorId: string; filmId: string }[] = [];
  const lists = new Map<string, string>();

  const one = async (): Promise<void> => {
    const member = random.pick(cast.members);
    const filmId = random.pick(cast.filmIds);
    const roll = random.below(100);
    if (roll < 55) {
      const tap = random.pick(TAPS);
      const method = random.below(3) === 0 ? 'DELETE' : 'PUT';
      await client.send(`${method} ${tap}`, method, `/films/${filmId}/${tap}`, { token: member.token });
    } else if (roll < 65) {
      const other = random.pick(cast.members);
      if (other.id === member.id) return;
      const method = random.below(3) === 0 ? 'DELETE' : 'PUT';
      await client.send(`${method} follow`, method, `/users/${other.username}/follow`, {
        token: member.token,
      });
    } else if (roll < 78) {
      const key = randomUUID();
      const outcome = await client.send('post comment', 'POST', `/films/${filmId}/comments`, {
        token: member.token,
        body: { body: `A comment ${key}` },
        headers: { 'idempotency-key': key },
      });
      if (outcome.status === 201) {
        comments.push({ id: String((outcome.body as { id: string }).id), authorId: member.id, filmId });
      }
    } else if (roll < 90) {
      // Three distinct reporters in a row: the comment reaches the auto-hide threshold.
      const comment = comments.length > 0 ? comments[random.below(comments.length)]! : null;
      if (!comment) return;
      const reporters = cast.members.filter((candidate) => candidate.id !== comment.authorId);
      const start = random.below(reporters.length);
      for (let index = 0; index < 3; index += 1) {
        const reporter = reporters[(start + index) % reporters.length]!;
        await client.send('report', 'POST', `/comments/${comment.id}/reports`, {
          token: reporter.token,
          body: { reason: random.pick(REASONS) },
        });
      }
    } else if (roll < 97) {
      let listId = lists.get(member.id);
      if (!listId) {
        const outcome = await client.send('create list', 'POST', '/lists', {
          token: member.token,
          body: { title: `List of ${member.username}`, ranked: true, visibility: 'public' },
        });
        if (outcome.status !== 201) return;
        listId = String((outcome.body as { id: string }).id);
        lists.set(member.id, listId);
      }
      const method = random.below(4) === 0 ? 'DELETE' : 'PUT';
      await client.send(`${method} list item`, method, `/lists/${listId}/items/${filmId}`, {
        token: member.token,
        body: method === 'PUT' ? { rank: 1 + random.below(5) } : undefined,
      });
    } else {
      const write = await client.send('PUT check', 'PUT', `/films/${filmId}/check`, { token: member.token });
      const position = (write.body as { position?: string } | null)?.position;
      await client.send('read own write', 'GET', `/me/films/${filmId}`, {
        token: member.token,
        headers: position ? { 'x-consistent-with': position } : {},
      });
    }
  };

  const worker = async (): Promise<void> => {
    while (!options.signal.aborted) {
      await one();
      if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}
