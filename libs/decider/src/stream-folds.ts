import type { LoadedStream } from './load-stream.js';

const DEFAULT_CAPACITY = 256;

/**
 * Folded states of streams, each at the revision it was folded to, so a command on a long stream
 * reads and folds only the events after it. Never trusted alone: the runner reads the stream's
 * tail past the remembered revision (whoever wrote it, in whichever process) and appends with the
 * revision it ends at, so a stale entry costs a longer read or a retry, never a wrong decision.
 * States must be immutable, as `evolve` makes them. Bounded: the least recently used stream goes.
 */
export class StreamFolds<State> {
  private readonly folds = new Map<string, LoadedStream<State>>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(streamId: string): LoadedStream<State> | undefined {
    const fold = this.folds.get(streamId);
    if (fold === undefined) return undefined;
    this.folds.delete(streamId);
    this.folds.set(streamId, fold);
    return fold;
  }

  /** Keeps the fold unless one at a later revision is already kept (a slower command finishing late). */
  remember(streamId: string, fold: LoadedStream<State>): void {
    if (fold.revision === null) return;
    const kept = this.folds.get(streamId);
    if (kept?.revision != null && kept.revision >= fold.revision) return;
    this.folds.delete(streamId);
    this.folds.set(streamId, fold);
    if (this.folds.size > this.capacity) this.folds.delete(this.folds.keys().next().value!);
  }
}
