import type { RecordedEvent as ClientRecordedEvent } from '@kurrent/kurrentdb-client';
import type { NewEvent } from '../event-store.port.js';
import { toEventData, toRecordedEvent } from './events.js';

const newEvent: NewEvent = {
  type: 'FilmChecked',
  data: { filmId: 'f-1', nested: { a: [1, 2] } },
  metadata: {
    eventId: '0b5f6a8e-9d1c-4f5e-8a3b-2c7d9e1f0a4b',
    actorId: 'member-1',
    correlationId: 'c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f',
    causationId: null,
    occurredAt: '2024-02-03T10:00:00.000Z',
    schemaVersion: 1,
  },
};

const recorded = (overrides: Partial<Record<keyof ClientRecordedEvent, unknown>> = {}) =>
  ({
    streamId: 'film-1',
    id: newEvent.metadata.eventId,
    isJson: true,
    revision: 3n,
    type: 'FilmChecked',
    created: new Date('2024-02-03T10:00:01.000Z'),
    data: newEvent.data,
    metadata: newEvent.metadata,
    position: { commit: 1_234n, prepare: 1_234n },
    ...overrides,
  }) as ClientRecordedEvent;

describe('kurrentdb events', () => {
  it('sends an event as JSON, identified by its eventId, with its metadata as JSON metadata', () => {
    expect(toEventData(newEvent)).toEqual({
      id: newEvent.metadata.eventId,
      contentType: 'application/json',
      type: 'FilmChecked',
      data: newEvent.data,
      metadata: newEvent.metadata,
    });
  });

  it('reads a recorded event back as the port describes it', () => {
    expect(toRecordedEvent(recorded())).toEqual({
      ...newEvent,
      streamId: 'film-1',
      revision: 3n,
      position: '1234/1234',
      recordedAt: new Date('2024-02-03T10:00:01.000Z'),
    });
  });

  it('refuses events that are not ours or come without a usable position', () => {
    expect(() => toRecordedEvent(recorded({ isJson: false, data: new Uint8Array([1]) }))).toThrow(
      /not one of ours/,
    );
    expect(() => toRecordedEvent(recorded({ metadata: undefined }))).toThrow(/not one of ours/);
    expect(() => toRecordedEvent(recorded({ position: undefined }))).toThrow(/log position/);
    const unknown = 2n ** 64n - 1n;
    expect(() => toRecordedEvent(recorded({ position: { commit: unknown, prepare: unknown } }))).toThrow(
      /log position/,
    );
  });
});
