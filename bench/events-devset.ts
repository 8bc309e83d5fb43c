/**
 * Same-event grouping measured on the real articles of the development split: pairwise precision and recall of
 * framelens events against tests/fixtures/events/dev-events.yml, once as before this work (metadata dates and
 * lexicon place/incident names only) and once as the report groups them now (the story's day from the text,
 * casualty figures). Prints both, with the pairs missed and the pairs made wrongly.
 *
 *   FRAMELENS_DEVSET_DIR=/path/to/texts npm run eval:events
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadLexicons } from '../src/lexicon/load.js';
import { compileLexicon } from '../src/lexicon/compile.js';
import { defaultLexiconPath, packageRoot } from '../src/paths.js';
import { analyzeDocument } from '../src/analysis/analyze.js';
import { buildReport } from '../src/report/build.js';
import { groupEvents } from '../src/stats/events.js';
import { parseEventOverrides } from '../src/stats/event-members.js';
import type { Document } from '../src/types.js';
import { findTexts, loadDevset } from './devset.js';
import { pairwiseScore, type PairScore } from './event-score.js';

function show(name: string, s: PairScore): void {
  const f = (x: number | null) => (x === null ? '–' : x.toFixed(3));
  console.log(`${name}: precision ${f(s.precision)} (${s.correctPairs}/${s.predictedPairs} pairs), recall ${f(s.recall)} (${s.correctPairs}/${s.goldPairs})`);
  for (const m of s.missed) console.log(`  missed  ${m}`);
  for (const w of s.wrong) console.log(`  wrong   ${w}`);
}

/** The source lists whose dev articles tests/fixtures/events/dev-events.yml was written from. */
export const EVENTS_READ_FROM = ['sources-a.yml', 'sources-b.yml'];

export interface EventsMeasurement {
  /** Dev-split articles whose texts were found, and those that were not (their pairs are left out of the scores). */
  present: number;
  missing: string[];
  before: PairScore;
  now: PairScore;
}

export async function main(textsDir = process.env.FRAMELENS_DEVSET_DIR): Promise<EventsMeasurement> {
  const root = packageRoot();
  const dir = join(root, 'tests', 'fixtures', 'devset');
  const devset = loadDevset(dir);
  const { present, missing } = findTexts(devset, textsDir || join(dir, 'local'));
  // Only the dev articles whose events were read (tests/fixtures/events/dev-events.yml says which lists); articles
  // added to the dev split later are left out, and named, until someone reads them for events too.
  const read = (a: { where: string; split: string }) => a.split === 'dev' && EVENTS_READ_FROM.some((f) => basename(a.where.replace(/:\d+(:\d+)?$/, '')) === f);
  const unread = [...devset.articles.values()].filter((a) => a.split === 'dev' && !read(a)).map((a) => a.id);
  if (unread.length) console.log(`${unread.length} dev articles not read for events yet are left out: ${unread.join(', ')}`);
  const dev = present.filter((t) => read(t.article));
  const missingDev = missing.filter((a) => read(a)).map((a) => a.id);
  const labelsFile = join(root, 'tests', 'fixtures', 'events', 'dev-events.yml');
  const gold = parseEventOverrides(readFileSync(labelsFile, 'utf8'), labelsFile).map((e) => e.documents);
  // A label naming an article the dev split does not have (a typo, or a test article) would silently score nothing.
  const unknown = gold.flat().filter((id) => devset.articles.get(id)?.split !== 'dev');
  if (unknown.length) throw new Error(`${labelsFile}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not article(s) of the dev split in ${dir}`);
  if (missingDev.length) {
    console.log(`${missingDev.length} of ${dev.length + missingDev.length} dev texts are missing (not licensed for the repository): put them in ${join(dir, 'local')} or $FRAMELENS_DEVSET_DIR; the figures below count only pairs of the texts present`);
  }
  const compiled = compileLexicon(loadLexicons([defaultLexiconPath()]));
  const documents: Document[] = dev.map((t) => ({
    id: t.article.id, outlet: t.article.outlet, text: t.text, title: t.article.title, date: t.article.date, url: t.article.url,
    source: { file: t.path }, meta: { outlet_kind: t.article.outletKind },
  }));
  const analyses = documents.map((d) => analyzeDocument(d, compiled));
  const ids = documents.map((d) => d.id);
  console.log(`${documents.length} dev articles (${documents.filter((d) => !d.date).length} without a date field); ${gold.length} labelled multi-article events`);

  const before = groupEvents(analyses.map((a) => ({
    id: a.id, outlet: a.outlet, date: a.date, event: a.event, names: a.names.filter((n) => n.type === 'place' || n.type === 'incident').map((n) => n.name),
  })));
  const beforeScore = pairwiseScore(before.map((e) => e.documents), gold, ids);
  show('before (metadata dates, lexicon names)', beforeScore);
  console.log(`  ${before.length} events, ${before.filter((e) => e.documents.length === 1).length} of one document`);

  const report = buildReport({ documents, analyses, skipped: [], lexicon: compiled.lexicon }, { resamples: 10, omitHits: true, duplicatePolicy: 'keep-all' });
  const now = pairwiseScore(report.events.map((e) => e.documents), gold, ids);
  show('now (day from the text, casualty figures)', now);
  console.log(`  ${report.events.length} events, ${report.events.filter((e) => e.documents.length === 1).length} of one document`);
  const fromText = report.events.flatMap((e) => e.members).filter((m) => m.date && m.date.from !== 'metadata');
  console.log(`  days read from the text: ${fromText.length} (${fromText.map((m) => `${m.id} ${m.date!.day} by ${m.date!.from} "${m.date!.evidence}"`).join('; ')})`);
  for (const e of report.events.filter((x) => x.documents.length > 1)) {
    console.log(`  event ${e.label}: ${e.members.map((m) => `${m.id} [${m.basis}: ${m.because}]`).join('; ')}`);
  }
  return { present: documents.length, missing: missingDev, before: beforeScore, now };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
