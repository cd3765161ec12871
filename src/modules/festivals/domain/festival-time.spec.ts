import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
  datesBetween,
  endOf,
  isLocalDate,
  isTimeZone,
  localDateOf,
  LocalStartRefused,
  withOffset,
  zonedStart,
} from './festival-time.js';

const LONDON = 'Europe/London';

describe('festival time', () => {
  it('keeps a screening after midnight on its local date, whatever UTC says', () => {
    const start = zonedStart('2016-06-18T00:30', LONDON);
    expect(start.instant.toISOString()).toBe('2016-06-17T23:30:00.000Z');
    expect(start.localDate).toBe('2016-06-18');
    expect(withOffset(start.instant, LONDON)).toBe('2016-06-18T00:30:00+01:00');
    expect(localDateOf(start.instant, LONDON)).toBe('2016-06-18');
  });

  it('gives each instant the offset in force at it, across the autumn change', () => {
    const before = zonedStart('2016-10-29T22:00', LONDON);
    const after = zonedStart('2016-10-30T22:00', LONDON);
    expect(withOffset(before.instant, LONDON)).toBe('2016-10-29T22:00:00+01:00');
    expect(withOffset(after.instant, LONDON)).toBe('2016-10-30T22:00:00+00:00');
    // A film that starts before the change ends after it, an hour later on the wall clock than its runtime.
    const late = zonedStart('2016-10-30T00:30', LONDON);
    expect(withOffset(endOf(late.instant, 120), LONDON)).toBe('2016-10-30T01:30:00+00:00');
  });

  it('refuses a local start the spring change skips', () => {
    expect(() => zonedStart('2016-03-27T01:30', LONDON)).toThrow(LocalStartRefused);
    try {
      zonedStart('2016-03-27T01:30', LONDON);
    } catch (error) {
      expect((error as LocalStartRefused).problem).toBe('nonexistent');
    }
    expect(withOffset(zonedStart('2016-03-27T02:00', LONDON).instant, LONDON)).toBe(
      '2016-03-27T02:00:00+01:00',
    );
  });

  it('reads a local start the autumn change repeats as the earlier instant', () => {
    const start = zonedStart('2016-10-30T01:30', LONDON);
    expect(start.instant.toISOString()).toBe('2016-10-30T00:30:00.000Z');
    expect(withOffset(start.instant, LONDON)).toBe('2016-10-30T01:30:00+01:00');
  });

  it('works in zones east of UTC and with half-hour offsets', () => {
    const start = zonedStart('2024-02-10T00:15', 'Asia/Kolkata');
    expect(start.instant.toISOString()).toBe('2024-02-09T18:45:00.000Z');
    expect(withOffset(start.instant, 'Asia/Kolkata')).toBe('2024-02-10T00:15:00+05:30');
  });

  it.each([
    '2016-06-18 20:00',
    '2016-06-18T20:00:00',
    '2016-02-30T20:00',
    '2016-06-18T24:00',
    '2016-06-18T20:00Z',
    '',
  ])('refuses the malformed local start %j', (value) => {
    expect(() => zonedStart(value, LONDON)).toThrow(expect.objectContaining({ problem: 'malformed' }));
  });

  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Edinburgh')).toBe(false);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(' Europe/London')).toBe(false);
  });

  it('knows real dates', () => {
    expect(isLocalDate('2016-06-15')).toBe(true);
    expect(isLocalDate('2016-02-29')).toBe(true);
    expect(isLocalDate('2015-02-29')).toBe(false);
    expect(isLocalDate('2016-6-15')).toBe(false);
  });

  it('lists the days of an edition, both ends included', () => {
    expect(datesBetween('2016-06-15', '2016-06-18')).toEqual([
      '2016-06-15',
      '2016-06-16',
      '2016-06-17',
      '2016-06-18',
    ]);
    expect(datesBetween('2016-06-15', '2016-06-15')).toEqual(['2016-06-15']);
  });

  it('ends a screening after the runtime, or 120 minutes when unknown', () => {
    const start = new Date('2016-06-18T18:00:00Z');
    expect(endOf(start, 95).toISOString()).toBe('2016-06-18T19:35:00.000Z');
    expect(endOf(start, null).toISOString()).toBe('2016-06-18T20:00:00.000Z');
  });

  it('gives an instant that is itself a clock change the new offset, and the days around it theirs', () => {
    // A zone no other test here asks about, so its spans are learnt in this order: the changes first.
    const zone = 'America/New_York';
    const spring = Temporal.Instant.from('2031-03-09T07:00:00Z');
    const autumn = Temporal.Instant.from('2031-11-02T06:00:00Z');
    const asTemporal = (instant: Temporal.Instant) => {
      const zoned = instant.toZonedDateTimeISO(zone);
      return `${zoned.toPlainDateTime().toString({ smallestUnit: 'second' })}${zoned.offset}`;
    };
    const instants = [
      autumn,
      spring,
      Temporal.Instant.from('2031-07-01T12:00:00Z'),
      Temporal.Instant.from('2031-01-15T12:00:00Z'),
      Temporal.Instant.from('2031-12-15T12:00:00Z'),
      spring.subtract({ minutes: 1 }),
      autumn.subtract({ minutes: 1 }),
    ];
    for (const instant of instants) {
      expect(withOffset(new Date(instant.epochMilliseconds), zone)).toBe(asTemporal(instant));
    }
  });

  it('formats every instant as Temporal does, in zones with and without clock changes', () => {
    const zones = [
      'Europe/London',
      'America/St_Johns',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'UTC',
      'Africa/Casablanca',
    ];
    const fromTemporal = (ms: number, zone: string) => {
      const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
      return `${zoned.toPlainDateTime().toString({ smallestUnit: 'second' })}${zoned.offset}`;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // 1990–2040, whole minutes, as screenings are.
        fc.integer({ min: 10_519_200, max: 36_819_360 }),
        (zone, minutes) => {
          const ms = minutes * 60_000;
          expect(withOffset(new Date(ms), zone)).toBe(fromTemporal(ms, zone));
        },
      ),
      { numRuns: 5_000 },
    );
    // The minutes either side of a change, in order, after the spans around them are known.
    for (const at of [
      '2016-03-27T00:59:00Z',
      '2016-03-27T01:00:00Z',
      '2016-10-30T00:59:00Z',
      '2016-10-30T01:00:00Z',
    ])
      expect(withOffset(new Date(at), LONDON)).toBe(fromTemporal(Date.parse(at), LONDON));
  });
});
