import pg from 'pg';
import { CHECKPOINT_CHANNEL } from './checkpoint-store.js';

type Listener = (projection: string) => void;

/** One LISTEN connection, shared by every wait of a monitor, opened on first need. */
export class CheckpointListener {
  private readonly listeners = new Set<Listener>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly config: pg.ClientConfig) {}

  /**
   * Registers `listener` for checkpoint announcements; resolves once listening (or once it
   * failed to listen: waiters then poll). Returns the function that unregisters it.
   */
  async onChange(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    await this.ensureListening().catch(() => undefined);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.connecting?.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private ensureListening(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.listen().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client(this.config);
    const forget = (): void => {
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
    };
    client.on('error', forget);
    client.on('end', forget);
    client.on('notification', ({ payload }) => {
      for (const listener of this.listeners) listener(payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(CHECKPOINT_CHANNEL)}`);
    } catch (error) {
      forget();
      throw error;
    }
    if (this.closed) return void (await client.end());
    this.client = client;
  }
}
