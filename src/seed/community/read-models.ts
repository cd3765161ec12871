import { setTimeout as sleep } from 'node:timers/promises';
import type { ProjectionMonitor } from '#projections';

const POLL_MS = 100;

/**
 * Resolves true once each named projection has applied every event it handles (no lag), false
 * when `timeoutMs` passes first: the seed reads back what it wrote (roles, list titles) only then.
 */
export function caughtUpWith(monitor: ProjectionMonitor, timeoutMs: number) {
  return async (names: readonly string[]): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = await monitor.statuses();
      const behind = statuses.filter((status) => names.includes(status.name) && status.lagEvents > 0);
      if (behind.length === 0) return true;
      if (Date.now() >= deadline) return false;
      await sleep(POLL_MS);
    }
  };
}
