/**
 * Runs a job one run at a time, in the order asked: a run starts only after
 * the one before it has ended, and reads its own inputs when it starts, so
 * an older run can never land after a newer one (as uBlock Origin Lite's
 * scripting manager does). A request made while a run is still waiting to
 * start joins that run: it will read the newest inputs anyway.
 */
export function serialQueue(job: () => Promise<void>, onError: (error: unknown) => void): () => Promise<void> {
  let tail: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | null = null;
  return () => {
    if (waiting) return waiting;
    const run = tail.then(async () => {
      waiting = null;
      try {
        await job();
      } catch (error) {
        onError(error);
      }
    });
    waiting = run;
    tail = run;
    return run;
  };
}
