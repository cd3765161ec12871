import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { NewEvent } from '#event-store';
import pg from 'pg';
import { memberStream } from '../../src/modules/identity/domain/member.events.js';
import { AccessTokens } from '../../src/modules/identity/auth/access-tokens.js';
import type { FilmLogHistory } from '../film-log/streams.js';

/** Rows per INSERT of accounts. */
const ACCOUNTS_CHUNK = 10_000;
/** Long enough for the whole run; the service is started with the same TTL. */
export const TOKEN_TTL_SECONDS = 86_400;

export interface BenchMember {
  readonly id: string;
  readonly username: string;
}

export interface Reader extends BenchMember {
  readonly token: string;
}

/** Member i is `member_i`; the film-log prefill makes the first ones the most active. */
export const benchMembers = (count: number): BenchMember[] =>
  Array.from({ length: count }, (_, index) => ({ id: randomUUID(), username: `member_${index}` }));

/**
 * The accounts rows (usernames), straight with SQL: accounts are not event-sourced, and no one
 * signs in with these (the readers' tokens are minted), so the password hash is a placeholder.
 */
export async function insertAccounts(url: string, members: readonly BenchMember[]): Promise<number> {
  const begin = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let start = 0; start < members.length; start += ACCOUNTS_CHUNK) {
      const chunk = members.slice(start, start + ACCOUNTS_CHUNK);
      await client.query(
        `INSERT INTO accounts (id, username, username_key, password_hash)
         SELECT id, username, lower(username), 'bench member: no password'
         FROM unnest($1::uuid[], $2::text[]) AS member(id, username)`,
        [chunk.map((member) => member.id), chunk.map((member) => member.username)],
      );
    }
  } finally {
    await client.end();
  }
  return (performance.now() - begin) / 1_000;
}

/** Each member's registration, as the service appends it: MemberRegistered on `member-{id}`. */
export function* registrations(members: readonly BenchMember[]): Generator<FilmLogHistory> {
  const registeredAt = new Date(Date.now() - 800 * 86_400_000).toISOString();
  for (const member of members) {
    const event: NewEvent = {
      type: 'MemberRegistered',
      data: {},
      metadata: {
        eventId: randomUUID(),
        actorId: member.id,
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: registeredAt,
        schemaVersion: 1,
      },
    };
    yield { streamId: memberStream(member.id), events: [event] };
  }
}

/** Access tokens as the service issues them, signed with the secret the service is started with. */
export async function mintTokens(secret: string, members: readonly BenchMember[]): Promise<Reader[]> {
  const tokens = new AccessTokens(secret, TOKEN_TTL_SECONDS);
  return Promise.all(members.map(async (member) => ({ ...member, token: await tokens.issue(member) })));
}
