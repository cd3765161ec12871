import pg from 'pg';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface ChangeNotifierOptions {
  readonly connectionString: string;
  readonly channel: string;
  readonly applicationName: string;
  /** Least time between two announcements; appends in between share one. */
  readonly announceIntervalMs: number;
}

/**
 * Wakes subscribers when events are appended. Announcements go out after the append's commit,
 * on a connection of their own: a NOTIFY inside the appending transaction would serialise every
 * commit behind PostgreSQL's notification lock. A lost announcement (crash right after commit)
 * only delays subscribers until their polling fallback.
 */
export class ChangeNotifier {
  private readonly listeners = new Set<() => void>();
  private announcer: pg.Client | null = null;
  private listener: pg.Client | null = null;
  private connectingListener: Promise<void> | null = null;
  private pending = false;
  private flushing = false;
  private lastAnnouncedAt = 0;
  private closed = false;

  constructor(private readonly options: ChangeNotifierOptions) {}

  /** Call after an append committed. */
  announce(): void {
    this.pending = true;
    if (!this.flushing && !this.closed) void this.flush();
  }

  /** Registers a callback for appends anywhere in the database; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    void this.ensureListening();
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await Promise.allSettled([this.announcer?.end(), this.listener?.end()]);
    this.announcer = null;
    this.listener = null;
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending && !this.closed) {
        const wait = this.lastAnnouncedAt + this.options.announceIntervalMs - Date.now();
        if (wait > 0) await sleep(wait);
        // Cleared before sending: an append committing from here on sets it again.
        this.pending = false;
        this.lastAnnouncedAt = Date.now();
        await this.send();
      }
    } finally {
      this.flushing = false;
    }
  }

  private async send(): Promise<void> {
    try {
      if (!this.announcer) {
        const client = this.newClient('announcer');
        client.on('error', () => {
          if (this.announcer === client) this.announcer = null;
        });
        this.announcer = client;
        await client.connect();
      }
      await this.announcer.query('SELECT pg_notify($1, NULL)', [this.options.channel]);
    } catch {
      // Subscribers fall back to polling; the next append tries a new connection.
      const broken = this.announcer;
      this.announcer = null;
      await broken?.end().catch(() => undefined);
    }
  }

  private ensureListening(): Promise<void> {
    if (this.listener || this.closed) return Promise.resolve();
    this.connectingListener ??= this.listen().finally(() => {
      this.connectingListener = null;
    });
    return this.connectingListener;
  }

  private async listen(): Promise<void> {
    for (let attempt = 0; !this.closed && this.listeners.size > 0; attempt += 1) {
      const client = this.newClient('listener');
      client.on('error', () => this.onListenerLost(client));
      client.on('end', () => this.onListenerLost(client));
      client.on('notification', () => this.wakeAll());
      try {
        await client.connect();
        await client.query(`LISTEN ${pg.escapeIdentifier(this.options.channel)}`);
        if (this.closed) {
          await client.end();
          return;
        }
        this.listener = client;
        // Appends may have happened while no one listened.
        this.wakeAll();
        return;
      } catch {
        await client.end().catch(() => undefined);
        await sleep(Math.min(5_000, 50 * 2 ** attempt));
      }
    }
  }

  private onListenerLost(client: pg.Client): void {
    if (this.listener !== client) return;
    this.listener = null;
    void client.end().catch(() => undefined);
    void this.ensureListening();
  }

  private newClient(role: string): pg.Client {
    return new pg.Client({
      connectionString: this.options.connectionString,
      application_name: `${this.options.applicationName}:${role}`,
    });
  }

  private wakeAll(): void {
    for (const listener of this.listeners) listener();
  }
}
