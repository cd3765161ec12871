import type { EventMetadata, RecordedEvent } from '#event-store';

/** An event as filmlog.json lists it. */
export interface ExportedEvent {
  readonly position: string;
  readonly streamId: string;
  readonly revision: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
}

/**
 * The one way an event's data reaches an archive: every event of filmlog.json passes here, so
 * what the store keeps sealed (members' personal text) is opened in one place.
 */
export function eventAsExported(recorded: RecordedEvent): ExportedEvent {
  return {
    position: recorded.position,
    streamId: recorded.streamId,
    revision: recorded.revision.toString(),
    type: recorded.type,
    data: recorded.data,
    metadata: recorded.metadata,
    recordedAt: recorded.recordedAt.toISOString(),
  };
}
