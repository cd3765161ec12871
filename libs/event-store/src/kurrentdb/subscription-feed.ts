import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { FeedSignal } from './batch-assembler.js';
import type { CheckpointListener } from './subscription-filter.js';

export type OpenSubscription = (onCheckpoint: CheckpointListener) => AllStreamSubscription;
export type FeedState = 'open' | 'ended' | 'failed';

/**
 * One server subscription, read in paused mode: never through 'data' listeners or async
 * iteration. Every received event then stays in the stream's buffer until taken, so when a
 * signal (checkpoint, caught up, fell behind) arrives, the events received before it are
 * exactly those taken plus those buffered.
 */
export class SubscriptionFeed {
  private readonly subscription: AllStreamSubscription;
  private status: FeedState = 'open';
  private cause: unknown = null;
  private wake: (() => void) | null = null;
  private unnoticed = false;
  private heard = false;

  constructor(
    open: OpenSubscription,
    private readonly onSignal: (signal: FeedSignal, waiting: number) => void,
  ) {
    this.subscription = open((subscription, position) =>
      this.receive({ kind: 'checkpoint', position }, subscription.readableLength),
    );
    this.subscription.on('caughtUp', () => this.receive({ kind: 'caughtUp' }, this.waiting));
    this.subscription.on('fellBehind', () => this.receive({ kind: 'fellBehind' }, this.waiting));
    this.subscription.on('confirmation', () => {
      this.heard = true;
      this.notice();
    });
    this.subscription.on('readable', () => this.notice());
    this.subscription.on('end', () => this.finish('ended', null));
    this.subscription.on('close', () => this.finish('ended', null));
    this.subscription.on('error', (error: Error) => this.finish('failed', error));
  }

  get state(): FeedState {
    return this.status;
  }

  /** Why the feed failed, when it did. */
  get failure(): unknown {
    return this.cause;
  }

  /** Whether the server answered at all (confirmation, event or signal). */
  get heardFromServer(): boolean {
    return this.heard;
  }

  get waiting(): number {
    return this.subscription.readableLength;
  }

  take(): AllStreamResolvedEvent | null {
    const resolved = this.subscription.read() as AllStreamResolvedEvent | null;
    if (resolved) this.heard = true;
    return resolved;
  }

  /**
   * Resolves true when something arrived (or the feed ended) and false when `timeoutMs`
   * passed quietly or `signal` was aborted.
   */
  waitForActivity(signal: AbortSignal, timeoutMs: number | null): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    if (this.unnoticed || this.status !== 'open' || this.waiting > 0) {
      this.unnoticed = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const settle = (active: boolean) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.wake = null;
        this.unnoticed = false;
        resolve(active);
      };
      const onAbort = () => settle(false);
      const timer = timeoutMs === null ? undefined : setTimeout(() => settle(false), timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.wake = () => settle(true);
    });
  }

  /** Ends the server subscription at our request. */
  stop(): void {
    if (this.status === 'open') this.status = 'ended';
    this.release();
  }

  /** Cuts the server subscription as a failure would: the feed fails, its owner resubscribes. */
  drop(): void {
    this.release(new Error('The subscription was dropped'));
  }

  /** Cancelling waits for the call to exist, which can take long when the server is unreachable. */
  private release(error?: Error): void {
    void this.subscription.unsubscribe().catch(() => undefined);
    this.subscription.destroy(error);
  }

  private receive(signal: FeedSignal, waiting: number): void {
    this.heard = true;
    this.onSignal(signal, waiting);
    this.notice();
  }

  private notice(): void {
    this.unnoticed = true;
    this.wake?.();
  }

  private finish(state: FeedState, cause: unknown): void {
    if (this.status !== 'open') return;
    this.status = state;
    this.cause = cause;
    this.wake?.();
  }
}
