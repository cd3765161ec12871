import type { EventPayload, RecordedEvent } from '#event-store';
import {
  currentSchemaVersion,
  upcastEvent,
  UnsupportedSchemaVersionError,
  type EventUpcasters,
} from '#decider';

const AT = '2024-05-01T10:00:00.000Z';

const recorded = (type: string, schemaVersion: number, data: EventPayload): RecordedEvent => ({
  type,
  data,
  metadata: {
    eventId: '00000000-0000-4000-8000-000000000001',
    actorId: null,
    correlationId: 'correlation',
    causationId: null,
    occurredAt: AT,
    schemaVersion,
  },
  streamId: 'list-1',
  revision: 0n,
  position: 'opaque',
  recordedAt: new Date('2024-05-01T10:00:00.000Z'),
});

// Version 1 named the film `film`; version 2 renamed it `filmId`; version 3 added an optional note.
const upcasters: EventUpcasters = {
  FilmAddedToList: [({ film, ...rest }) => ({ ...rest, filmId: film }), (data) => ({ ...data, note: null })],
};

describe('upcasting', () => {
  it('a type with n steps is at schema version n + 1', () => {
    expect(currentSchemaVersion(upcasters, 'FilmAddedToList')).toBe(3);
    expect(currentSchemaVersion(upcasters, 'ListRenamed')).toBe(1);
    expect(currentSchemaVersion(upcasters, 'toString')).toBe(1);
  });

  it('applies every step from the stored version up, in order', () => {
    expect(upcastEvent(upcasters, recorded('FilmAddedToList', 1, { film: 'ran', rank: 2 }))).toStrictEqual({
      type: 'FilmAddedToList',
      data: { rank: 2, filmId: 'ran', note: null },
      occurredAt: AT,
    });
    expect(upcastEvent(upcasters, recorded('FilmAddedToList', 2, { filmId: 'ran', rank: 2 }))).toStrictEqual({
      type: 'FilmAddedToList',
      data: { filmId: 'ran', rank: 2, note: null },
      occurredAt: AT,
    });
  });

  it('passes current events through untouched, with the time they happened', () => {
    const data = { filmId: 'ran', rank: 2, note: 'the storm' };
    expect(upcastEvent(upcasters, recorded('FilmAddedToList', 3, data))).toStrictEqual({
      type: 'FilmAddedToList',
      data,
      occurredAt: AT,
    });
    expect(upcastEvent({}, recorded('ListRenamed', 1, { name: 'Noir' }))).toStrictEqual({
      type: 'ListRenamed',
      data: { name: 'Noir' },
      occurredAt: AT,
    });
  });

  it('refuses versions it cannot read: written by newer code, or not a version at all', () => {
    for (const version of [4, 0, 1.5]) {
      expect(() => upcastEvent(upcasters, recorded('FilmAddedToList', version, {}))).toThrow(
        UnsupportedSchemaVersionError,
      );
    }
    expect(() => upcastEvent({}, recorded('ListRenamed', 2, {}))).toThrow(
      'ListRenamed schema version 2 cannot be read (current version 1)',
    );
  });
});
