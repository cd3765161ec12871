import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
} from '@kurrent/kurrentdb-client';
import type { SubscriptionFilter } from '../event-store.port.js';

export type CheckpointListener = NonNullable<Filter['checkpointReached']>;

/** Event types and stream names are never empty, so this matches nothing. */
const NOTHING = '^$';

const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

export const exactlyOneOf = (values: readonly string[]): string =>
  values.length === 0 ? NOTHING : `^(?:${values.map(escapeRegex).join('|')})$`;

/**
 * The server filters on one criterion only (event type or stream name): event types when
 * given (the narrower in practice), else stream prefixes, else just leave system events out.
 * `acceptsEvent` applies the whole filter on arrival.
 */
export function serverFilter(
  filter: SubscriptionFilter | undefined,
  checkpointReached?: CheckpointListener,
): Filter {
  if (filter?.eventTypes) {
    return eventTypeFilter({ regex: exactlyOneOf(filter.eventTypes), checkpointReached });
  }
  if (filter?.streamPrefixes) {
    return filter.streamPrefixes.length === 0
      ? streamNameFilter({ regex: NOTHING, checkpointReached })
      : streamNameFilter({ prefixes: [...filter.streamPrefixes], checkpointReached });
  }
  return excludeSystemEvents({ checkpointReached });
}

export interface FilterableEvent {
  readonly streamId: string;
  readonly type: string;
}

const isSystem = (event: FilterableEvent): boolean =>
  event.streamId.startsWith('$') || event.type.startsWith('$');

/** The whole filter, system events always left out. */
export function acceptsEvent(filter: SubscriptionFilter | undefined): (event: FilterableEvent) => boolean {
  const types = filter?.eventTypes ? new Set(filter.eventTypes) : null;
  const prefixes = filter?.streamPrefixes ?? null;
  return (event) =>
    !isSystem(event) &&
    (types === null || types.has(event.type)) &&
    (prefixes === null || prefixes.some((prefix) => event.streamId.startsWith(prefix)));
}
