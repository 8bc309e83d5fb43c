/** The voice vocabulary as data: lexicons/voice.yml, its loader, validation, inflection and hashing. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultVoiceRules, defaultVoiceRulesPath, loadVoiceRules, parseVoiceRules } from '../../src/lexicon/voice-rules.js';
import { LexiconError } from '../../src/lexicon/errors.js';
import { thrownBy } from '../helpers/errors.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { parseLexicon } from '../../src/lexicon/load.js';
import { cacheKey } from '../../src/pipeline.js';
import { runCli } from '../helpers/cli.js';
import type { Report } from '../../src/report/build.js';
import { tempDir } from '../helpers/temp.js';

const shipped = readFileSync(defaultVoiceRulesPath(), 'utf8');

const problemsOf = (text: string): string => thrownBy(LexiconError, () => parseVoiceRules(text, 'v.yml')).message;

describe('voice rules: the shipped file', () => {
  it('loads with a name, version and sha256, and inflects verbs through the lexicon code', () => {
    const rules = defaultVoiceRules();
    expect(rules.source).toMatchObject({ name: 'voice', version: '1.15.9' });
    expect(rules.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { reporting, tag, asVerbs, directive, documentNouns } = rules.words;
    for (const w of ['disclosed', 'discloses', 'assessed', 'emphasized', 'emphasised', 'told', 'wrote', 'said']) expect(reporting.has(w), w).toBe(true);
    expect(directive.has('implores')).toBe(true);
    expect(asVerbs.has('characterises')).toBe(true);
    expect(documentNouns.has('statements')).toBe(true);
    // A speech tag ends a sentence with a finite verb: "…, saying …" is no tag.
    expect(tag.has('said')).toBe(true);
    expect(tag.has('saying')).toBe(false);
  });

  it('exposes the windows of the voice and context rules, typed', () => {
    const { windows, context } = defaultVoiceRules();
    expect(windows.that).toBeGreaterThan(0);
    expect(context).toEqual({ cueReach: 3, antecedentSentences: 3, salienceFactor: 2, scareQuoteMaxWords: 4, lookBackMentions: 64, appositionWords: 3, speakerSentences: 4, competeRatio: 0, sceneActors: 2, casualtyReach: 12,
      ownSpeakerReach: 8, subjectReach: 3, creditChars: 60, titleCapitalisedWords: 2, titleModifiers: 2, commandNameWords: 2 });
  });
});

describe('voice rules: validation names file and line', () => {
  it('reports an unknown field, a bad item, a duplicate and a bad window with file:line', () => {
    const broken = shipped
      .replace('kickers: [analysis,', 'kickerz: [x]\nkickers: [analysis,')
      .replace('titles: [adm,', 'titles: [Adm, adm, adm,')
      .replace('  that: 8 ', '  that: -1 ');
    const message = problemsOf(broken);
    const lineOf = (needle: string) => broken.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(message).toMatch(new RegExp(`v\\.yml:${lineOf('kickerz')}:\\d+: unknown field "kickerz"`));
    expect(message).toContain(`v.yml:${lineOf('titles: [Adm')}:`);
    expect(message).toContain('item 1 of "titles" must be one lowercase word, found string "Adm"');
    expect(message).toContain('"adm" is listed twice in "titles"');
    expect(message).toContain(`v.yml:${lineOf('that: -1')}:`);
    expect(message).toContain('"windows.that" must be a positive whole number, found number -1');
  });

  it('takes compete_ratio 0 as off and refuses a negative one', () => {
    expect(parseVoiceRules(shipped.replace(/^ {2}compete_ratio: [^ ]+/m, '  compete_ratio: 0.5'), 'v.yml').context.competeRatio).toBe(0.5);
    expect(problemsOf(shipped.replace(/^ {2}compete_ratio: [^ ]+/m, '  compete_ratio: -1'))).toContain('"context.compete_ratio" must be a number ≥ 0 (0: off), found number -1');
    // Any other window stays positive.
    expect(problemsOf(shipped.replace(/^ {2}salience_factor: [^ ]+/m, '  salience_factor: 0'))).toContain('"context.salience_factor" must be a positive number, found number 0');
  });

  it('reports a missing list, a missing window and a wrong format', () => {
    const message = problemsOf(shipped.replace(/^tag_verbs:[^\n]*\n(  [^\n]*\n)*/m, '').replace(/^ {2}cue_reach:[^\n]*\n/m, '').replace('framelens.voice/1', 'voice/0'));
    expect(message).toContain('"tag_verbs" must be a list of lowercase words, found nothing');
    expect(message).toContain('"context.cue_reach" must be a positive whole number, found nothing');
    expect(message).toContain('"format" must be "framelens.voice/1"');
  });

  it('reports YAML syntax errors with their line and a missing file by name', () => {
    expect(problemsOf('format: [unclosed\n')).toMatch(/^v\.yml:\d+:\d+: YAML syntax/);
    expect(() => loadVoiceRules('/nonexistent/voice.yml')).toThrow(/\/nonexistent\/voice\.yml: cannot read voice rules: file not found; check the --voice-rules path/);
  });
});

