import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { connectEmmett } from './emmett-store.js';
import { measureAppends, type AppendFigures } from './load.js';
import type { BenchOptions } from './options.js';
import { sampleEvent } from './sample-event.js';

/** The same single-event appends to distinct new streams, through Emmett's `appendToStream`. */
export async function measureEmmettAppends(url: string, options: BenchOptions): Promise<AppendFigures> {
  const emmett = await connectEmmett(url, options.writers);
  try {
    return await measureAppends((sequence) => {
      const { type, data, metadata } = sampleEvent();
      return emmett.store.appendToStream(`film-${sequence}`, [{ type, data, metadata: { ...metadata } }], {
        expectedStreamVersion: STREAM_DOES_NOT_EXIST,
      });
    }, options);
  } finally {
    await emmett.close();
  }
}
