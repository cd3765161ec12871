import type pg from 'pg';
import { MEMBER_ACCESS_CHANNEL, type AccountAccess } from '../auth/member-access-cache.js';
import type { Role } from '../../../common/auth/index.js';
import { normaliseEmail, usernameKey } from '../domain/credentials.js';

export interface NewAccount {
  readonly id: string;
  readonly username: string;
  readonly email: string | null;
  readonly passwordHash: string;
}

export interface AccountProfile {
  readonly id: string;
  readonly username: string;
  readonly email: string | null;
  readonly roles: Role[];
  readonly createdAt: string;
}

export class AccountTakenError extends Error {
  override readonly name = 'AccountTakenError';

  constructor(readonly field: 'username' | 'email') {
    super(`${field} is already taken`);
  }
}

const UNIQUE_VIOLATION = '23505';

export interface AccountCredentials {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  /** The generation the member's tokens are issued in now (see AccessTokens). */
  readonly tokenGeneration: number;
}

export interface CredentialsChange {
  readonly email?: string;
  readonly passwordHash?: string;
  readonly endSessions: boolean;
}

interface CredentialsRow {
  id: string;
  username: string;
  password_hash: string;
  token_generation: number;
}

const credentialsOf = (row: CredentialsRow): AccountCredentials => ({
  id: row.id,
  username: row.username,
  passwordHash: row.password_hash,
  tokenGeneration: row.token_generation,
});

/** Every member holds `member`; granted roles come from the member stream's read model. */
export const rolesOf = (granted: readonly string[] | null): Role[] => [
  'member',
  ...((granted ?? []) as Role[]),
];

/** Credentials and profile of members; the only place emails and password hashes are kept. */
export class AccountsRepository {
  constructor(private readonly pool: pg.Pool) {}

  async insert(account: NewAccount): Promise<void> {
    try {
      await this.pool.query(
        `INSERT INTO accounts (id, username, username_key, email, password_hash) VALUES ($1, $2, $3, $4, $5)`,
        [
          account.id,
          account.username,
          usernameKey(account.username),
          account.email === null ? null : normaliseEmail(account.email),
          account.passwordHash,
        ],
      );
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === UNIQUE_VIOLATION) {
        throw new AccountTakenError(constraint === 'accounts_email_unique' ? 'email' : 'username');
      }
      throw error;
    }
  }

  /** `client`: a transaction to delete in, when the delete must commit with other changes. */
  async delete(id: string, client: pg.Pool | pg.PoolClient = this.pool): Promise<void> {
    // One statement, so the notification commits with the delete (see MemberAccessCache).
    await client.query(
      `WITH gone AS (DELETE FROM accounts WHERE id = $1 RETURNING id)
       SELECT pg_notify($2, id::text) FROM gone`,
      [id, MEMBER_ACCESS_CHANNEL],
    );
  }

  /** `login` is a username (any case) or an email. */
  async findForSignIn(login: string): Promise<AccountCredentials | null> {
    const { rows } = await this.pool.query<CredentialsRow>(
      `SELECT id, username, password_hash, token_generation FROM accounts
       WHERE username_key = $1 OR email = $2 LIMIT 1`,
      [usernameKey(login), normaliseEmail(login)],
    );
    return rows[0] ? credentialsOf(rows[0]) : null;
  }

  async credentials(id: string): Promise<AccountCredentials | null> {
    const { rows } = await this.pool.query<CredentialsRow>(
      `SELECT id, username, password_hash, token_generation FROM accounts WHERE id = $1`,
      [id],
    );
    return rows[0] ? credentialsOf(rows[0]) : null;
  }

  /**
   * Changes what is given, provided the password hash is still the one the caller checked (so
   * two changes at once cannot both pass on the old password); `endSessions` moves the member to
   * the next token generation. Answers the generation now in force, or null when the hash no
   * longer matched. One statement, so the notification commits with the change.
   */
  async changeCredentials(
    id: string,
    expectedPasswordHash: string,
    change: CredentialsChange,
  ): Promise<number | null> {
    try {
      const { rows } = await this.pool.query<{ token_generation: number }>(
        `WITH changed AS (
           UPDATE accounts SET email = COALESCE($3, email), password_hash = COALESCE($4, password_hash),
                  token_generation = token_generation + $5
           WHERE id = $1 AND password_hash = $2 RETURNING id, token_generation)
         SELECT token_generation, pg_notify($6, id::text) FROM changed`,
        [
          id,
          expectedPasswordHash,
          change.email === undefined ? null : normaliseEmail(change.email),
          change.passwordHash ?? null,
          change.endSessions ? 1 : 0,
          MEMBER_ACCESS_CHANNEL,
        ],
      );
      return rows[0]?.token_generation ?? null;
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === UNIQUE_VIOLATION && constraint === 'accounts_email_unique')
        throw new AccountTakenError('email');
      throw error;
    }
  }

  /** Every token issued so far stops being accepted; answers false when the account is gone. */
  async endSessions(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `WITH changed AS (
         UPDATE accounts SET token_generation = token_generation + 1 WHERE id = $1 RETURNING id)
       SELECT pg_notify($2, id::text) FROM changed`,
      [id, MEMBER_ACCESS_CHANNEL],
    );
    return (rowCount ?? 0) > 0;
  }

  async findByUsername(username: string): Promise<{ id: string; username: string } | null> {
    const { rows } = await this.pool.query<{ id: string; username: string }>(
      `SELECT id, username FROM accounts WHERE username_key = $1`,
      [usernameKey(username)],
    );
    return rows[0] ?? null;
  }

  async profile(id: string): Promise<AccountProfile | null> {
    const { rows } = await this.pool.query<{
      id: string;
      username: string;
      email: string | null;
      roles: string[] | null;
      created_at: Date;
    }>(
      `SELECT a.id, a.username, a.email, m.roles, a.created_at
       FROM accounts a LEFT JOIN members m ON m.user_id = a.id WHERE a.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      username: row.username,
      email: row.email,
      roles: rolesOf(row.roles),
      createdAt: row.created_at.toISOString(),
    };
  }

  /** A suspension with an end date lapses by itself once that date has passed. */
  async access(id: string): Promise<AccountAccess | null> {
    // Named, so each connection plans it once: the guard runs it on every write.
    const { rows } = await this.pool.query<{
      roles: string[] | null;
      suspended: boolean | null;
      suspension_reason: string | null;
      suspended_until: Date | null;
      token_generation: number;
    }>({
      name: 'member-access',
      text: `SELECT m.roles, a.token_generation,
                    m.status = 'suspended' AND (m.suspended_until IS NULL OR m.suspended_until > now()) AS suspended,
                    m.suspension_reason, m.suspended_until
             FROM accounts a LEFT JOIN members m ON m.user_id = a.id WHERE a.id = $1`,
      values: [id],
    });
    const row = rows[0];
    if (!row) return null;
    const suspended = row.suspended ?? false;
    return {
      roles: rolesOf(row.roles),
      tokenGeneration: row.token_generation,
      suspended,
      ...(suspended
        ? {
            suspension: {
              reason: row.suspension_reason,
              until: row.suspended_until?.toISOString() ?? null,
            },
          }
        : {}),
    };
  }
}
