import { Temporal } from 'temporal-polyfill';

/**
 * Time as a festival lives it: a screening is written as a local wall-clock start in the edition's
 * IANA zone, belongs to that local date (00:30 on the 18th is the 18th), and goes out with the
 * offset in force at its own instant. Temporal does the zone arithmetic, so a clock change is
 * the zone database's business, not ours.
 */

/** A local start is `YYYY-MM-DDTHH:mm`, nothing more: no seconds, no offset, no zone. */
const LOCAL_START = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a local start names no single instant. */
export type LocalStartProblem = 'malformed' | 'nonexistent';

export class LocalStartRefused extends Error {
  constructor(
    readonly problem: LocalStartProblem,
    readonly localStart: string,
  ) {
    super(
      problem === 'malformed'
        ? 'must be a local time YYYY-MM-DDTHH:mm'
        : `${localStart} does not exist in the edition's time zone (the clocks go forward over it)`,
    );
  }
}

/** True for a zone the IANA database knows (canonical or alias, e.g. "Europe/London"). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() !== zone || zone === '') return false;
  try {
    Temporal.Now.zonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

export interface ZonedStart {
  /** The instant, UTC. */
  readonly instant: Date;
  /** The festival day: the local date of the start, `YYYY-MM-DD`. */
  readonly localDate: string;
}

/**
 * The instant a local start names in `zone`. A time the clocks skip is refused ('nonexistent');
 * one they pass twice is the earlier instant.
 */
export function zonedStart(localStart: string, zone: string): ZonedStart {
  const parts = LOCAL_START.exec(localStart);
  if (parts === null) throw new LocalStartRefused('malformed', localStart);
  let local: Temporal.PlainDateTime;
  try {
    local = Temporal.PlainDateTime.from(
      {
        year: Number(parts[1]),
        month: Number(parts[2]),
        day: Number(parts[3]),
        hour: Number(parts[4]),
        minute: Number(parts[5]),
      },
      { overflow: 'reject' },
    );
  } catch {
    throw new LocalStartRefused('malformed', localStart);
  }
  const earlier = local.toZonedDateTime(zone, { disambiguation: 'earlier' });
  // 'earlier' moves a skipped time back by the gap; the wall clock then differs from what was asked.
  if (!earlier.toPlainDateTime().equals(local)) throw new LocalStartRefused('nonexistent', localStart);
  return { instant: new Date(earlier.epochMilliseconds), localDate: local.toPlainDate().toString() };
}

/** ISO 8601 with the zone's offset at that instant: "2016-06-18T00:30:00+01:00". */
export function withOffset(instant: Date, zone: string): string {
  const { offset, offsetMs } = offsetAt(instant.getTime(), zone);
  // The instant moved by its own offset reads, in UTC, as the local wall clock.
  return `${new Date(instant.getTime() + offsetMs).toISOString().slice(0, 19)}${offset}`;
}

interface OffsetSpan {
  /** Epoch ms; the span is [from, until). */
  readonly from: number;
  readonly until: number;
  readonly offset: string;
  readonly offsetMs: number;
}

/** Per zone, the spans between clock changes seen so far: a listing of a hundred screenings asks Temporal once. */
const offsetSpans = new Map<string, OffsetSpan[]>();
const MAX_SPANS_PER_ZONE = 64;

function offsetAt(epochMs: number, zone: string): OffsetSpan {
  const spans = offsetSpans.get(zone) ?? [];
  const known = spans.find((span) => span.from <= epochMs && epochMs < span.until);
  if (known !== undefined) return known;
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
  const span: OffsetSpan = {
    // 'previous' looks strictly before; from one nanosecond later it also finds a clock change
    // at this very instant, which starts this span rather than ending the one before.
    from: zoned.add({ nanoseconds: 1 }).getTimeZoneTransition('previous')?.epochMilliseconds ?? -Infinity,
    until: zoned.getTimeZoneTransition('next')?.epochMilliseconds ?? Infinity,
    offset: zoned.offset,
    offsetMs: zoned.offsetNanoseconds / 1e6,
  };
  if (spans.length >= MAX_SPANS_PER_ZONE) spans.shift();
  spans.push(span);
  offsetSpans.set(zone, spans);
  return span;
}

/** The local date of an instant in a zone, `YYYY-MM-DD`. */
export function localDateOf(instant: Date, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}

/** Every date from `startsOn` to `endsOn`, both included. */
export function datesBetween(startsOn: string, endsOn: string): string[] {
  const dates: string[] = [];
  const last = Temporal.PlainDate.from(endsOn);
  for (
    let day = Temporal.PlainDate.from(startsOn);
    Temporal.PlainDate.compare(day, last) <= 0;
    day = day.add({ days: 1 })
  )
    dates.push(day.toString());
  return dates;
}

/** When a screening ends: its start plus the film's runtime, 120 minutes when unknown. */
export const DEFAULT_RUNTIME_MINUTES = 120;
export const endOf = (start: Date, runtimeMinutes: number | null): Date =>
  new Date(start.getTime() + (runtimeMinutes ?? DEFAULT_RUNTIME_MINUTES) * 60_000);
