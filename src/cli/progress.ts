import cliProgress from 'cli-progress';

/** A progress bar on stderr (silent when stderr is not a terminal, e.g. in CI logs, where a line per 10% is printed). */
export function progressBar(label: string, total: number): { update(done: number): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let lastTenth = -1;
  return {
    update(done) {
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`${label}: ${done}/${total}\n`);
      }
    },
    stop() {},
  };
}

/** Progress of work whose size is not known beforehand (an .xlsx): a count on stderr every `every` items. */
export function progressCounter(label: string, every = 10_000): { update(done: number): void; stop(): void } {
  let shown = 0;
  return {
    update(done) {
      if (done - shown < every) return;
      shown = done;
      process.stderr.write(process.stderr.isTTY ? `\r${label}: ${done}` : `${label}: ${done}\n`);
    },
    stop() {
      if (shown && process.stderr.isTTY) process.stderr.write('\n');
    },
  };
}
