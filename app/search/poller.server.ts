export interface Poller {
  start(): void;
  /** Stops polling and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` at once, then `pollMs` after each run ends, until stopped. A run that throws is reported
 * to `onError` and the next one is tried on schedule: the outbox workers poll the database this way.
 */
export function createPoller(
  tick: () => Promise<unknown>,
  pollMs: number,
  onError: (error: unknown) => void,
): Poller {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;

  const loop = async () => {
    timer = null;
    try {
      running = tick();
      await running;
    } catch (error) {
      onError(error);
    } finally {
      running = null;
    }
    if (!stopped) timer = setTimeout(loop, pollMs);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}
