/**
 * `framelens serve` with the research options, as a user starts it (the compiled CLI in its own process): outlet
 * groups reach the Compare page as group columns and the Overview gets its time chart; a store refuses them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const dir = tempDir('fl-serve-research-');
const children: Array<ReturnType<typeof spawn>> = [];

afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
});

async function startServe(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [cli, 'serve', ...args, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += String(d)));
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

describe('serve --groups --by', () => {
  it('shows groups side by side in Compare, with the group stance, and a time chart on the Overview', async () => {
    const groups = join(dir, 'groups.yml');
    writeFileSync(groups, 'ownership:\n  state: [Press TV, ISWNews]\n  private: [AFP, Al Jazeera Arabic, The World Monitor]\n');
    const base = await startServe(['corpus/seeds', '--groups', groups, '--by', 'month', '--permutations', '50']);
    const form = await (await fetch(`${base}/compare`)).text();
    expect(form).toContain('Groups side by side');
    const res = await fetch(`${base}/compare?groups=state&groups=private`);
    const page = await res.text();
    expect(res.status).toBe(200);
    const headings = [...page.matchAll(/<h2 id="col-\d+" class="column-heading">([^<]*)/g)].map((m) => m[1]);
    expect(headings).toEqual(['state', 'private']);
    expect(page).toContain('group stance, outlets as the unit');
    expect(page).toContain('state (grouping &quot;ownership&quot;): 2 outlets');
    expect((await fetch(`${base}/compare?groups=state&groups=nobody`)).status).toBe(404);
    const overview = await (await fetch(`${base}/`)).text();
    expect(overview).toMatch(/<h2 id="time-title">[^<]* over time<\/h2>/);
  }, 60_000);

  it('refuses research options with --db, which serves the report analyze wrote', () => {
    const r = spawnSync(process.execPath, [cli, 'serve', '--db', join(dir, 'none.db'), '--by', 'month'], { encoding: 'utf8', cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--by changes the report');
  });

  it('a corpus without groups says how to get them', async () => {
    const base = await startServe(['corpus/seeds']);
    const res = await fetch(`${base}/compare?groups=a&groups=b`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('start framelens serve with --groups FILE');
  }, 60_000);
});
