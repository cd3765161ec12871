import { reactor } from '@event-driven-io/emmett';
import { performance } from 'node:perf_hooks';
import type { CatchUpFigures } from './catch-up.js';
import { connectEmmett } from './emmett-store.js';
import type { BenchOptions } from './options.js';

/**
 * Emmett's consumer (`store.consumer`) reading its log from the beginning: the message batch
 * puller that its processors run on, which pages through `emt_messages` in (transaction_id,
 * global_position) order below the snapshot's xmin. It pulls `catchUpBatchSize` messages per
 * query like our subscription, without pause between full batches (`pullingFrequencyInMs: 0`;
 * the default of 100 messages every 50 ms would cap it at 2,000 per second), and hands each
 * batch to one processor that only counts: the core `reactor` with no checkpoint store, so
 * neither side pays for checkpoints. The consumer stops on its own once no messages are left
 * (`stopWhen.noMessagesLeft`); the clock runs from `start()` until it returns. A consumer still
 * reading at `catchUpLimitMs` is stopped, and its rate so far is reported as incomplete.
 */
export async function measureEmmettCatchUp(url: string, options: BenchOptions): Promise<CatchUpFigures> {
  const emmett = await connectEmmett(url, 1);
  try {
    let events = 0;
    let timedOut = false;
    const begin = performance.now();
    const deadline = begin + options.catchUpLimitMs;
    const consumer = emmett.store.consumer({
      pulling: { batchSize: options.catchUpBatchSize, pullingFrequencyInMs: 0 },
      stopWhen: { noMessagesLeft: true },
      processors: [
        reactor({
          processorId: 'filmlog-bench-catch-up',
          startFrom: 'BEGINNING',
          eachMessage: () => {
            events += 1;
            if (events % options.catchUpBatchSize !== 0 || performance.now() < deadline) return;
            timedOut = true;
            return { type: 'STOP', reason: 'benchmark time limit' };
          },
        }),
      ],
    });
    await consumer.start();
    const seconds = (performance.now() - begin) / 1_000;
    await consumer.close();
    const complete = !timedOut && events === options.catchUpEvents;
    if (!timedOut && !complete) {
      throw new Error(`Emmett's consumer delivered ${events} events of ${options.catchUpEvents}`);
    }
    return { events, seconds, eventsPerSecond: events / seconds, complete };
  } finally {
    await emmett.close();
  }
}
