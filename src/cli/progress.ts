/**
 * Progress on stderr for every stage of a run (reading and analysis, report, writing): a bar with rate and ETA on a
 * terminal; plain lines every few seconds otherwise (logs of batch jobs show the run is alive); nothing when quiet.
 */
export type ProgressMode = 'auto' | 'bar' | 'lines' | 'quiet';

export interface Progress {
  /** Starts a stage; `total` (documents, bytes …) when known gives the bar and the ETA. */
  stage(label: string, total?: number): void;
  update(done: number, total?: number, detail?: string): void;
  /** Ends the current stage's line; prints `message` (unless quiet). */
  done(message?: string): void;
}

interface Stream {
  isTTY?: boolean;
  write(chunk: string): boolean;
}

const BAR_WIDTH = 28;
const BAR_INTERVAL_MS = 100;
const LINE_INTERVAL_MS = 5000;

function clock(secs: number): string {
  if (!Number.isFinite(secs)) return '?';
  const s = Math.round(secs);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * `auto`: a bar when the stream is a terminal, lines otherwise. `now` is injectable so tests can drive the clock.
 */
export function createProgress(mode: ProgressMode, stream: Stream = process.stderr, now: () => number = Date.now): Progress {
  const style = mode === 'auto' ? (stream.isTTY ? 'bar' : 'lines') : mode;
  let label = '';
  let total: number | undefined;
  let started = now();
  let last = 0;
  let drawn = false;
  let lastLine = '';

  const render = (done: number, detail?: string): string => {
    const secs = (now() - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const parts = [label];
    if (total !== undefined && total > 0) {
      const frac = Math.min(1, done / total);
      if (style === 'bar') {
        const filled = Math.round(frac * BAR_WIDTH);
        parts.push(`[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`);
      }
      parts.push(`${done}/${total} (${Math.floor(frac * 100)}%)`);
    } else parts.push(String(done));
    if (detail) parts.push(detail);
    parts.push(`${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)}/s`);
    parts.push(total !== undefined && total > 0 && rate > 0 ? `eta ${clock(Math.max(0, total - done) / rate)}` : `${clock(secs)} elapsed`);
    return parts.join(' ');
  };

  return {
    stage(name, stageTotal) {
      if (style === 'quiet') return;
      if (drawn && style === 'bar') stream.write('\n');
      drawn = false;
      label = name;
      total = stageTotal;
      started = now();
      last = 0;
      if (style === 'bar') {
        stream.write(`\r${render(0)}\x1b[K`);
        drawn = true;
      }
    },
    update(done, newTotal, detail) {
      if (style === 'quiet') return;
      if (newTotal !== undefined) total = newTotal;
      const t = now();
      if (style === 'bar') {
        if (t - last < BAR_INTERVAL_MS && !(total !== undefined && done >= total)) return;
        last = t;
        stream.write(`\r${render(done, detail)}\x1b[K`);
        drawn = true;
        return;
      }
      // Lines: the first after LINE_INTERVAL_MS, so a short run prints nothing but its summary.
      if (t - Math.max(started, last) < LINE_INTERVAL_MS) return;
      last = t;
      lastLine = render(done, detail);
      stream.write(`${lastLine}\n`);
    },
    done(message) {
      if (style === 'quiet') return;
      if (drawn && style === 'bar') stream.write('\n');
      drawn = false;
      if (message) stream.write(`${message}\n`);
    },
  };
}
