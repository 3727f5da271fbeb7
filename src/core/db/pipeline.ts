/**
 * Keeps up to `depth` database writes in flight while the caller prepares the next batch, so CPU
 * work (validation, encryption) overlaps the server's work — and, with a depth above one on
 * PostgreSQL, the server works on several batches at once. A failed write surfaces at the next
 * `submit` or at `drain`, and nothing submitted after that is written.
 */
export function writePipeline(depth = 1): { submit(write: () => Promise<void>): Promise<void>; drain(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const rethrow = () => {
    if (failure) throw failure.error;
  };
  return {
    async submit(write) {
      while (pending.size >= Math.max(1, depth)) await Promise.race(pending);
      rethrow();
      const settled: Promise<void> = write().then(
        () => {
          pending.delete(settled);
        },
        (error: unknown) => {
          pending.delete(settled);
          failure ??= { error };
        },
      );
      pending.add(settled);
    },
    async drain() {
      await Promise.all([...pending]);
      rethrow();
    },
  };
}
