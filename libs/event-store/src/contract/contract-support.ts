import { randomUUID } from 'node:crypto';
import { testEvent as newEvent } from '#testing';
import type { EventStore, RecordedEvent, SubscribeOptions } from '../event-store.port.js';

export { newEvent };

export const uniquePrefix = (): string => `contract${randomUUID().slice(0, 8)}-`;

export async function readAll(store: EventStore, ...args: Parameters<EventStore['readStream']>) {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(...args)) events.push(event);
  return events;
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** A running subscription that records what it receives, for assertions over time. */
export class RecordingSubscriber {
  readonly events: RecordedEvent[] = [];
  readonly checkpoints: string[] = [];
  readonly caughtUpFlags: boolean[] = [];
  private readonly controller = new AbortController();
  private readonly done: Promise<void>;
  private failure: unknown = null;
  private waiters: (() => void)[] = [];

  constructor(store: EventStore, options: Omit<SubscribeOptions, 'signal'>) {
    this.done = this.consume(store, options);
  }

  /** Resolves once `count` events arrived; rejects after `timeoutMs`. */
  async waitForCount(count: number, timeoutMs = 10_000): Promise<RecordedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      if (this.failure) throw this.failure;
      if (Date.now() > deadline) {
        throw new Error(`received ${this.events.length} of ${count} events within ${timeoutMs} ms`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.events.slice(0, count);
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.done;
  }

  private async consume(store: EventStore, options: Omit<SubscribeOptions, 'signal'>): Promise<void> {
    try {
      for await (const batch of store.subscribe({ ...options, signal: this.controller.signal })) {
        this.events.push(...batch.events);
        this.checkpoints.push(batch.checkpoint);
        this.caughtUpFlags.push(batch.caughtUp);
        this.waiters.splice(0).forEach((wake) => wake());
      }
    } catch (error) {
      if (!this.controller.signal.aborted) this.failure = error;
    }
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
