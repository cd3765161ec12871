import {
  jsonEvent,
  type EventData,
  type Position as LogPosition,
  type RecordedEvent as ClientRecordedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, EventPayload, NewEvent, RecordedEvent } from '../event-store.port.js';
import { encodePosition } from './position.js';

/** The metadata travels as the event's JSON metadata; its eventId is the server's event id. */
export const toEventData = (event: NewEvent): EventData =>
  jsonEvent({
    id: event.metadata.eventId,
    type: event.type,
    data: { ...event.data },
    metadata: { ...event.metadata },
  });

/**
 * A multi-stream append carries metadata as string properties only: ours travels whole, as JSON,
 * under this one property, and is read back from it.
 */
const METADATA_PROPERTY = 'filmlog-metadata';

export const toMultiAppendEventData = (event: NewEvent): EventData =>
  jsonEvent({
    id: event.metadata.eventId,
    type: event.type,
    data: { ...event.data },
    metadata: { [METADATA_PROPERTY]: JSON.stringify(event.metadata) },
  });

const metadataOf = (metadata: Record<string, unknown>): EventMetadata =>
  typeof metadata[METADATA_PROPERTY] === 'string'
    ? (JSON.parse(metadata[METADATA_PROPERTY]) as EventMetadata)
    : (metadata as unknown as EventMetadata);

/** Positions travel as unsigned 64-bit integers; all ones means the server did not know it. */
const UNKNOWN_POSITION = 2n ** 64n - 1n;

export const isKnownPosition = (position: LogPosition | undefined): position is LogPosition =>
  position !== undefined && position.commit !== UNKNOWN_POSITION && position.prepare !== UNKNOWN_POSITION;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

export function toRecordedEvent(recorded: ClientRecordedEvent): RecordedEvent {
  const where = `${recorded.streamId}@${recorded.revision}`;
  if (!recorded.isJson || !isObject(recorded.data) || !isObject(recorded.metadata)) {
    throw new Error(`Event ${where} is not one of ours: JSON data and metadata objects expected`);
  }
  if (!isKnownPosition(recorded.position)) {
    throw new Error(`Event ${where} came without its log position (KurrentDB 22.6 or later reports it)`);
  }
  return {
    streamId: recorded.streamId,
    revision: recorded.revision,
    type: recorded.type,
    data: recorded.data as EventPayload,
    metadata: metadataOf(recorded.metadata),
    position: encodePosition(recorded.position),
    recordedAt: recorded.created,
  };
}
