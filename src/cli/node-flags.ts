/**
 * V8 settings a command needs at start-up, and a way to get them: V8 sizes its young generation when the process
 * starts, so a flag set at run time (v8.setFlagsFromString) does not change it. A command that needs one runs itself
 * again in a child process with the flag; the parent passes signals on and ends with the child's exit code.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { constants } from 'node:os';

/**
 * `serve` (and the server bench, which measures it): a young generation of 2 × 32 MB instead of V8's 2 × 16 MB. A
 * server just started renders new pages that each allocate 0.5-1 MB while its caches fill; with the default size it
 * stopped for a scavenge every ~100 ms of a first pass on the 10k store (4-14 ms each, every one of them added to the
 * ten requests waiting). Measured on that store, three alternating pairs: first-pass worst-page p99 117, 112, 106 ms
 * against 149, 133, 131 ms, serving-thread CPU per request the same within the noise, RSS after the passes 334-337
 * against 273-319 MB (docs/scale.md, session 22).
 */
export const SERVE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

/**
 * Stores larger than this are served with V8's default young generation: on the 100k store (1.4 GB) the larger one
 * raised the server's peak RSS from 403 to 507 MB, over the 500 MB bound, while the 10k store's (137 MB) server stays
 * near 340 MB with it (docs/scale.md, session 22).
 */
export const LARGE_STORE_BYTES = 512 * 1024 * 1024;

/**
 * The flags `framelens serve <args>` starts with: SERVE_NODE_FLAGS, but none for a store (`--db FILE`) larger than
 * LARGE_STORE_BYTES, where memory is the bound that matters. A missing store gets the flags; serve then says it is
 * missing.
 */
export function serveFlags(args: readonly string[]): readonly string[] {
  const at = args.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (at < 0) return SERVE_NODE_FLAGS;
  const file = args[at] === '--db' ? args[at + 1] : args[at].slice('--db='.length);
  try {
    return file !== undefined && statSync(file).size > LARGE_STORE_BYTES ? [] : SERVE_NODE_FLAGS;
  } catch {
    return SERVE_NODE_FLAGS;
  }
}

/** Set in the child so that it does not run itself again; also tells it to watch its parent. */
export const RELAUNCHED_ENV = 'FRAMELENS_RELAUNCHED';

/** Whether this process was started with every flag (by name: any value given on the command line counts). */
export function startedWith(flags: readonly string[], execArgv: readonly string[] = process.execArgv): boolean {
  return flags.every((flag) => {
    const name = flag.split('=')[0];
    return execArgv.some((arg) => arg === flag || arg.split('=')[0] === name);
  });
}

/** Whether `framelens <args>` should run itself again with `flags`: not already done, and not turned off. */
export function wantsRelaunch(flags: readonly string[], env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  return flags.length > 0 && env[RELAUNCHED_ENV] !== '1' && env.FRAMELENS_NO_RELAUNCH !== '1' && !startedWith(flags, execArgv);
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `script` with `args` in a child process of the same Node, this process's own flags and `flags`, the same
 * standard streams and environment (plus RELAUNCHED_ENV). Resolves to the child's exit code (128 + the signal's
 * number when a signal ended it, as a shell reports it).
 */
export function relaunch(flags: readonly string[], script: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, ...flags, script, ...args], {
      stdio: 'inherit',
      env: { ...process.env, [RELAUNCHED_ENV]: '1' },
    });
    const pass = (signal: NodeJS.Signals) => {
      child.kill(signal);
    };
    for (const signal of FORWARDED) process.on(signal, pass);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const s of FORWARDED) process.off(s, pass);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/**
 * In a relaunched child: ends this process when the parent that started it is gone (killed with SIGKILL, which it
 * cannot pass on), so that no server is left behind holding its port. Checked every `everyMs`; the timer does not
 * keep the process alive.
 */
export function endWithParent(everyMs = 1000): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      process.stderr.write('framelens: the process that started this one has ended; stopping\n');
      process.exit(1);
    }
  }, everyMs).unref();
}
