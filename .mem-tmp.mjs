import { runPipeline, TextLookup } from './dist/src/pipeline.js';
import { loadCompiled } from './dist/src/cli/common.js';
import { Store } from './dist/src/store/index.js';
import { ReportBuilder } from './dist/src/report/build.js';
import { readCorpusStream } from './dist/src/corpus/read.js';
import { rmSync } from 'node:fs';
const compiled = loadCompiled(undefined);
rmSync('/tmp/ss-run/m.db', { force: true }); rmSync('/tmp/ss-run/m.db-wal', { force: true });
const store = Store.open('/tmp/ss-run/m.db');
const texts = new TextLookup(store);
const builder = process.env.NOBUILDER ? null : new ReportBuilder({ lexicon: compiled.lexicon, duplicatePolicy: 'keep-all', textOf: (id) => texts.get(id) });
async function* docs() { for await (const it of readCorpusStream(['/tmp/ss-run/c10k.jsonl'])) if (it.type === 'document') yield it.document; }
const mb = (x) => (x / 1048576).toFixed(0);
await runPipeline(docs(), compiled, { store, texts, workers: 2, onDocument: (d, a) => builder?.add(a, d), onProgress: (p) => { if (p.done % 2000 === 0) { if (global.gc) global.gc(); const m = process.memoryUsage(); console.log(p.done, 'rss', mb(m.rss), 'mainHeap', mb(m.heapUsed), 'heapTotal', mb(m.heapTotal), 'external', mb(m.external), 'arrayBuffers', mb(m.arrayBuffers)); } } });
store.close();
