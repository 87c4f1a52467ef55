/** Time for the fan-out, replaceable in tests; every process on the same NTP-synchronised wall clock. */
export interface PacingClock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (the timer is cleared, so a stopped worker can exit). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: PacingClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};
