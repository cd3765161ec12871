import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CommandRunner } from '#decider';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { AuthGuard, Authenticator } from '../../common/auth/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { READ_MODEL_POOL } from '../../platform/database/database.module.js';
import { REDIS } from '../../platform/redis/redis.module.js';
import { AccountRegistration } from './accounts/account-registration.js';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AdminBootstrap } from './admin/admin-bootstrap.js';
import { AdminUsersController } from './admin-users.controller.js';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthRateLimiter } from './auth/auth-rate-limiter.js';
import { MemberAccessCache } from './auth/member-access-cache.js';
import { MemberAuthenticator } from './auth/member-authenticator.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { ChangeAccountHandler } from './commands/change-account/change-account.command.js';
import { ChangeRoleHandler } from './commands/change-role/change-role.command.js';
import { RegisterMemberHandler } from './commands/register/register.command.js';
import { SignInHandler } from './commands/sign-in/sign-in.command.js';
import { SignOutEverywhereHandler } from './commands/sign-out-everywhere/sign-out-everywhere.command.js';
import { EraseMemberHandler } from './commands/erase-member/erase-member.command.js';
import { ErasureController } from './erasure.controller.js';
import { MemberErasure } from './erasure/member-erasure.js';
import { IdentityController } from './identity.controller.js';
import { GetMeHandler } from './queries/get-me/get-me.query.js';

/** Accounts, sign-in, roles; provides the global auth guard every other route relies on. */
@Module({
  controllers: [IdentityController, ErasureController, AdminUsersController],
  providers: [
    { provide: PasswordHasher, useValue: new PasswordHasher() },
    {
      provide: AccessTokens,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new AccessTokens(config.jwtSecret, config.accessTokenTtlSeconds),
    },
    {
      provide: AccountsRepository,
      inject: [READ_MODEL_POOL],
      useFactory: (pool: pg.Pool) => new AccountsRepository(pool),
    },
    {
      provide: AccountRegistration,
      inject: [AccountsRepository, PasswordHasher, CommandRunner],
      useFactory: (accounts: AccountsRepository, hasher: PasswordHasher, runner: CommandRunner) =>
        new AccountRegistration(accounts, hasher, runner),
    },
    {
      provide: AuthRateLimiter,
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, config: AppConfig) =>
        new AuthRateLimiter(redis, config.redisKeyPrefix, config.rateLimits.authPerMinute),
    },
    {
      provide: MemberAccessCache,
      inject: [AccountsRepository, APP_CONFIG],
      useFactory: (accounts: AccountsRepository, config: AppConfig) =>
        new MemberAccessCache((userId) => accounts.access(userId), { connectionString: config.databaseUrl }),
    },
    {
      provide: Authenticator,
      inject: [AccessTokens, MemberAccessCache],
      useFactory: (tokens: AccessTokens, access: MemberAccessCache) =>
        new MemberAuthenticator(tokens, access),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    RegisterMemberHandler,
    SignInHandler,
    ChangeAccountHandler,
    SignOutEverywhereHandler,
    ChangeRoleHandler,
    EraseMemberHandler,
    MemberErasure,
    GetMeHandler,
    AdminBootstrap,
  ],
  exports: [Authenticator, AccountsRepository, AuthRateLimiter, AccessTokens],
})
export class IdentityModule {}
