import { Readable, Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { READ_MODEL_POOL } from '../../platform/database/database.module.js';

/** Bytes of one stored chunk: large enough for few rows, small enough to hold one at a time. */
export const EXPORT_CHUNK_BYTES = 1024 * 1024;

/**
 * Where members' export archives are kept: the `export_file_chunks` table and nowhere else, so
 * erasing a member's files is one call (`removeAllOf`). An archive is written and read a chunk at
 * a time; neither the job nor the download holds it whole.
 */
@Injectable()
export class ExportFiles {
  constructor(@Inject(READ_MODEL_POOL) private readonly pool: pg.Pool) {}

  /**
   * A stream that stores what is written to it as the archive of `exportId`, replacing any earlier
   * attempt's chunks. `bytes` is the size stored once it has finished.
   */
  async writer(exportId: string, memberId: string): Promise<Writable & { readonly bytes: number }> {
    await this.remove(exportId);
    const pool = this.pool;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    let stored = 0;
    const store = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      const bytes = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await pool.query(
        `INSERT INTO export_file_chunks (export_id, member_id, seq, bytes) VALUES ($1, $2, $3, $4)`,
        [exportId, memberId, seq, bytes],
      );
      seq += 1;
      stored += bytes.length;
    };
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < EXPORT_CHUNK_BYTES) return done();
        store().then(() => done(), done);
      },
      final(done) {
        store().then(() => done(), done);
      },
    });
    return Object.defineProperty(stream, 'bytes', { get: () => stored }) as Writable & { bytes: number };
  }

  /** The stored archive, chunk after chunk. */
  read(exportId: string): Readable {
    const pool = this.pool;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq += 1) {
        const { rows } = await pool.query<{ bytes: Buffer }>(
          `SELECT bytes FROM export_file_chunks WHERE export_id = $1 AND seq = $2`,
          [exportId, seq],
        );
        if (rows.length === 0) return;
        yield rows[0]!.bytes;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  async has(exportId: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM export_file_chunks WHERE export_id = $1 AND seq = 0`,
      [exportId],
    );
    return rows.length > 0;
  }

  async remove(exportId: string): Promise<void> {
    await this.pool.query(`DELETE FROM export_file_chunks WHERE export_id = $1`, [exportId]);
  }

  /** Every archive of the member's exports (erasure). */
  async removeAllOf(memberId: string): Promise<void> {
    await this.pool.query(`DELETE FROM export_file_chunks WHERE member_id = $1`, [memberId]);
  }
}
