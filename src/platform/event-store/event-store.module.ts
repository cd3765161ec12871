import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createEventStore, EVENT_STORE, type EventStore } from '#event-store';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { READ_MODEL_POOL } from '../database/database.module.js';
import { MasterKeys } from '../personal-data/master-keys.js';
import { MemberKeys } from '../personal-data/member-keys.js';
import type { PersonalTextRules } from '../personal-data/personal-text-rules.js';
import { SealingEventStore } from '../personal-data/sealing-event-store.js';

const PERSONAL_TEXT_RULES = Symbol('PERSONAL_TEXT_RULES');

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * The EVENT_STORE port, bound to the adapter EVENT_STORE selects, behind the sealing of members'
 * personal text (the features' rules, passed by the composition root); and the members' keys.
 */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(rules: PersonalTextRules): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: PERSONAL_TEXT_RULES, useValue: rules },
        {
          provide: MemberKeys,
          inject: [READ_MODEL_POOL, APP_CONFIG],
          useFactory: (pool: pg.Pool, config: AppConfig) =>
            new MemberKeys(pool, MasterKeys.parse(config.personalDataKeys)),
        },
        {
          provide: EVENT_STORE,
          inject: [APP_CONFIG, MemberKeys, PERSONAL_TEXT_RULES],
          useFactory: async (config: AppConfig, keys: MemberKeys, sealed: PersonalTextRules) =>
            new SealingEventStore(
              await createEventStore({
                kind: config.eventStore.kind,
                databaseUrl: config.databaseUrl,
                kurrentdbUrl: config.eventStore.kurrentdbUrl,
                applicationName: `filmlog-${config.role}-events`,
                poolSize: config.databasePoolSize,
              }),
              keys,
              sealed,
            ),
        },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE, MemberKeys],
    };
  }
}
