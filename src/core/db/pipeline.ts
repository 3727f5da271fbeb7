/**
 * Keeps one database write in flight while the caller prepares the next batch, so CPU work
 * (validation, encryption) overlaps the server's work. A failed write surfaces at the next
 * `submit` or at `drain`, and nothing after it is written.
 */
export function writePipeline(): { submit(write: () => Promise<void>): Promise<void>; drain(): Promise<void> } {
  let pending: Promise<void> = Promise.resolve();
  return {
    async submit(write) {
      await pending;
      pending = write();
      pending.catch(() => undefined); // observed later; keep Node from reporting it as unhandled meanwhile
    },
    async drain() {
      await pending;
    },
  };
}
