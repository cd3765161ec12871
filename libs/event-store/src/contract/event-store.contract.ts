import type { EventStore, NewEvent } from '../event-store.port.js';
import { appendManyContract } from './append-many.contract.js';
import { appendAndReadContract } from './append-read.contract.js';
import { subscriptionContract } from './subscription.contract.js';

/** What an adapter's spec hands the suite. */
export interface ContractSubject {
  readonly store: EventStore;
  /** Makes the server drop the live subscriptions' connections, as a failure would. */
  dropSubscriptions(): Promise<void>;
  /** Where appends run in client-held transactions: append and keep the transaction open. */
  readonly holdAppend?: (
    streamId: string,
    events: readonly NewEvent[],
  ) => Promise<{ commit(): Promise<void> }>;
  close(): Promise<void>;
}

/** The port's semantics, pinned; every adapter runs this suite. */
export function describeEventStoreContract(
  adapterName: string,
  createSubject: () => Promise<ContractSubject>,
): void {
  describe(`event store contract: ${adapterName}`, () => {
    let subject: ContractSubject;
    beforeAll(async () => {
      subject = await createSubject();
    });
    afterAll(async () => {
      await subject?.close();
    });

    describe('append and read', () => appendAndReadContract(() => subject.store));
    describe('append to many streams', () => appendManyContract(() => subject.store));
    describe('subscriptions', () => subscriptionContract(() => subject));
  });
}
