import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { CommandRunner } from '#decider';
import { importDecider } from '../domain/import.decider.js';
import { importStream } from '../domain/import.events.js';

/**
 * An import as the upload leaves it, without HTTP: the file stored and `ImportStarted` on its
 * stream, for a runner to take up. Its id is new each time.
 */
export async function startImport(
  pool: pg.Pool,
  runner: CommandRunner,
  memberId: string,
  bytes: Buffer,
  fileName = 'export.zip',
): Promise<string> {
  const importId = randomUUID();
  await pool.query(
    `INSERT INTO import_files (import_id, member_id, file_name, sha256, content) VALUES ($1, $2, $3, 'x', $4)`,
    [importId, memberId, fileName, bytes],
  );
  await runner.run({
    decider: importDecider,
    streamId: importStream(importId),
    command: { type: 'StartImport', memberId, source: 'letterboxd', fileName, sha256: 'x', size: 1 },
    context: { actorId: memberId, correlationId: importId, causationId: null },
  });
  return importId;
}
