import { PostgresEventStore } from '#event-store';
import { measureAppends, type AppendFigures } from './load.js';
import type { BenchOptions } from './options.js';
import { sampleEvent } from './sample-event.js';

/** Single-event appends to distinct new streams through our PostgresEventStore. */
export async function measureOurAppends(url: string, options: BenchOptions): Promise<AppendFigures> {
  const store = new PostgresEventStore({
    connectionString: url,
    poolSize: options.writers,
    applicationName: 'filmlog-bench',
  });
  try {
    return await measureAppends(
      (sequence) => store.append(`film-${sequence}`, [sampleEvent()], { expectedRevision: 'no_stream' }),
      options,
    );
  } finally {
    await store.close();
  }
}
