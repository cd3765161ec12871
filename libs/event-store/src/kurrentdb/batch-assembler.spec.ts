import type { Position as LogPosition } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-store.port.js';
import { BatchAssembler, type FeedItem, type FeedSource } from './batch-assembler.js';

const at = (n: number): LogPosition => ({ commit: BigInt(n), prepare: BigInt(n) });

const eventAt = (n: number): FeedItem => ({
  position: at(n),
  event: { streamId: 's', revision: BigInt(n), position: `${n}/${n}` } as RecordedEvent,
});
const filteredOutAt = (n: number): FeedItem => ({ position: at(n), event: null });

/** What the server subscription has delivered and not yet been taken. */
class Delivered implements FeedSource {
  private readonly items: FeedItem[] = [];
  push(...items: FeedItem[]): this {
    this.items.push(...items);
    return this;
  }
  take(): FeedItem | null {
    return this.items.shift() ?? null;
  }
  get waiting(): number {
    return this.items.length;
  }
}

const positionsOf = (batch: ReturnType<BatchAssembler['assemble']>) =>
  batch?.events.map((event) => event.position);

describe('kurrentdb batch assembler', () => {
  it('yields nothing while nothing arrived', () => {
    expect(new BatchAssembler(null, 10).assemble(new Delivered())).toBeNull();
  });

  it('cuts batches at the batch size, the checkpoint at the last event taken', () => {
    const assembler = new BatchAssembler(null, 2);
    const buffer = new Delivered().push(eventAt(1), eventAt(2), eventAt(3));
    expect(assembler.assemble(buffer)).toEqual({
      events: [expect.objectContaining({ position: '1/1' }), expect.objectContaining({ position: '2/2' })],
      checkpoint: '2/2',
      caughtUp: false,
    });
    expect(assembler.assemble(buffer)).toMatchObject({ checkpoint: '3/3', caughtUp: false });
  });

  it('applies a checkpoint only after the events received before it', () => {
    const assembler = new BatchAssembler(null, 1);
    const buffer = new Delivered().push(eventAt(1), eventAt(2));
    assembler.signal({ kind: 'checkpoint', position: at(5) }, buffer.waiting);
    expect(assembler.assemble(buffer)).toMatchObject({ checkpoint: '1/1' });
    expect(assembler.assemble(buffer)).toMatchObject({ checkpoint: '5/5' });
  });

  it('says caught up only once the server did and nothing is waiting', () => {
    const assembler = new BatchAssembler(null, 10);
    const buffer = new Delivered().push(eventAt(1));
    assembler.signal({ kind: 'caughtUp' }, buffer.waiting);
    buffer.push(eventAt(2));
    const batch = assembler.assemble(buffer);
    expect(positionsOf(batch)).toEqual(['1/1', '2/2']);
    expect(batch?.caughtUp).toBe(true);
    assembler.signal({ kind: 'fellBehind' }, buffer.waiting);
    buffer.push(eventAt(3));
    expect(assembler.assemble(buffer)?.caughtUp).toBe(false);
  });

  it('is not caught up while events wait beyond the batch size', () => {
    const assembler = new BatchAssembler(null, 1);
    assembler.signal({ kind: 'caughtUp' }, 0);
    const buffer = new Delivered().push(eventAt(1), eventAt(2));
    expect(assembler.assemble(buffer)?.caughtUp).toBe(false);
    expect(assembler.assemble(buffer)?.caughtUp).toBe(true);
  });

  it('moves the checkpoint past events the filter left out, in an empty batch once caught up', () => {
    const assembler = new BatchAssembler(at(1), 10, () => 0);
    const buffer = new Delivered().push(filteredOutAt(2));
    expect(assembler.assemble(buffer)).toBeNull();
    assembler.signal({ kind: 'caughtUp' }, 0);
    expect(assembler.assemble(buffer)).toEqual({ events: [], checkpoint: '2/2', caughtUp: true });
    expect(assembler.assemble(buffer)).toBeNull();
    assembler.signal({ kind: 'checkpoint', position: at(9) }, 0);
    expect(assembler.assemble(buffer)).toEqual({ events: [], checkpoint: '9/9', caughtUp: true });
  });

  it('reports progress past left-out events while catching up, at most once a second', () => {
    let now = 0;
    const assembler = new BatchAssembler(at(1), 10, () => now);
    const delivered = new Delivered().push(filteredOutAt(2));
    expect(assembler.assemble(delivered)).toBeNull();
    now = 999;
    assembler.signal({ kind: 'checkpoint', position: at(3) }, 0);
    expect(assembler.assemble(delivered)).toBeNull();
    now = 1_000;
    expect(assembler.assemble(delivered)).toEqual({ events: [], checkpoint: '3/3', caughtUp: false });
    now = 5_000;
    expect(assembler.assemble(delivered)).toBeNull();
  });

  it('reports reaching the head once, even with no progress', () => {
    const assembler = new BatchAssembler(at(4), 10);
    assembler.signal({ kind: 'checkpoint', position: at(4) }, 0);
    assembler.signal({ kind: 'caughtUp' }, 0);
    expect(assembler.assemble(new Delivered())).toEqual({ events: [], checkpoint: '4/4', caughtUp: true });
    expect(assembler.assemble(new Delivered())).toBeNull();
  });

  it('never yields an event at or before where it stands', () => {
    const assembler = new BatchAssembler(at(2), 10);
    const batch = assembler.assemble(new Delivered().push(eventAt(2), eventAt(3), eventAt(3)));
    expect(positionsOf(batch)).toEqual(['3/3']);
  });

  it('moves to a quiet head only forwards', () => {
    const assembler = new BatchAssembler(at(5), 10);
    assembler.signal({ kind: 'caughtUp' }, 0);
    assembler.assemble(new Delivered());
    assembler.advanceTo(at(3));
    expect(assembler.assemble(new Delivered())).toBeNull();
    assembler.advanceTo(at(8));
    expect(assembler.assemble(new Delivered())).toEqual({ events: [], checkpoint: '8/8', caughtUp: true });
  });
});
