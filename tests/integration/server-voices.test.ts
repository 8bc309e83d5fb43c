import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// Worker threads need compiled JavaScript: this test runs the build in dist/ (made by `npm ci` / `npm run build`).
const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;

describe('serve --db reads every document\'s voices on a worker thread', () => {
  it('the worker\'s reading equals the main thread\'s, document by document', async () => {
    expect(existsSync(new URL(dist('src/server/voice-worker.js'))), 'dist/ is missing: run `npm run build` first').toBe(true);
    const dir = tempDir('fl-voices-');
    const file = join(dir, 'seeds.db');
    const out = await runCli(['analyze', 'corpus/seeds', '--db', file, '--format', 'json', '--out', join(dir, 'report.json'), '--resamples', '20']);
    expect(out.code, out.stderr).toBe(0);
    const { Store } = await import(dist('src/store/index.js'));
    const { createStoreState, readVoicesBehind } = await import(dist('src/server/store-state.js'));
    const { loadCompiled } = await import(dist('src/cli/common.js'));
    const store = Store.open(file, { readonly: true });
    try {
      const onWorker = createStoreState(store, loadCompiled(undefined));
      const mainThread = createStoreState(store, loadCompiled(undefined));
      const reading = readVoicesBehind(onWorker);
      expect(reading.thread).toBe('worker');
      await reading.done;
      await readVoicesBehind(mainThread, { worker: false }).done;
      expect(reading.read).toBe(onWorker.report.documents.length);
      expect(onWorker.voiceTable.size).toBe(onWorker.report.documents.length);
      let spans = 0;
      for (const d of onWorker.report.documents as Array<{ id: string }>) {
        expect(onWorker.voiceTable.get(d.id)).toEqual(mainThread.voiceTable.get(d.id));
        spans += onWorker.voiceTable.get(d.id).length;
      }
      expect(spans).toBeGreaterThan(0);
      // Stopped (the server closing) before it has read anything: done resolves, nothing more arrives.
      const stopped = createStoreState(store, loadCompiled(undefined));
      const halted = readVoicesBehind(stopped);
      halted.stop();
      await halted.done;
      expect(halted.read).toBeLessThan(halted.total);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stopped.voiceTable.size).toBe(halted.read);
    } finally {
      store.close();
    }
  }, 120_000);
});
