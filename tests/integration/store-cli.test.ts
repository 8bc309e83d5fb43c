/**
 * `analyze --db` as a user runs it: real processes on the compiled CLI (worker threads need dist/), killed with
 * SIGKILL at random moments, resumed, sharded and merged, grown; each time compared with one uninterrupted run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const dir = tempDir('fl-store-cli-');
const corpus = join(dir, 'corpus.jsonl');
const DOCS = 400;

function framelens(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Everything a store holds about its corpus, in a comparable form (row ids and run numbers aside). */
function dump(file: string): { documents: unknown[]; hits: number; aggregates: Record<string, string> } {
  const db = new Database(file, { readonly: true });
  try {
    const documents = db.prepare('SELECT id, ord, outlet, hash, words, hit_count, text, analysis_key, analysis FROM documents ORDER BY ord').all();
    const hits = (db.prepare('SELECT count(*) AS n FROM hits').get() as { n: number }).n;
    const rows = db.prepare('SELECT name, value FROM aggregates ORDER BY name').all() as Array<{ name: string; value: string }>;
    return { documents, hits, aggregates: Object.fromEntries(rows.map((r) => [r.name, r.value])) };
  } finally {
    db.close();
  }
}

/** What a killed run left: stored documents, whether the run finished, and documents whose hits are incomplete. */
function storedState(file: string): { documents: number; complete: boolean; torn: number } {
  if (!existsSync(file)) return { documents: 0, complete: false, torn: 0 };
  const db = new Database(file, { readonly: true });
  try {
    const has = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'documents'").get() as { n: number };
    if (has.n === 0) return { documents: 0, complete: false, torn: 0 };
    const documents = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    const complete = (db.prepare("SELECT value FROM meta WHERE key = 'complete'").get() as { value: string } | undefined)?.value === '1';
    const torn = (db.prepare('SELECT count(*) AS n FROM documents d WHERE hit_count <> (SELECT count(*) FROM hits h WHERE h.doc = d.rowid)').get() as { n: number }).n;
    return { documents, complete, torn };
  } finally {
    db.close();
  }
}

const analyzeArgs = (db: string, extra: string[] = [], workers = '2') => ['analyze', corpus, '--db', db, '--format', 'json', '--resamples', '50', '-j', workers, '--quiet', ...extra];
let reference: { report: string; store: ReturnType<typeof dump>; ms: number };

beforeAll(async () => {
  expect(existsSync(cli), 'dist/ is missing: run `npm run build` first').toBe(true);
  const { writeArticlesJsonl } = await import(join(root, 'dist', 'bench', 'articles.js'));
  writeArticlesJsonl(corpus, root, DOCS);
  const db = join(dir, 'reference.db');
  const t0 = Date.now();
  const run = framelens(analyzeArgs(db));
  expect(run.code, run.stderr).toBe(0);
  reference = { report: run.stdout, store: dump(db), ms: Date.now() - t0 };
  expect(reference.store.documents.length).toBeGreaterThan(DOCS * 0.9);
  expect(reference.store.hits).toBeGreaterThan(DOCS);
}, 120_000);

