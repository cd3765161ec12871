import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningApp } from '../catalogue/search-load.js';
import type { Reader } from '../social/members.js';

/** What GET /imports/{id} answers, as far as the bench reads it. */
export interface ImportView {
  readonly status: 'queued' | 'running' | 'completed' | 'failed';
  readonly progress: { readonly done: number; readonly total: number };
  readonly counts: Readonly<Record<string, number>> | null;
  readonly unmatched: readonly unknown[];
  readonly failure?: string;
}

export interface ImportRunFigures {
  readonly importId: string;
  readonly uploadMs: number;
  /** From the upload's start until GET /imports/{id} says completed. */
  readonly seconds: number;
  readonly rows: number;
  readonly rowsPerSecond: number;
  /** The service's resident memory: before the upload, and its peak (VmHWM) at the end. */
  readonly rssBeforeMb: number;
  readonly peakRssMb: number;
  /** Progress seen while it ran: how many distinct done counts were reported. */
  readonly progressSteps: number;
  readonly result: ImportView;
}

async function memoryMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

/** POST /imports with the export, then GET /imports/{id} every 50 ms until it is done. */
export async function runImport(
  app: RunningApp,
  member: Reader,
  zip: Buffer,
  rows: number,
  limitMs: number,
): Promise<ImportRunFigures> {
  const rssBeforeMb = await memoryMb(app.pid, 'VmRSS');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'letterboxd-export.zip');
  const begin = performance.now();
  const posted = await fetch(`${app.baseUrl}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${member.token}` },
    body: form,
  });
  if (posted.status !== 202)
    throw new Error(`POST /imports answered ${posted.status}: ${await posted.text()}`);
  const { importId, position } = (await posted.json()) as { importId: string; position: string };
  const uploadMs = performance.now() - begin;
  const steps = new Set<number>();
  const deadline = Date.now() + limitMs;
  for (;;) {
    const response = await fetch(`${app.baseUrl}/api/v1/imports/${importId}`, {
      // The import's row is written by a projection: wait for it on the first look.
      headers: { authorization: `Bearer ${member.token}`, 'x-consistent-with': position },
    });
    if (response.status !== 200) throw new Error(`GET /imports/{id} answered ${response.status}`);
    const view = (await response.json()) as ImportView;
    steps.add(view.progress.done);
    if (view.status === 'failed') throw new Error(`the import failed: ${view.failure ?? 'no reason given'}`);
    if (view.status === 'completed') {
      const seconds = (performance.now() - begin) / 1_000;
      return {
        importId,
        uploadMs,
        seconds,
        rows,
        rowsPerSecond: rows / seconds,
        rssBeforeMb,
        peakRssMb: await memoryMb(app.pid, 'VmHWM'),
        progressSteps: steps.size,
        result: view,
      };
    }
    if (Date.now() > deadline) throw new Error(`the import did not complete in ${limitMs} ms`);
    await sleep(50);
  }
}
