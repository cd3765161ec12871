import { createServer, type AddressInfo } from 'node:net';
import { EventStoreUnavailableError } from '../errors.js';
import { testEvent } from '#testing';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

/** A local port nothing listens on, found by binding and releasing it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const event = testEvent('FilmChecked');

describe('KurrentDbEventStore with no server to reach', () => {
  let store: KurrentDbEventStore;
  beforeAll(async () => {
    store = new KurrentDbEventStore({
      connectionString: `kurrentdb://127.0.0.1:${await closedPort()}?tls=false`,
    });
  });
  afterAll(async () => {
    await store.close();
  });

  it('reports every call as EventStoreUnavailableError', async () => {
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.append('film-1', [event])).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.measureLag(null)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    const reading = (async () => {
      for await (const recorded of store.readStream('film-1')) return recorded;
      return null;
    })();
    await expect(reading).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('keeps a subscription retrying, and ends it promptly when aborted', async () => {
    const controller = new AbortController();
    const batches: unknown[] = [];
    const consuming = (async () => {
      for await (const batch of store.subscribe({ from: null, signal: controller.signal }))
        batches.push(batch);
    })();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const abortedAt = Date.now();
    controller.abort();
    await expect(consuming).resolves.toBeUndefined();
    expect(Date.now() - abortedAt).toBeLessThan(500);
    expect(batches).toEqual([]);
  });
});