describe('voice rules: hashed into the compiled lexicon, reports and cache key', () => {
  const lexicon = parseLexicon('lexicon: t\nversion: "1"\nreferents: [{id: r}]\nlabels: [{id: l, referent: r, category: c, weight: 0, rationale: x, patterns: [word]}]\n', 't.yml');

  it('lists the voice rules among the sources and changes the cache key when they change', () => {
    const dir = tempDir('voice-rules-');
    const file = join(dir, 'voice.yml');
    writeFileSync(file, shipped.replace(/^version: .*$/m, 'version: 9.9.9').replace('kickers: [analysis,', 'kickers: [dispatch, analysis,'));
    const custom = loadVoiceRules(file);
    expect(custom.words.kickers.has('dispatch')).toBe(true);
    const a = compileLexicon(lexicon);
    const b = compileLexicon(lexicon, custom);
    expect(a.lexicon.sources.map((s) => s.name)).toEqual(['t', 'voice']);
    expect(b.lexicon.sources[1]).toMatchObject({ name: 'voice', version: '9.9.9', file });
    expect(cacheKey(a)).not.toBe(cacheKey(b));
    expect(lexicon.sources).toHaveLength(1);
  });
});

describe('voice rules: --voice-rules on the command line', () => {
  it('analyzes with the given rules, names them in the report, and reports a broken file by line', async () => {
    const dir = tempDir('voice-cli-');
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'a.md'), '---\noutlet: Test Wire\n---\nThe occupation forces will leave, the group insisted.\n');
    // Without "insist" among the tag verbs the trailing tag is not read: the label stays the outlet's own.
    const custom = join(dir, 'voice.yml');
    writeFileSync(custom, shipped.replace(/^version: .*$/m, 'version: 2.0.0-test')
      .replace(/^(tag_verbs: \[[^\]]*?)\binsist, /ms, '$1'));
    const hitVoice = async (extra: string[]) => {
      const run = await runCli(['analyze', corpus, '--format', 'json', '--resamples', '50', ...extra]);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as Report;
      const hit = report.documents[0].hits?.find((h) => h.text.includes('occupation'));
      expect(hit, JSON.stringify(report.documents[0])).toBeDefined();
      return { report, voice: hit?.voice };
    };
    const shippedRun = await hitVoice([]);
    expect(shippedRun.voice).toBe('attributed');
    expect(shippedRun.report.lexicons.map((l) => l.name)).toEqual(['conflict', 'voice']);
    const customRun = await hitVoice(['--voice-rules', custom]);
    expect(customRun.voice).toBe('author');
    expect(customRun.report.lexicons[1]).toMatchObject({ name: 'voice', version: '2.0.0-test' });

    const broken = join(dir, 'broken.yml');
    writeFileSync(broken, shipped.replace('  that: 8 ', '  that: eight '));
    const run = await runCli(['analyze', corpus, '--voice-rules', broken]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: "windows.that" must be a positive whole number`));
  });
});
