import { randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { CommandRunner } from '#decider';
import { EVENT_STORE, type EventStore } from '#event-store';
import { PositionedCommandRunner } from './positioned-command-runner.js';

/**
 * Load → decide → append with retry, bound to the event store, the wall clock and random UUIDs;
 * and the same for the edges, answering a position even when nothing was appended.
 */
@Global()
@Module({
  providers: [
    {
      provide: CommandRunner,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) =>
        new CommandRunner({ store, clock: () => new Date(), ids: randomUUID }),
    },
    PositionedCommandRunner,
  ],
  exports: [CommandRunner, PositionedCommandRunner],
})
export class CommandRunnerModule {}
