import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { AccountRegistration } from '../accounts/account-registration.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { ensureAdmin } from './ensure-admin.js';

/** The first admin, from ADMIN_USERNAME / ADMIN_PASSWORD, so a fresh install can be administered. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsRepository,
    private readonly registration: AccountRegistration,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.admin) return;
    const outcome = await ensureAdmin(this.accounts, this.registration, this.config.admin);
    this.logger.log({ username: this.config.admin.username, outcome }, 'admin from ADMIN_USERNAME');
  }
}
