import type { Track } from './checkpoint-store.js';
import type { Projection } from './projection.js';
import { quoteIdent } from './sql.js';

/** Name of the fresh copy of a table that a rebuild fills. */
export const nextTableName = (table: string): string => `${table}__next`;

/** Name a live table is renamed to for the instant of a swap. */
export const oldTableName = (table: string): string => `${table}__old`;

/** The `table()` of a projection's context: quoted physical names of the tables it owns. */
export function tableNamer(projection: Projection, track: Track): (logicalName: string) => string {
  return (logicalName) => {
    if (!projection.tables.includes(logicalName)) {
      throw new Error(`Projection ${projection.name} does not own a table named ${logicalName}`);
    }
    return quoteIdent(track === 'live' ? logicalName : nextTableName(logicalName));
  };
}
