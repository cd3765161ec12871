import type { FilmLogBenchOptions } from './options.js';

/** What the figures mean, written into the report next to them. */
export const describeMethod = (options: FilmLogBenchOptions): string[] => [
  `Database: one fresh migrated database. ${options.films} generated films are written straight with SQL ` +
    '(the catalogue is not event-sourced; the same fill as the catalogue bench), then the service ' +
    '(`node dist/src/main.js`, APP_ROLE=all, its auth rate limit off) registers ' +
    `${options.loadMembers + 1} members over POST /auth/register (${options.loadMembers} for the load, one ` +
    'for the freshness probe), and is stopped once the members projection has them.',
  `Prefill: ${options.events} film-log events for ${options.members} members (the load members among them, ` +
    `as the most active) on ${options.films - 1} films (one is kept for the probe), drawn from the film-log ` +
    'decider itself: random taps (mostly checks with a watch date, watchlist entries, then favourites, ' +
    'dislikes, dates changed, some undone) decided on the state so far, so every stream is one the service ' +
    'could have written; active members and popular films come up more often (power laws); each event ' +
    'with its metadata (event id, actor = member, correlation id per tap, no causation, occurredAt over ' +
    'the last two years, schema version 1). Each (member, film) history is one append through the event ' +
    `store port (PostgresEventStore.append, expectedRevision 'no_stream'), ${options.prefillWriters} at ` +
    'once over a pool as large; generating them runs in the same loop and is timed with it. Then VACUUM ' +
    '(ANALYZE) of the database, not timed, as autovacuum would after a bulk load.',
  'Projections: user-film-state, film-stats and user-stats, run in the bench process by the ' +
    `ProjectionEngine (libs/projections), batches of ${options.projectionBatchSize} (the service's default), ` +
    'all three at once, each through its own subscription. Catch-up from zero: into their empty tables, ' +
    'from engine start until all three checkpoints have passed the last prefilled event. Blue/green ' +
    'rebuild: all three requested at once (engine polling for requests every 100 ms instead of the ' +
    "service's 1 s), timed until all three have filled fresh tables from the start of the log and swapped " +
    'them in. Events/s count the prefilled events once, though each projection reads them all. After ' +
    'each, the three read models are checked against the marks the generator wrote.',
  `Raw baseline: bench/store/raw.ts in a fresh migrated database of its own, ${options.connections} ` +
    'clients: single-row INSERT ... VALUES of an event row (the store bench sample, a little larger than a ' +
    'film-log event) into a copy of the events table (same columns, constraints, indexes), autocommit, ' +
    `${options.rawWarmUpMs} ms warm-up discarded, then ${options.rawMs} ms.`,
  'The service, started again on the prefilled log (APP_ROLE=all), catches up its other projections ' +
    '(activity reads the film log too) from zero; the time from its first answer until all its ' +
    'projections have passed the last prefilled event is reported; then VACUUM (ANALYZE) and a ' +
    'CHECKPOINT (not timed), so the loads do not pay for the bulk writes before them.',
  `HTTP writes: the service with its projections running, autocannon from the ` +
    `bench process with ${options.connections} connections, ${options.warmUpSeconds} s of warm-up ` +
    `discarded, then ${options.commandSeconds} s. Each request taps as a member's screen would: a random ` +
    "load member's token, a film (popular ones more often) by id, and a mark (check 40%, favourite 25%, " +
    'watchlist 25%, dislike 10%), put up (PUT) when the member does not hold it and taken back (DELETE) ' +
    "when they do, as far as the generator knows (the load members' user_film_state rows read before " +
    'the load, then the state every answer carries); a checked film gets a new watchedOn instead one ' +
    'time in four, and half the new checks carry a watchedOn. So nearly every command appends events. ' +
    'The ratio to raw is commands per second over single-row inserts per second; events per second ' +
    'count the rows the load appended.',
  `Ratings, then diary writes, at the same ${options.connections} connections once the writes above are ` +
    `done: PUT (a rating other than the one known) or DELETE /films/{id}/rating for ${options.readSeconds} s; ` +
    `then POST /me/diary, ${options.warmUpSeconds} s of warm-up discarded, then ${options.diarySeconds} s: ` +
    'a viewing, by a random load member, of a film they are known to have checked three times in ten, else ' +
    'of a random film (popular ones more often), on a day of the last five years; a rewatch when the ' +
    'generator knows the member has seen it (always after an entry, half the time for a film checked ' +
    'without one), with stars six times in ten. Diary writes come last because a film with entries cannot ' +
    'be unchecked. Once the diary, user-film-state and user-stats projections have no event left to apply, ' +
    'the entries in the log (ViewingLogged less ViewingDeleted) must equal the diary_entries rows, the sum of ' +
    "user_film_state's viewings and of user_stats' diary_entries, with no fewer diary_entry_keys, every film " +
    'with an entry checked, and at least every entry answered 201 (at most one more per connection and ' +
    'load, in flight when autocannon stopped); otherwise the run stops.',
  'Freshness: during the measured write load, a probe member favourites and unfavourites a film no one ' +
    'else touches, in turn, 20 ms apart; after each 200 it reads film_stats (and user_film_state and ' +
    'user_stats) straight from PostgreSQL every 2 ms until the change shows, and records the time from ' +
    'the response to then. A change not seen after 5 s counts as a timeout.',
  `Reads: autocannon, ${options.connections} connections, ${options.warmUpSeconds} s warm-up, then ` +
    `${options.readSeconds} s each: GET /films/{id}/stats (public) and GET /me/films/{id} (random load ` +
    'member tokens), random films (popular ones more often), no X-Consistent-With.',
  'PostgreSQL, the service, the projections and the load generator share the same machine and its ' +
    'cores, and so does anything else running there (see loadAverage).',
];
