import type {
  AppendManyResult,
  AppendOptions,
  AppendResult,
  EventPayload,
  EventStore,
  Lag,
  LagOptions,
  NewEvent,
  Position,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  SubscriptionBatch,
} from '#event-store';
import type { MemberKeys } from './member-keys.js';
import { ERASED_TEXT, MEMBER_ERASED, type PersonalTextRules } from './personal-text-rules.js';
import { isSealedText, openValue, sealValue, type SealedText } from './sealed-text.js';

const REMEMBERED_STREAMS = 20_000;
const MEMBER_STREAM_PREFIX = 'member-';

/**
 * The event store as the rest of the service uses it: personal text is sealed with its owner's key
 * on the way in and opened on the way out, so every adapter (PostgreSQL, KurrentDB) keeps only
 * ciphertext and every reader (deciders, projections) keeps seeing text. Text whose key was
 * destroyed reads as ERASED_TEXT. Text written before sealing existed is a plain string and reads
 * as it is.
 */
export class SealingEventStore implements EventStore {
  /** A stream's owner never changes once its founding event is written. */
  private readonly streamOwners = new Map<string, string | null>();

  constructor(
    private readonly inner: EventStore,
    private readonly keys: MemberKeys,
    private readonly rules: PersonalTextRules,
  ) {}

  get origin(): Position {
    return this.inner.origin;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    return this.inner.append(streamId, await this.sealAll(streamId, events), options);
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendManyResult> {
    const sealed: StreamAppend[] = [];
    for (const append of appends)
      sealed.push({ ...append, events: await this.sealAll(append.streamId, append.events) });
    return this.inner.appendMany(sealed);
  }

  /** The events as they are when none carries personal text. */
  private async sealAll(streamId: string, events: readonly NewEvent[]): Promise<readonly NewEvent[]> {
    if (!events.some((event) => this.rules.events[event.type])) return events;
    const sealed: NewEvent[] = [];
    for (const event of events) sealed.push(await this.seal(streamId, event, events));
    return sealed;
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readStream(streamId, options)) {
      yield (await this.open([event]))[0]!;
    }
  }

  async *subscribe(options: SubscribeOptions): AsyncIterable<SubscriptionBatch> {
    for await (const batch of this.inner.subscribe(options)) {
      yield batch.events.length === 0 ? batch : { ...batch, events: await this.open(batch.events) };
    }
  }

  comparePositions(a: Position, b: Position): number {
    return this.inner.comparePositions(a, b);
  }

  measureLag(from: Position | null, options?: LagOptions): Promise<Lag> {
    return this.inner.measureLag(from, options);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async seal(streamId: string, event: NewEvent, appended: readonly NewEvent[]): Promise<NewEvent> {
    const rule = this.rules.events[event.type];
    if (!rule) return event;
    const owner =
      rule.owner === 'stream' ? await this.streamOwner(streamId, appended) : rule.owner(event.data);
    const fields = rule.fields.filter((field) => {
      const value = event.data[field];
      return value !== null && value !== undefined && !isSealedText(value);
    });
    if (owner === null || fields.length === 0) return event;
    const key = await this.keys.keyFor(owner);
    const data: Record<string, unknown> = { ...event.data };
    for (const field of fields) data[field] = sealValue(data[field], key, owner);
    return { ...event, data };
  }

  private async streamOwner(streamId: string, appended: readonly NewEvent[]): Promise<string | null> {
    const family = this.rules.streams.find((rule) => streamId.startsWith(rule.prefix));
    if (!family) return null;
    if (this.streamOwners.has(streamId)) return this.streamOwners.get(streamId)!;
    const founder =
      appended.find((event) => event.type === family.founder) ?? (await this.founderOf(streamId));
    const owner = founder && founder.type === family.founder ? family.owner(founder.data) : null;
    this.remember(streamId, owner);
    return owner;
  }

  private async founderOf(streamId: string): Promise<NewEvent | null> {
    for await (const first of this.inner.readStream(streamId, { maxCount: 1 })) return first;
    return null;
  }

  private remember(streamId: string, owner: string | null): void {
    if (this.streamOwners.size >= REMEMBERED_STREAMS)
      this.streamOwners.delete(this.streamOwners.keys().next().value!);
    this.streamOwners.set(streamId, owner);
  }

  /** The events with their sealed text opened; one key lookup for the owners the events name. */
  private async open(events: readonly RecordedEvent[]): Promise<readonly RecordedEvent[]> {
    const owners = new Set<string>();
    for (const event of events) {
      if (event.type === MEMBER_ERASED && event.streamId.startsWith(MEMBER_STREAM_PREFIX))
        this.keys.forget(event.streamId.slice(MEMBER_STREAM_PREFIX.length));
      const rule = this.rules.events[event.type];
      if (!rule) continue;
      for (const field of rule.fields) {
        const value = event.data[field];
        if (isSealedText(value)) owners.add(value.owner);
      }
    }
    if (owners.size === 0) return events;
    const keys = await this.keys.keysOf([...owners]);
    return events.map((event) => {
      const rule = this.rules.events[event.type];
      if (!rule || !rule.fields.some((field) => isSealedText(event.data[field]))) return event;
      const data: Record<string, unknown> = { ...event.data };
      for (const field of rule.fields) {
        const value = data[field];
        if (!isSealedText(value)) continue;
        const key = keys.get(value.owner);
        const erased = rule.erased && Object.hasOwn(rule.erased, field) ? rule.erased[field] : ERASED_TEXT;
        data[field] = key ? openOrErased(value, key, erased) : erased;
      }
      return { ...event, data: data as EventPayload };
    });
  }
}

/** Text that no longer opens (altered bytes) reads as erased rather than stopping every reader of the log. */
function openOrErased(value: SealedText, key: Buffer, erased: unknown): unknown {
  try {
    return openValue(value, key);
  } catch {
    return erased;
  }
}
