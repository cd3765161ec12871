/** A wake-up that is not lost when it rings while nobody is waiting. */
export class Doorbell {
  private rung = false;
  private wake: (() => void) | null = null;

  ring(): void {
    this.rung = true;
    this.wake?.();
  }

  /** Forgets earlier rings: call before looking for work. */
  reset(): void {
    this.rung = false;
  }

  /** Resolves on a ring (including one since the last reset), the timeout, or the abort. */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.rung || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
  }
}
