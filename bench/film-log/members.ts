import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { RunningApp } from '../catalogue/search-load.js';

export interface LoadMember {
  readonly id: string;
  readonly token: string;
}

/** Registrations in flight: each hashes a password (argon2id), which is what bounds them. */
const REGISTERING = 4;
const MEMBERS_ROWS_WAIT_MS = 60_000;

async function register(app: RunningApp, index: number): Promise<LoadMember> {
  const username = `loader_${index}`;
  const response = await fetch(`${app.baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username,
      email: `${username}@example.org`,
      password: randomBytes(12).toString('base64url'),
    }),
  });
  if (response.status !== 201) {
    throw new Error(`registering ${username} answered ${response.status}: ${await response.text()}`);
  }
  const body = (await response.json()) as { user: { id: string }; accessToken: string };
  return { id: body.user.id, token: body.accessToken };
}

/** The members table is the members projection's: waits until it holds every registered member. */
async function waitForMembersRows(url: string, ids: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + MEMBERS_ROWS_WAIT_MS;
    for (;;) {
      const { rows } = await client.query<{ found: number }>(
        'SELECT count(*)::int AS found FROM members WHERE user_id = ANY($1::uuid[])',
        [ids],
      );
      if (rows[0]!.found === ids.length) return;
      if (Date.now() > deadline) throw new Error(`only ${rows[0]!.found} of ${ids.length} members rows`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

/**
 * Registers `count` members over HTTP, as clients would (the service must run with its auth rate
 * limit off), and returns their ids and access tokens once the members projection has them.
 */
export async function registerLoadMembers(
  app: RunningApp,
  url: string,
  count: number,
): Promise<LoadMember[]> {
  const members: LoadMember[] = new Array<LoadMember>(count);
  let next = 0;
  const registrar = async (): Promise<void> => {
    for (let index = next++; index < count; index = next++) members[index] = await register(app, index);
  };
  await Promise.all(Array.from({ length: REGISTERING }, registrar));
  await waitForMembersRows(
    url,
    members.map((member) => member.id),
  );
  return members;
}
