import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createTestDatabase, testPool, type TestDatabase } from '#testing';
import type pg from 'pg';
import { EXPORT_CHUNK_BYTES, ExportFiles } from './export-files.js';

describe('ExportFiles', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let files: ExportFiles;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = testPool(database);
    files = new ExportFiles(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const store = async (exportId: string, memberId: string, bytes: Buffer): Promise<number> => {
    const out = await files.writer(exportId, memberId);
    // Written in pieces of 64 kB, as a zip stream writes.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, at) =>
      bytes.subarray(at * 65_536, (at + 1) * 65_536),
    );
    await pipeline(Readable.from(pieces), out);
    return out.bytes;
  };

  const read = async (exportId: string): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of files.read(exportId)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  it('keeps an archive in chunks and gives it back byte for byte', async () => {
    const [exportId, memberId] = [randomUUID(), randomUUID()];
    const bytes = randomBytes(EXPORT_CHUNK_BYTES * 2 + 123);

    expect(await store(exportId, memberId, bytes)).toBe(bytes.length);
    const { rows } = await pool.query<{ chunks: number }>(
      `SELECT count(*)::int AS chunks FROM export_file_chunks WHERE export_id = $1`,
      [exportId],
    );
    expect(rows[0]!.chunks).toBe(3);
    expect((await read(exportId)).equals(bytes)).toBe(true);
    expect(await files.has(exportId)).toBe(true);
  });

  it('replaces what an earlier attempt wrote', async () => {
    const [exportId, memberId] = [randomUUID(), randomUUID()];
    await store(exportId, memberId, randomBytes(EXPORT_CHUNK_BYTES + 10));
    const second = randomBytes(2000);
    await store(exportId, memberId, second);

    expect((await read(exportId)).equals(second)).toBe(true);
  });

  it('removes every archive of a member, and only theirs', async () => {
    const [member, other] = [randomUUID(), randomUUID()];
    const [first, second, theirs] = [randomUUID(), randomUUID(), randomUUID()];
    for (const [exportId, memberId] of [
      [first, member],
      [second, member],
      [theirs, other],
    ] as const)
      await store(exportId, memberId, randomBytes(3000));

    await files.removeAllOf(member);

    expect([await files.has(first), await files.has(second), await files.has(theirs)]).toEqual([
      false,
      false,
      true,
    ]);
    expect((await read(first)).length).toBe(0);
  });
});