describe('analyze --db', () => {
  // -j 1 analyzes and commits on the main thread, -j 2 commits there beside the analysis workers.
  it.each(['2', '1'])('loses nothing and duplicates nothing when killed with SIGKILL at random moments, then resumed (-j %s)', async (workers) => {
    const db = join(dir, `killed-${workers}.db`);
    const total = reference.store.documents.length;
    const moments: string[] = [];
    // Kills that caught a run in the middle (some documents stored, run not finished): the test means something
    // only then. Moments are drawn three ways: a random time early in the run (before or around the first commit),
    // once a random number of documents is committed (mid-analysis, possibly mid-transaction), and once every
    // document is stored (during the report).
    let interrupted = 0;
    for (let k = 0; k < 8 && (interrupted < 3 || k < 3); k++) {
      const before = storedState(db);
      const mode = before.documents >= total ? 'report' : (['time', 'documents', 'report'] as const)[k % 3];
      const target = before.documents + 1 + Math.floor(Math.random() * (total - before.documents - 1));
      const delay = Math.round(reference.ms * (0.1 + Math.random() * 0.4));
      const child = spawn(process.execPath, [cli, ...analyzeArgs(db, [], workers)], { cwd: root, stdio: 'ignore' });
      let exited = false;
      const done = new Promise<void>((resolve) => child.on('exit', () => { exited = true; resolve(); }));
      const started = Date.now();
      while (!exited) {
        await new Promise((r) => setTimeout(r, 15));
        const now = storedState(db);
        const hit = mode === 'time' ? Date.now() - started >= delay
          : mode === 'documents' ? now.documents >= target
            : now.documents >= total && !now.complete;
        if (hit) {
          child.kill('SIGKILL');
          break;
        }
      }
      await done;
      const after = storedState(db);
      moments.push(`${mode}${mode === 'documents' ? ` ≥${target}` : mode === 'time' ? ` ${delay} ms` : ''}: ${after.documents} stored`);
      if (!after.complete && after.documents > 0) interrupted++;
      expect(after.torn, moments.join('; ')).toBe(0);
    }
    expect(interrupted, moments.join('; ')).toBeGreaterThanOrEqual(2);
    const resumed = framelens(analyzeArgs(db, [], workers));
    expect(resumed.code, `killed at ${moments.join(', ')} ms: ${resumed.stderr}`).toBe(0);
    expect(resumed.stdout, `killed at ${moments.join(', ')} ms`).toBe(reference.report);
    expect(dump(db), `killed at ${moments.join(', ')} ms`).toEqual(reference.store);
  }, 180_000);

  it('merged shards equal a single run, in the store and in the report', () => {
    const parts = [0, 1, 2].map((i) => join(dir, `part-${i}.db`));
    parts.forEach((p, i) => {
      const r = framelens(analyzeArgs(p, ['--shard', `${i}/3`]));
      expect(r.code, r.stderr).toBe(0);
    });
    const sizes = parts.map((p) => dump(p).documents.length);
    expect(sizes.every((n) => n > 0 && n < reference.store.documents.length)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(reference.store.documents.length);
    const merged = join(dir, 'merged.db');
    const m = framelens(['merge', '--db', merged, ...parts, '--format', 'json', '--quiet']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toBe(reference.report);
    expect(dump(merged)).toEqual(reference.store);
  }, 180_000);

  it('re-analyzes only new and changed documents of a grown corpus', () => {
    const db = join(dir, 'grown.db');
    copyFileSync(join(dir, 'reference.db'), db);
    const grown = join(dir, 'grown.jsonl');
    const lines = readFileSync(corpus, 'utf8').trimEnd().split('\n');
    const changed = JSON.parse(lines[5]) as { text: string };
    changed.text += '\n\nThe regime denied the report.';
    lines[5] = JSON.stringify(changed);
    writeFileSync(grown, `${lines.join('\n')}\n`);
    appendFileSync(grown, `${JSON.stringify({ id: 'new-1', outlet: 'Wire A', date: '2024-03-01', text: 'Iran-backed militias attacked US forces, officials said.' })}\n`);
    appendFileSync(grown, `${JSON.stringify({ id: 'new-2', outlet: 'State TV', date: '2024-03-02', text: 'The resistance struck occupation forces near the border.' })}\n`);
    const args = (file: string) => ['analyze', grown, '--db', file, '--format', 'json', '--resamples', '50', '-j', '2'];
    const again = framelens(args(db));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`analyzed 3 documents, ${reference.store.documents.length - 1} from the store`));
    const outDir = tempDir('fl-out-');
    const fresh = framelens([...args(join(dir, 'grown-fresh.db')), '--out', join(outDir, 'report.json')]);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(readFileSync(join(outDir, 'report.json'), 'utf8')).toBe(again.stdout);
    // Written through a temporary file and a rename: nothing else is left beside the report.
    expect(readdirSync(outDir)).toEqual(['report.json']);
  }, 180_000);

  it('refuses a damaged store or cache with a message naming the file, not a stack trace', () => {
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'not a database, just some text that happens to end in .db\n'.repeat(100));
    const r = framelens(['analyze', 'corpus/seeds', '--db', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: it is not a framelens store`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const cacheDir = tempDir('fl-bad-cache-');
    writeFileSync(join(cacheDir, 'framelens.db'), 'garbage'.repeat(1000));
    const c = framelens(['analyze', 'corpus/seeds', '--cache', cacheDir]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(join(cacheDir, 'framelens.db'));
    expect(c.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('search indexes built off the main thread', () => {
  it('a first run sorts its hits into the indexes on another thread before finishRun, which then finds them', async () => {
    const { Store } = await import(join(root, 'dist', 'src', 'store', 'index.js'));
    const file = join(tempDir('fl-index-'), 'x.db');
    copyFileSync(join(dir, 'reference.db'), file);
    const indexes = () => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'hits\\_%\\_doc' ESCAPE '\\' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
      } finally {
        db.close();
      }
    };
    expect(indexes()).toEqual(['hits_label_doc', 'hits_referent_doc', 'hits_text_doc']);
    const db = new Database(file);
    for (const name of ['hits_label_doc', 'hits_referent_doc', 'hits_text_doc']) db.exec(`DROP INDEX ${name}`);
    db.close();
    const store = Store.open(file);
    try {
      expect(indexes()).toEqual([]);
      const running = store.buildSearchIndexesOffThread();
      expect(await running).toBe(true);
      expect(indexes()).toEqual(['hits_label_doc', 'hits_referent_doc', 'hits_text_doc']);
      expect(await store.buildSearchIndexesOffThread()).toBe(false); // nothing left to build
      expect(store.findHits({ label: 'terrorists', limit: 5 }).length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  }, 60_000);
});
