import { runPipeline } from '/work/wt/scale-store/dist/src/pipeline.js';
import { loadCompiled } from '/work/wt/scale-store/dist/src/cli/common.js';
import { Store } from '/work/wt/scale-store/dist/src/store/index.js';
import { readFileSync, rmSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
const docs = readFileSync('/tmp/ss-run/c2k.jsonl', 'utf8').trim().split('\n').map((l, i) => { const o = JSON.parse(l); return { ...o, source: { file: 'x', line: i + 1 }, meta: {} }; });
const compiled = loadCompiled(undefined);
const nlp = winkNLP(model);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
let c = cpu(); for (const d of docs) nlp.readDoc(d.text); console.log('wink cpu', (cpu() - c).toFixed(2));
for (const mode of ['plain', 'store', 'plain', 'store']) {
  rmSync('/tmp/ss-run/p.db', { force: true }); rmSync('/tmp/ss-run/p.db-wal', { force: true });
  const store = mode === 'store' ? Store.open('/tmp/ss-run/p.db') : null;
  c = cpu();
  await runPipeline(docs, compiled, { store, workers: 1 });
  console.log(mode, 'cpu', (cpu() - c).toFixed(2));
  store?.close();
}
c = cpu(); for (const d of docs) nlp.readDoc(d.text); console.log('wink cpu', (cpu() - c).toFixed(2));
