/** A progress bar on stderr for terminals; silent when stderr is not a terminal (CI, pipes) unless forced. */
export interface Progress {
  update(done: number, total: number): void;
  done(message?: string): void;
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr, force = false): Progress {
  const enabled = force || Boolean(stream.isTTY);
  const started = Date.now();
  let lastDraw = 0;
  const width = 28;
  const draw = (done: number, total: number) => {
    const frac = total > 0 ? done / total : 1;
    const filled = Math.round(frac * width);
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(0)} docs/s eta ${eta.toFixed(0)}s`;
    stream.write(stream.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
  };
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      // Redraw at most ten times a second (once a second when not a terminal) and always at the end.
      if (done < total && now - lastDraw < (stream.isTTY ? 100 : 1000)) return;
      lastDraw = now;
      draw(done, total);
    },
    done(message) {
      if (enabled && stream.isTTY) stream.write('\n');
      if (message) stream.write(`${message}\n`);
    },
  };
}
