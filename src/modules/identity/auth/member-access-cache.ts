import pg from 'pg';
import type { MemberAccess } from '../../../common/auth/index.js';

/** What the guard reads of a member, and the generation their tokens must carry to be accepted. */
export interface AccountAccess extends MemberAccess {
  readonly tokenGeneration: number;
}

/** Announced (with the member's id) in the same transaction as any change to what `access` reads. */
export const MEMBER_ACCESS_CHANNEL = 'filmlog_member_access';

const DEFAULT_CAPACITY = 50_000;
const RECONNECT_DELAY_MS = 1_000;

interface Entry {
  readonly access: AccountAccess | null;
  /** A suspension with an end stops being in force then, without any event: the entry goes stale too. */
  readonly validUntil: number;
}

/**
 * The guard's member-access lookup, kept in memory while, and only while, this process is
 * listening for the changes: every change to roles, status, the account or its token generation
 * commits a notification on MEMBER_ACCESS_CHANNEL, which drops the member's entry here. Without the LISTEN connection
 * nothing is cached and every lookup is live, so a missed notification cannot authorise wrongly.
 * A lookup that overlaps an invalidation is answered but not kept.
 */
export class MemberAccessCache {
  private readonly entries = new Map<string, Entry>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Bumped by every invalidation: a lookup that saw it change keeps no entry. */
  private epoch = 0;

  constructor(
    private readonly lookUp: (userId: string) => Promise<AccountAccess | null>,
    private readonly connection: pg.ClientConfig,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  async access(userId: string): Promise<AccountAccess | null> {
    const entry = this.entries.get(userId);
    if (entry && this.client && Date.now() < entry.validUntil) return entry.access;
    if (entry) this.entries.delete(userId);
    if (!this.client) this.startListening();
    const epoch = this.epoch;
    const listening = this.client !== null;
    const access = await this.lookUp(userId);
    if (listening && this.client && epoch === this.epoch) this.remember(userId, access);
    return access;
  }

  /** Drops the member's entry at once, for the process that made the change and must not wait for the notification. */
  forget(userId: string): void {
    this.epoch += 1;
    this.entries.delete(userId);
  }

  forgetAll(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.connecting?.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    this.client = null;
    this.entries.clear();
  }

  private remember(userId: string, access: AccountAccess | null): void {
    const until = access?.suspended ? access.suspension?.until : null;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(userId, { access, validUntil: until ? Date.parse(until) : Number.POSITIVE_INFINITY });
  }

  private startListening(): void {
    if (this.closed || this.connecting || this.reconnectTimer) return;
    this.connecting = this.listen()
      .catch(() => this.retryLater())
      .finally(() => {
        this.connecting = null;
      });
  }

  private retryLater(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.startListening();
    }, RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ ...this.connection, application_name: 'filmlog-member-access' });
    const lost = (): void => {
      if (this.client !== client) return;
      // Notifications may be missed from here on: nothing known is trusted any more.
      this.client = null;
      this.epoch += 1;
      this.entries.clear();
      void client.end().catch(() => undefined);
      this.retryLater();
    };
    client.on('error', lost);
    client.on('end', lost);
    // An empty payload drops everything (a rebuild of the members table, say).
    client.on('notification', ({ payload }) => (payload ? this.forget(payload) : this.forgetAll()));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(MEMBER_ACCESS_CHANNEL)}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) return void (await client.end());
    // Entries are only kept from now on, so nothing cached predates the LISTEN.
    this.epoch += 1;
    this.entries.clear();
    this.client = client;
  }
}
