import { randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { CommandRunner } from '#decider';
import { EVENT_STORE, type EventStore } from '#event-store';

/** Load → decide → append with retry, bound to the event store, the wall clock and random UUIDs. */
@Global()
@Module({
  providers: [
    {
      provide: CommandRunner,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) =>
        new CommandRunner({ store, clock: () => new Date(), ids: randomUUID }),
    },
  ],
  exports: [CommandRunner],
})
export class CommandRunnerModule {}
