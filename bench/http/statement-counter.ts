/**
 * Loaded into the service and the floor with `node --import` by the HTTP bench: counts the
 * statements each process sends PostgreSQL, by kind, into a file the bench reads between loads.
 * The database's own counters know transactions, not statements, and every statement is a round
 * trip the process pays for.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const directory = process.env['FILMLOG_BENCH_STATEMENTS_DIR'];
if (directory) {
  const counts = new Map<string, number>();
  const kindOf = (config: unknown): string => {
    const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
    return (text ?? '?').replace(/\s+/g, ' ').trim().slice(0, 60);
  };
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const kind = kindOf(args[0]);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  const file = path.join(directory, `${process.pid}.json`);
  // Written aside and renamed over the last: the bench reads these files while they are saved,
  // and a file rewritten in place can be read empty.
  const save = (): void => {
    writeFileSync(`${file}.next`, JSON.stringify(Object.fromEntries(counts)));
    renameSync(`${file}.next`, file);
  };
  setInterval(save, 200).unref();
  process.on('exit', save);
}
