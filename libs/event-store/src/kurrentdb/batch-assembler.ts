import type { Position as LogPosition } from '@kurrent/kurrentdb-client';
import type { RecordedEvent, SubscriptionBatch } from '../event-store.port.js';
import { encodePosition, isAfter } from './position.js';

/** What a server subscription says besides events. */
export type FeedSignal =
  | { readonly kind: 'checkpoint'; readonly position: LogPosition }
  | { readonly kind: 'caughtUp' }
  | { readonly kind: 'fellBehind' };

/** One received event: its log position (when known) and the event itself unless the filter leaves it out. */
export interface FeedItem {
  readonly position: LogPosition | null;
  readonly event: RecordedEvent | null;
}

export interface FeedSource {
  /** The next received event, or null when none is waiting. */
  take(): FeedItem | null;
  /** Received events not yet taken. */
  readonly waiting: number;
}

/** While catching up, progress past filtered-out events is reported at most this often. */
const CATCH_UP_PROGRESS_INTERVAL_MS = 1_000;

/**
 * Turns one server subscription into batches. Signals arrive beside the events, so each is
 * tagged with the number of events received before it and takes effect only once those
 * have been taken: a checkpoint never overtakes an event it follows.
 */
export class BatchAssembler {
  private taken = 0;
  private readonly signals: { readonly after: number; readonly signal: FeedSignal }[] = [];
  private progress: LogPosition | null;
  private live = false;
  private reportedCaughtUp = false;
  private lastYieldAt: number;

  constructor(
    private checkpoint: LogPosition | null,
    private readonly batchSize: number,
    private readonly now: () => number = Date.now,
  ) {
    this.progress = checkpoint;
    this.lastYieldAt = now();
  }

  /** True once the server said the subscription is live, until it says it fell behind. */
  get isLive(): boolean {
    return this.live;
  }

  /** Where the subscription stands, yielded or not. */
  get position(): LogPosition | null {
    return this.progress;
  }

  /** `waiting`: events received before the signal and not yet taken. */
  signal(signal: FeedSignal, waiting: number): void {
    this.signals.push({ after: this.taken + waiting, signal });
  }

  /** Moves the checkpoint to a position known to have no undelivered matching event before it. */
  advanceTo(position: LogPosition): void {
    if (isAfter(position, this.progress)) this.progress = position;
  }

  /** Takes what is waiting, up to the batch size; the batch to yield, or null when there is nothing new. */
  assemble(source: FeedSource): SubscriptionBatch | null {
    const events: RecordedEvent[] = [];
    this.applyDueSignals();
    while (events.length < this.batchSize) {
      const item = source.take();
      if (!item) break;
      this.taken += 1;
      if (item.position && isAfter(item.position, this.progress)) {
        this.progress = item.position;
        if (item.event) events.push(item.event);
      }
      this.applyDueSignals();
    }
    const caughtUp = this.live && source.waiting === 0;
    if (!this.worthYielding(events.length, caughtUp) || this.progress === null) return null;
    this.checkpoint = this.progress;
    this.reportedCaughtUp = caughtUp;
    this.lastYieldAt = this.now();
    return { events, checkpoint: encodePosition(this.progress), caughtUp };
  }

  /** Events always; bare progress when caught up, or now and then while catching up. */
  private worthYielding(events: number, caughtUp: boolean): boolean {
    if (events > 0) return true;
    if (caughtUp) return this.hasAdvanced() || !this.reportedCaughtUp;
    return this.hasAdvanced() && this.now() - this.lastYieldAt >= CATCH_UP_PROGRESS_INTERVAL_MS;
  }

  private hasAdvanced(): boolean {
    return this.progress !== null && isAfter(this.progress, this.checkpoint);
  }

  private applyDueSignals(): void {
    while (this.signals.length > 0 && this.signals[0]!.after <= this.taken) {
      const { signal } = this.signals.shift()!;
      if (signal.kind === 'checkpoint') this.advanceTo(signal.position);
      else this.live = signal.kind === 'caughtUp';
    }
  }
}
