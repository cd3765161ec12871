import { randomUUID } from 'node:crypto';
import type { CommandContext } from '#decider';

/** Who acts, and the request id that ties the events to the request's log lines. */
export const commandContext = (
  actorId: string | null,
  request?: { readonly id?: unknown },
): CommandContext => ({
  actorId,
  correlationId: typeof request?.id === 'string' && request.id !== '' ? request.id : randomUUID(),
  causationId: null,
});
