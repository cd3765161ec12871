import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

const connectionString = process.env.KURRENTDB_URL;

if (connectionString) {
  describeEventStoreContract('kurrentdb', async () => {
    const store = new KurrentDbEventStore({ connectionString });
    return {
      store,
      dropSubscriptions: () => store.dropSubscriptions(),
      close: () => store.close(),
    };
  });
} else {
  console.warn('KurrentDB contract suite skipped: KURRENTDB_URL is not set');
  describe.skip('event store contract: kurrentdb (skipped: KURRENTDB_URL is not set)', () => {
    it('runs the contract suite against the KurrentDB server at KURRENTDB_URL', () => undefined);
  });
}
