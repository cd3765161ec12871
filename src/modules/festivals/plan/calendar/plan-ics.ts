import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import type { EditionRef } from '../../programme/programme-reader.js';
import type { PlanView } from '../plan.response.js';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/**
 * Stable per member and screening, so a calendar app updates an event in place when the plan is
 * fetched again; the member's id is hashed so a shared .ics file does not carry it.
 */
export const eventUid = (memberId: string, screeningId: string): string =>
  `${screeningId}.${createHash('sha256').update(memberId).digest('hex').slice(0, 16)}@filmlog`;

/** The plan as an iCalendar file: one event per planned screening, times as UTC instants. */
export function planIcs(memberId: string, edition: EditionRef, plan: PlanView): string {
  const calendar = ical({
    name: `${edition.festival.name} ${edition.year} — my plan`,
    prodId: { company: 'filmlog', product: 'festival-plan', language: 'EN' },
  });
  for (const { screening } of plan.items) {
    calendar.createEvent({
      id: eventUid(memberId, screening.id),
      start: new Date(screening.startsAt),
      end: new Date(screening.endsAt),
      summary: screening.film.title,
      location: screening.venue,
    });
  }
  return calendar.toString();
}
