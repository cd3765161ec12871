import {
  BACKWARDS,
  END,
  FORWARDS,
  type Filter,
  type KurrentDBClient,
  type Position as LogPosition,
} from '@kurrent/kurrentdb-client';
import { isAfter } from './position.js';

/** Position of the last record in the log, system records included; null for an empty log. */
export async function headOfLog(client: KurrentDBClient): Promise<LogPosition | null> {
  for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
    return resolved.event?.position ?? null;
  }
  return null;
}

/**
 * Where a caught-up subscription may move its checkpoint with nothing delivered: the head of
 * the log, provided no event the server filter lets through lies after `from` up to it. The
 * head is read first, so an event appended meanwhile lies after it and is still delivered.
 * Null when the checkpoint cannot move.
 */
export async function quietHead(
  client: KurrentDBClient,
  filter: Filter,
  from: LogPosition,
): Promise<LogPosition | null> {
  const head = await headOfLog(client);
  if (!head || !isAfter(head, from)) return null;
  // Reads from a position include the record at it, hence two.
  for await (const resolved of client.readAll({
    direction: FORWARDS,
    fromPosition: from,
    maxCount: 2,
    filter,
  })) {
    const position = resolved.event?.position;
    if (position && isAfter(position, from)) return isAfter(position, head) ? head : null;
  }
  return head;
}
