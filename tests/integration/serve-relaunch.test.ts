/**
 * `framelens serve` runs the server in a child process started with the V8 flags it needs (src/cli/node-flags.ts):
 * the child has them, answers, stops with its parent's SIGTERM, and does not outlive a parent killed with SIGKILL.
 */
import { spawn } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LARGE_STORE_BYTES, RELAUNCHED_ENV, SERVE_NODE_FLAGS, serveFlags, startedWith, wantsRelaunch } from '../../src/cli/node-flags.js';
import { tempDir } from '../helpers/temp.js';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const started: Array<ReturnType<typeof spawn>> = [];

afterAll(() => {
  for (const c of started) c.kill('SIGKILL');
});

/** The process ids whose parent is `pid`, from each process's /proc/N/stat (Linux). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The fourth field, after the command in brackets (which may hold spaces), is the parent's id.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(name));
    } catch {
      // A process that ended while the list was read.
    }
  }
  return out;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

async function startServe(): Promise<{ parent: ReturnType<typeof spawn>; base: string; exited: Promise<number | null> }> {
  const parent = spawn(process.execPath, [cli, 'serve', 'corpus/seeds', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(parent);
  const exited = new Promise<number | null>((resolve) => parent.once('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    parent.stderr!.on('data', (d: Buffer) => (err += String(d)));
    parent.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  return { parent, base, exited };
}

describe('node flags', () => {
  it('knows a flag given with any value, and relaunches only when it is missing and not turned off', () => {
    expect(startedWith(['--max-semi-space-size=32'], ['--max-semi-space-size=64'])).toBe(true);
    expect(startedWith(['--max-semi-space-size=32'], ['--max-semi-space-size=32', '--cpu-prof'])).toBe(true);
    expect(startedWith(['--max-semi-space-size=32'], ['--max-old-space-size=32'])).toBe(false);
    expect(wantsRelaunch(SERVE_NODE_FLAGS, {}, [])).toBe(true);
    expect(wantsRelaunch(SERVE_NODE_FLAGS, { [RELAUNCHED_ENV]: '1' }, [])).toBe(false);
    expect(wantsRelaunch(SERVE_NODE_FLAGS, { FRAMELENS_NO_RELAUNCH: '1' }, [])).toBe(false);
    expect(wantsRelaunch(SERVE_NODE_FLAGS, {}, [...SERVE_NODE_FLAGS])).toBe(false);
    expect(wantsRelaunch([], {}, [])).toBe(false);
  });

  it('serves a corpus read from paths and a small store with the flags, a store over LARGE_STORE_BYTES without', () => {
    const dir = tempDir('fl-serve-flags-');
    const small = join(dir, 'small.db');
    const large = join(dir, 'large.db');
    for (const [file, size] of [[small, 1024], [large, LARGE_STORE_BYTES + 1]] as const) {
      // A sparse file: its size is what counts, nothing is written.
      const fd = openSync(file, 'w');
      ftruncateSync(fd, size);
      closeSync(fd);
    }
    expect(serveFlags(['corpus/seeds'])).toEqual(SERVE_NODE_FLAGS);
    expect(serveFlags(['--db', small, '--port', '0'])).toEqual(SERVE_NODE_FLAGS);
    expect(serveFlags([`--db=${small}`])).toEqual(SERVE_NODE_FLAGS);
    expect(serveFlags(['--db', large])).toEqual([]);
    expect(serveFlags([`--db=${large}`, '--port', '0'])).toEqual([]);
    expect(serveFlags(['--db', join(dir, 'missing.db')])).toEqual(SERVE_NODE_FLAGS);
  });
});

describe('framelens serve in a child process', () => {
  it('serves from a child started with the flags and stops with its parent\'s SIGTERM (exit 0)', async () => {
    const { parent, base, exited } = await startServe();
    const [child] = childrenOf(parent.pid!);
    expect(child).toBeGreaterThan(0);
    const args = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
    for (const flag of SERVE_NODE_FLAGS) expect(args).toContain(flag);
    expect(args).toContain('serve');
    expect((await fetch(`${base}/`)).status).toBe(200);
    parent.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await until(() => !alive(child), 5000)).toBe(true);
  });

  it('leaves no server behind when its parent is killed with SIGKILL', async () => {
    const { parent, base } = await startServe();
    const [child] = childrenOf(parent.pid!);
    expect((await fetch(`${base}/`)).status).toBe(200);
    parent.kill('SIGKILL');
    expect(await until(() => !alive(child), 5000)).toBe(true);
  });
});
