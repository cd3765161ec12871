import type { EventPayload } from '#event-store';

/** Which fields of an event type are a member's personal text, and whose. */
export interface PersonalTextRule {
  readonly fields: readonly string[];
  /** What a field reads as once its owner is erased, when not ERASED_TEXT (a field that is not text). */
  readonly erased?: Readonly<Record<string, unknown>>;
  /**
   * The member the text belongs to, read from the event (null: nobody's, left plain, as an official
   * list's title), or `stream` when only the stream's founding event names them (an edit carries
   * no author).
   */
  readonly owner: ((data: EventPayload) => string | null) | 'stream';
}

/** A stream family whose first event names the member owning its text. */
export interface StreamOwnerRule {
  readonly prefix: string;
  readonly founder: string;
  readonly owner: (data: EventPayload) => string | null;
}

export interface PersonalTextRules {
  readonly events: Readonly<Record<string, PersonalTextRule>>;
  readonly streams: readonly StreamOwnerRule[];
}

/** What a reader sees in place of text whose owner's key was destroyed (the member was erased). */
export const ERASED_TEXT = '';

/** An event type that names the erasure of a member: its stream is `member-{id}`. */
export const MEMBER_ERASED = 'MemberErased';
