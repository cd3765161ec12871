import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { memberStream } from '../../src/modules/identity/domain/member.events.js';
import type { FilmLogHistory } from '../film-log/streams.js';
import type { BenchMember } from '../social/members.js';

const DAY_MS = 86_400_000;

/** An event as the service appends it, by `actorId` at `at` (epoch ms). */
export const benchEvent = (
  type: string,
  data: Record<string, unknown>,
  actorId: string | null,
  at: number,
): NewEvent => ({
  type,
  data,
  metadata: {
    eventId: randomUUID(),
    actorId,
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: new Date(at).toISOString(),
    schemaVersion: 1,
  },
});

/** Each member's registration; the first member also holds `role` (the bench's moderator or admin). */
export function* memberStreams(
  members: readonly BenchMember[],
  role: 'moderator' | 'admin',
): Generator<FilmLogHistory> {
  const at = Date.now() - 400 * DAY_MS;
  for (const [index, member] of members.entries()) {
    const events = [benchEvent('MemberRegistered', {}, member.id, at)];
    if (index === 0) events.push(benchEvent('RoleGranted', { role }, null, at + 1));
    yield { streamId: memberStream(member.id), events };
  }
}
