/**
 * The data-driven voice cases: every tests/fixtures/voice/*.yml file (format in tests/fixtures/voice/README.md) is read
 * here, and each expectation becomes one check. A linguist adds cases there without writing TypeScript.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { explainVoices, selfNamesOf, voiceAt } from '../../src/analysis/voice.js';
import { analyzeDocument, datelineSpans } from '../../src/analysis/analyze.js';
import { tokenize } from '../../src/nlp/nlp.js';
import { loadCompiled } from '../../src/cli/common.js';
import type { Voice } from '../../src/types.js';
import { tempDir } from '../helpers/temp.js';

const DIR = 'tests/fixtures/voice';
const CASE_KEYS = new Set(['why', 'text', 'expect', 'level', 'outlet']);
const CHECK_KEYS = new Set(['look', 'voice', 'rule', 'occurrence']);
const VOICES = new Set(['author', 'quoted', 'attributed']);
const ruleIds = new Set([...readFileSync('docs/voice.md', 'utf8').matchAll(/`([A-Z]-[A-Z-]+)`/g)].map((m) => m[1]));

interface Check { look: string; voice: Voice; rule?: string; occurrence: number; line: number }
interface Case { file: string; line: number; why: string; text: string; level: 'span' | 'hit'; outlet: string; checks: Check[] }

/** Reads one fixture file; every problem is reported as file:line with what to fix. */
function readCases(file: string): { cases: Case[]; problems: string[] } {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines });
  const problems: string[] = [];
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: number[] } | null)?.range;
    return range ? lines.linePos(range[0]).line : 0;
  };
  const cases: Case[] = [];
  if (doc.errors.length) return { cases, problems: doc.errors.map((e) => `${file}: YAML syntax: ${e.message.split('\n')[0]}`) };
  const list = isMap(doc.contents) ? doc.contents.get('cases', true) : null;
  if (!isSeq(list)) return { cases, problems: [`${file}: a voice case file is a mapping with a "cases:" list`] };
  for (const node of list.items) {
    const line = lineOf(node);
    const where = `${file}:${line}`;
    if (!isMap(node)) {
      problems.push(`${where}: each case is a mapping with text, why and expect`);
      continue;
    }
    const c = node.toJSON() as Record<string, unknown>;
    for (const key of Object.keys(c)) if (!CASE_KEYS.has(key)) problems.push(`${where}: unknown field "${key}"; allowed: ${[...CASE_KEYS].join(', ')}`);
    if (typeof c.text !== 'string' || !c.text) problems.push(`${where}: "text" must be the sentence(s) to read`);
    if (typeof c.why !== 'string' || !c.why) problems.push(`${where}: "why" must say what the case shows`);
    if (c.level !== undefined && c.level !== 'span' && c.level !== 'hit') problems.push(`${where}: "level" is span (default) or hit`);
    if (c.outlet !== undefined && (typeof c.outlet !== 'string' || !c.outlet)) problems.push(`${where}: "outlet" must be the outlet's name as its metadata gives it`);
    const checksNode = (node as YAMLMap).get('expect', true);
    if (!isSeq(checksNode) || checksNode.items.length === 0) {
      problems.push(`${where}: "expect" must list one or more { look, voice } checks`);
      continue;
    }
    const checks: Check[] = [];
    for (const item of checksNode.items) {
      const at = `${file}:${lineOf(item)}`;
      const k = (isMap(item) ? item.toJSON() : null) as Record<string, unknown> | null;
      if (!k) {
        problems.push(`${at}: a check is a mapping { look, voice, rule? }`);
        continue;
      }
      for (const key of Object.keys(k)) if (!CHECK_KEYS.has(key)) problems.push(`${at}: unknown field "${key}"; allowed: ${[...CHECK_KEYS].join(', ')}`);
      const occurrence = k.occurrence === undefined ? 1 : Number(k.occurrence);
      if (typeof k.look !== 'string' || !k.look) problems.push(`${at}: "look" must be the words to look at, as in the text`);
      else if (typeof c.text === 'string' && nthIndex(c.text, k.look, occurrence) < 0) problems.push(`${at}: "${k.look}" (occurrence ${occurrence}) is not in the text`);
      if (!VOICES.has(String(k.voice))) problems.push(`${at}: "voice" must be author, quoted or attributed, found ${JSON.stringify(k.voice)}`);
      if (k.rule !== undefined && !ruleIds.has(String(k.rule))) problems.push(`${at}: rule "${k.rule}" is not a rule id of docs/voice.md`);
      checks.push({ look: String(k.look), voice: k.voice as Voice, rule: k.rule === undefined ? undefined : String(k.rule), occurrence, line: lineOf(item) });
    }
    cases.push({ file, line, why: String(c.why), text: String(c.text), level: c.level === 'hit' ? 'hit' : 'span', outlet: typeof c.outlet === 'string' && c.outlet ? c.outlet : 'case', checks });
  }
  return { cases, problems };
}

function nthIndex(text: string, look: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(look, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort().map((f) => join(DIR, f));
const compiled = loadCompiled(undefined);

describe('voice cases (tests/fixtures/voice)', () => {
  it('has well-formed case files', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((f) => readCases(f).problems)).toEqual([]);
  });

  it('reports a malformed case as file:line with what to fix', () => {
    const file = join(tempDir('voice-cases-'), 'bad.yml');
    writeFileSync(file, 'cases:\n  - why: w\n    text: The group said so.\n    expect:\n      - { look: nowhere, voice: loud, rule: X-NONE }\n  - text: t\n    colour: red\n    expect: []\n');
    expect(readCases(file).problems).toEqual([
      `${file}:5: "nowhere" (occurrence 1) is not in the text`,
      `${file}:5: "voice" must be author, quoted or attributed, found "loud"`,
      `${file}:5: rule "X-NONE" is not a rule id of docs/voice.md`,
      `${file}:6: unknown field "colour"; allowed: why, text, expect, level, outlet`,
      `${file}:6: "why" must say what the case shows`,
      `${file}:6: "expect" must list one or more { look, voice } checks`,
    ]);
  });

  for (const file of files) {
    const { cases } = readCases(file);
    if (cases.length === 0) continue; // a broken file fails "has well-formed case files" with its problems
    describe(file, () => {
      for (const c of cases) {
        it(`${c.why} (line ${c.line})`, () => {
          const tok = tokenize(c.text);
          const self = selfNamesOf(c.outlet, c.text, datelineSpans(c.text, compiled.voice), compiled.voice);
          const reading = explainVoices(c.text, tok.sentences, compiled.voice, self);
          const hits = c.level === 'hit' ? analyzeDocument({ id: 'case', outlet: c.outlet, text: c.text, source: { file }, meta: {} }, compiled).hits : [];
          for (const check of c.checks) {
            const start = nthIndex(c.text, check.look, check.occurrence);
            const end = start + check.look.length;
            const where = `${file}:${check.line} "${check.look}" in: ${c.text}`;
            let voice: Voice;
            if (c.level === 'hit') {
              const hit = hits.find((h) => h.start < end && h.end > start);
              expect(hit, `${where}: no label found there`).toBeDefined();
              voice = hit?.voice as Voice;
            } else voice = voiceAt(reading.spans, start, end);
            expect(voice, where).toBe(check.voice);
            if (check.rule) {
              const rules = reading.rules.filter((r) => r.start <= start && r.end >= end).map((r) => r.rule);
              expect(rules, `${where}: the rule that covers it`).toContain(check.rule);
            }
          }
        });
      }
    });
  }
});
