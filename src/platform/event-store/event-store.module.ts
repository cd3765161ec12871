import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, EVENT_STORE, type EventStore } from '#event-store';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** The EVENT_STORE port, bound to the adapter EVENT_STORE selects. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        createEventStore({
          kind: config.eventStore.kind,
          databaseUrl: config.databaseUrl,
          kurrentdbUrl: config.eventStore.kurrentdbUrl,
          applicationName: `filmlog-${config.role}-events`,
          poolSize: config.databasePoolSize,
        }),
    },
    EventStoreCloser,
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule {}
