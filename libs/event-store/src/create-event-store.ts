import type { EventStore } from './event-store.port.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';

export interface EventStoreSelection {
  readonly kind: 'postgres' | 'kurrentdb';
  readonly databaseUrl: string;
  readonly kurrentdbUrl?: string;
  readonly applicationName?: string;
  /** Connections of the PostgreSQL store's pool (default 10). */
  readonly poolSize?: number;
}

/** The selected adapter; the KurrentDB client is only loaded when KurrentDB is selected. */
export async function createEventStore(selection: EventStoreSelection): Promise<EventStore> {
  if (selection.kind === 'postgres') {
    return new PostgresEventStore({
      connectionString: selection.databaseUrl,
      applicationName: selection.applicationName,
      poolSize: selection.poolSize,
    });
  }
  if (!selection.kurrentdbUrl) throw new Error('KURRENTDB_URL is required when EVENT_STORE=kurrentdb');
  const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store.js');
  return new KurrentDbEventStore({ connectionString: selection.kurrentdbUrl });
}
