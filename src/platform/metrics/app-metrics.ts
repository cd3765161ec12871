import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics.registry.js';

export type CommandOutcome = 'succeeded' | 'rejected' | 'failed';

/** Counters the command side reports to: every command handled, every event appended. */
@Injectable()
export class AppMetrics {
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly eventsAppended: Counter<'type'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.commands = new Counter({
      name: 'filmlog_commands_total',
      help: 'Commands handled, by command name and outcome',
      labelNames: ['command', 'outcome'],
      registers: [registry],
    });
    this.eventsAppended = new Counter({
      name: 'filmlog_events_appended_total',
      help: 'Events appended to the event store, by event type',
      labelNames: ['type'],
      registers: [registry],
    });
  }

  commandHandled(command: string, outcome: CommandOutcome): void {
    this.commands.inc({ command, outcome });
  }

  eventsWereAppended(events: readonly { readonly type: string }[]): void {
    for (const event of events) this.eventsAppended.inc({ type: event.type });
  }
}
