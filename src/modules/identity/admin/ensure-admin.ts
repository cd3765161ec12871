import type { AccountRegistration } from '../accounts/account-registration.js';
import { AccountTakenError, type AccountsRepository } from '../accounts/accounts.repository.js';

export type AdminOutcome = 'created' | 'promoted' | 'already-admin';

/**
 * Makes `username` an admin: creates the account when absent, else grants the role (its
 * password is left alone). Safe to run from several processes starting at once.
 */
export async function ensureAdmin(
  accounts: AccountsRepository,
  registration: AccountRegistration,
  admin: { readonly username: string; readonly password: string },
): Promise<AdminOutcome> {
  let existing = await accounts.findByUsername(admin.username);
  if (!existing) {
    try {
      await registration.register({
        username: admin.username,
        email: null,
        password: admin.password,
        roles: ['admin'],
      });
      return 'created';
    } catch (error) {
      if (!(error instanceof AccountTakenError)) throw error;
      existing = await accounts.findByUsername(admin.username);
      if (!existing) throw error;
    }
  }
  const result = await registration.grant(existing.id, 'admin', null);
  return result.events.length > 0 ? 'promoted' : 'already-admin';
}
