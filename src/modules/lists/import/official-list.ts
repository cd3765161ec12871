import { randomUUID } from 'node:crypto';
import type { CommandContext, CommandRunner } from '#decider';
import type { Position } from '#event-store';
import type { Queryable } from '../../catalog/films/film-reader.js';
import { usernameKey } from '../../identity/domain/credentials.js';
import { listDecider } from '../domain/list.decider.js';
import { listStream } from '../domain/list.events.js';

export interface Admin {
  readonly id: string;
  readonly username: string;
}

/** The admin named, or the first one to have joined when none is. Null when there is no such admin. */
export async function findAdmin(db: Queryable, username: string | null): Promise<Admin | null> {
  const { rows } = await db.query<Admin>(
    `SELECT a.id, a.username FROM accounts a JOIN members m ON m.user_id = a.id
      WHERE 'admin' = ANY (m.roles) AND ($1::text IS NULL OR a.username_key = $1)
      ORDER BY a.created_at, a.id LIMIT 1`,
    [username === null ? null : usernameKey(username)],
  );
  return rows[0] ?? null;
}

export interface OfficialListDraft {
  readonly title: string;
  readonly description: string | null;
  readonly ranked: boolean;
  /** Film ids in rank order, each once. */
  readonly films: readonly string[];
}

export interface CreatedList {
  readonly id: string;
  readonly edition: number;
  readonly position: Position | null;
}

/**
 * Creates the list and publishes its first edition through the list decider, as the admin: the
 * same two events an admin would cause over HTTP, so projections need no import path of their own.
 */
export async function createOfficialList(
  runner: CommandRunner,
  admin: Admin,
  draft: OfficialListDraft,
): Promise<CreatedList> {
  const id = randomUUID();
  const actor = { id: admin.id, admin: true };
  const context: CommandContext = { actorId: admin.id, correlationId: randomUUID(), causationId: null };
  const streamId = listStream(id);
  await runner.run({
    decider: listDecider,
    streamId,
    command: {
      type: 'CreateList',
      actor,
      official: true,
      ranked: draft.ranked,
      visibility: 'public',
      title: draft.title,
      description: draft.description,
    },
    context,
  });
  const published = await runner.run({
    decider: listDecider,
    streamId,
    command: { type: 'PublishListEdition', actor, films: draft.films },
    context,
  });
  return { id, edition: published.state.edition, position: published.position };
}
