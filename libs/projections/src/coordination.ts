/** Runs tasks one at a time, in the order they were handed in. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** Holds callers of `pass` while closed. */
export class Gate {
  private opened: Promise<void> = Promise.resolve();
  private openIt: (() => void) | null = null;

  close(): void {
    if (this.openIt) return;
    this.opened = new Promise((resolve) => {
      this.openIt = resolve;
    });
  }

  open(): void {
    this.openIt?.();
    this.openIt = null;
  }

  /** Resolves once the gate is open, or when `signal` aborts. */
  pass(signal: AbortSignal): Promise<void> {
    if (!this.openIt || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      signal.addEventListener('abort', done, { once: true });
      void this.opened.then(done);
    });
  }
}
