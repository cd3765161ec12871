import type { SocialBenchOptions } from './options.js';

/** What the figures mean, written into the report next to them. */
export const describeMethod = (options: SocialBenchOptions): string[] => [
  `Database: one fresh migrated database. ${options.films} generated films written straight with SQL ` +
    `(the catalogue is not event-sourced; the catalogue bench's fill), and ${options.members} members: ` +
    'their accounts rows (usernames) with SQL, as accounts are not event-sourced, and one MemberRegistered ' +
    'each on member-{id} through the event store port.',
  `Film log: ${options.events} events through the port, drawn from the film-log decider exactly as in ` +
    'bench:film-log (random taps decided on the state so far, some undone, occurredAt over the last two ' +
    'years), one append per (member, film) history; active members and popular films come up more often ' +
    '(index = n × u^1.5 over members, n × u^2.5 over films), so the first film is checked by tens of ' +
    'thousands and the first members are the busiest.',
  `Follows: one UserFollowed on a new follow-{follower}.{followee} stream per follow, through the port. ` +
    `${options.followingMembers} members spread over the list follow a log-normal number of others ` +
    `(median ${options.medianFollowees}, σ 0.5, at most 1,000); ${options.readers} more, the readers, ` +
    `follow ${options.readerFollowees} each; the rest follow no one (following by every member, about 5M ` +
    'events, would not fit the time of a run). Followees are drawn as index = n × u^4 over the same ' +
    'list, so the most followed (one by nearly every following member, a few by thousands) are also the ' +
    'most active, and a reader follows the busy ones as much as anyone does.',
  `Every append is a new stream (expectedRevision 'no_stream'), ${options.prefillWriters} at once over a ` +
    'pool as large; generation runs in the same loop and is timed with it. Then VACUUM (ANALYZE), not timed.',
  'Catch-up: the service (`node dist/src/main.js`, APP_ROLE=all) is started on the prefilled log with ' +
    'every projection at zero; the time from its start until each projection has passed the last ' +
    'prefilled event is reported (events/s count every event of the log once; each projection reads ' +
    'only the types it handles). The service is then stopped; VACUUM (ANALYZE) and CHECKPOINT.',
  'Rebuild: the activity projection alone in the bench process (ProjectionEngine from libs/projections, ' +
    `rebuild batches of ${options.projectionBatchSize}, the service's default), caught up already; a blue/green ` +
    'rebuild is requested and timed until a fresh table holds every film-log event and has been swapped ' +
    "in (rebuild requests polled every 100 ms instead of the service's 1 s). Events/s count the film-log " +
    'events. The rows are checked against the marks the generator left standing, after the catch-up and ' +
    'after the rebuild. Then VACUUM (ANALYZE) and CHECKPOINT. Each rebuild (activity, then popularity) runs ' +
    'twice, in alternating order: once as before (every index of the live tables kept on the fresh ' +
    'tables all along, and the summary tables kept by each batch), once as the engine runs by default: ' +
    "the indexes only readers use (the projection's indexesForReadersOnly) left off until the rebuild " +
    "has caught up and built then, and the summary tables (popularity's days, totals and windows) left " +
    "empty while it catches up and filled by the projection's summarize in one pass, both before the " +
    'swap; the time includes them. The engine analyzes the fresh tables as they grow in both.',
  `Loads: the service again (APP_ROLE=all, projections idle at the head), autocannon from the bench ` +
    `process with ${options.connections} connections, ${options.warmUpSeconds} s of warm-up discarded, ` +
    `then ${options.loadSeconds} s each, no X-Consistent-With; then ${options.aloneSeconds} s of requests ` +
    'one at a time (fetch, timed to the microsecond), where a request waits behind no other. ' +
    "The readers' access tokens are minted with the service's own AccessTokens and the secret it was " +
    'started with; each request takes the next ' +
    "reader in turn. GET /feed (first page of 20); GET /feed?cursor= each reader's third page (cursors " +
    'from following nextCursor twice before the load); GET /films/{id}/activity of the film with the ' +
    'most activity rows (public, first page); GET /films/{id}/friends of that film. First, GET /health ' +
    '(no token, no database) the same way: the floor that the HTTP stack and the load generator set on ' +
    'this machine under the same number of connections.',
  'PostgreSQL, the service and the load generator share the same machine and its cores, and so does ' +
    'anything else running there (see loadAverage).',
];
