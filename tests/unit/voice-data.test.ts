/**
 * The voice vocabulary that was word sets in the rules' code until voice 1.15.0 (docs/voice.md, "Vocabulary in this
 * file and word tables in code"): each section of lexicons/voice.yml is validated with its line, hashed into the
 * reports and the cache key, and read by its rule (a made-up sentence reads differently without one of its words).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, datelineSpans } from '../../src/analysis/analyze.js';
import { findVoiceSpans, roughSentences, selfNamesOf } from '../../src/analysis/voice.js';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { LexiconError } from '../../src/lexicon/errors.js';
import { thrownBy } from '../helpers/errors.js';
import { parseLexicon } from '../../src/lexicon/load.js';
import { defaultVoiceRulesPath, parseVoiceRules, type VoiceRules } from '../../src/lexicon/voice-rules.js';
import { cacheKey } from '../../src/pipeline.js';

const shipped = readFileSync(defaultVoiceRulesPath(), 'utf8');

/** The sections added in voice 1.15.0. */
const SECTIONS = ['not_finite_words', 'clause_openers', 'irregular_past', 'noun_clause_links', 'insert_verbs',
  'speech_past_forms', 'time_nouns', 'source_kickers', 'self_fillers', 'edition_words', 'not_done_verbs',
  'additive_openers', 'as_as_words', 'subject_gap_words', 'relative_gap_words', 'not_source_nouns', 'source_plurals',
  'source_participles', 'fronted_openers', 'rank_words', 'figure_modifiers', 'cue_fillers'];

/** The windows added in voice 1.15.0, by section. */
const WINDOWS: [string, string][] = [
  ...['bare_source', 'fragment_chars', 'relative_subject', 'framing_relative_subject', 'series_item', 'document_label',
    'run_in', 'noun_clause', 'label_words', 'qa_opening', 'qa_opening_chars', 'qa_question_chars', 'subject_gap',
    'relative_gap', 'sequence_comma'].map((k): [string, string] => ['windows', k]),
  ...['own_speaker_reach', 'subject_reach', 'credit_chars', 'title_capitalised_words', 'title_modifiers',
    'command_name_words'].map((k): [string, string] => ['context', k]),
];

/** The shipped file with the window `key` set to `value`. */
function withWindow(key: string, value: string): string {
  const re = new RegExp(`^(  ${key}: +)[^ #\\n]+`, 'm');
  expect(re.test(shipped), key).toBe(true);
  return shipped.replace(re, `$1${value}`);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The shipped file with `item` put first in the list `key` (YAML flow list on the key's line). */
function withFirst(key: string, item: string): string {
  const head = `\n${key}: [`;
  expect(shipped).toContain(head);
  return shipped.replace(head, `${head}${item}, `);
}

/** The shipped rules without `item` (as written in the file, quotes included) in the list `key`. */
function without(key: string, item: string): VoiceRules {
  const re = new RegExp(`^(${key}: \\[[^\\]]*?)(?<=[\\[ ])${escape(item)}(, |\\])`, 'ms');
  expect(re.test(shipped), `${key} lists ${item}`).toBe(true);
  return parseVoiceRules(shipped.replace(re, (_m, a: string, b: string) => a + (b === ']' ? ']' : '')), 'v.yml');
}

const problemsOf = (text: string): string => thrownBy(LexiconError, () => parseVoiceRules(text, 'v.yml')).message;

describe('voice 1.15.0 sections: validation names the line', () => {
  it.each(SECTIONS)('%s: a malformed entry, a duplicate and a missing section are reported with file:line', (key) => {
    const broken = withFirst(key, 'Bad Entry');
    const line = broken.split('\n').findIndex((l) => l.startsWith(`${key}: [`)) + 1;
    const message = problemsOf(broken);
    expect(message).toMatch(new RegExp(`v\\.yml:${line}:\\d+: item 1 of "${key}" must be one (lowercase word|or two lowercase words)`));
    expect(message).toContain('found string "Bad Entry"');
    const first = /^\[\s*('[^']*'|"[^"]*"|[^,\]]+)/.exec(shipped.slice(shipped.indexOf(`\n${key}: [`) + key.length + 3))![1];
    expect(problemsOf(withFirst(key, first))).toMatch(new RegExp(`v\\.yml:${line}:\\d+: "${escape(first.replace(/^['"]|['"]$/g, ''))}" is listed twice in "${key}"`));
    const gone = shipped.replace(new RegExp(`^${key}: \\[[^\\]]*\\]\\n`, 'm'), '');
    expect(gone).not.toBe(shipped);
    expect(problemsOf(gone)).toContain(`"${key}" must be a list of lowercase words, found nothing`);
  });

  it.each(WINDOWS)('%s.%s: a bad or missing value is reported with file:line', (section, key) => {
    const broken = withWindow(key, '1.5');
    const line = broken.split('\n').findIndex((l) => l.startsWith(`  ${key}: 1.5`)) + 1;
    expect(problemsOf(broken)).toMatch(new RegExp(`v\\.yml:${line}:\\d+: "${section}\\.${key}" must be a positive whole number, found number 1\\.5`));
    expect(problemsOf(shipped.replace(new RegExp(`^  ${key}:[^\\n]*\\n`, 'm'), ''))).toContain(`"${section}.${key}" must be a positive whole number, found nothing`);
  });

  it('takes one or two words in additive_openers, not three, and "\'s" alone in self_fillers', () => {
    expect(parseVoiceRules(withFirst('additive_openers', 'in addition'), 'v.yml').words.additiveOpeners.has('in addition')).toBe(true);
    expect(problemsOf(withFirst('additive_openers', 'in addition to'))).toContain('item 1 of "additive_openers" must be one or two lowercase words');
    expect(problemsOf(withFirst('edition_words', 'two words'))).toContain('item 1 of "edition_words" must be one lowercase word');
    expect(parseVoiceRules(shipped, 'v.yml').words.selfFillers.has("'s")).toBe(true);
  });

  it('inflects not_done_verbs without -ing forms', () => {
    const { notDone } = parseVoiceRules(shipped, 'v.yml').words;
    expect([...notDone].sort()).toEqual(['decline', 'declined', 'declines', 'fail', 'failed', 'fails', 'refuse', 'refused', 'refuses']);
  });
});

describe('voice 1.15.0 sections: hashed into the report sources and the cache key', () => {
  const lexicon = parseLexicon('lexicon: t\nversion: "1"\nreferents: [{id: r}]\nlabels: [{id: l, referent: r, category: c, weight: 0, rationale: x, patterns: [word]}]\n', 't.yml');
  const base = parseVoiceRules(shipped, 'v.yml');
  const baseKey = cacheKey(compileLexicon(lexicon, base));
  it.each(SECTIONS)('%s: a new entry changes the sha256 and the cache key', (key) => {
    const changed = parseVoiceRules(withFirst(key, 'zzword'), 'v.yml');
    expect(changed.source.sha256).not.toBe(base.source.sha256);
    expect(cacheKey(compileLexicon(lexicon, changed))).not.toBe(baseKey);
  });
  it.each(WINDOWS)('%s.%s: a new value changes the sha256 and the cache key', (_section, key) => {
    const changed = parseVoiceRules(withWindow(key, '97'), 'v.yml');
    expect(changed.source.sha256).not.toBe(base.source.sha256);
    expect(cacheKey(compileLexicon(lexicon, changed))).not.toBe(baseKey);
  });
});

/** The attributed texts of a made-up text under `rules`; `outlet` names the document's outlet (S-SELF). */
function attributed(text: string, rules: VoiceRules, outlet?: string): string[] {
  const self = outlet ? selfNamesOf(outlet, text, datelineSpans(text, rules), rules) : undefined;
  return findVoiceSpans(text, roughSentences(text), undefined, undefined, rules, self)
    .filter((s) => s.voice === 'attributed').map((s) => text.slice(s.start, s.end));
}

describe('voice 1.15.0 sections: each is read by its rule', () => {
  const shippedRules = parseVoiceRules(shipped, 'v.yml');
  // [section, entry as written in the file, made-up text, outlet, attributed with the shipped file]; without the
  // entry the reading changes.
  const cases: [string, string, string, string | undefined, string[]][] = [
    ['not_done_verbs', 'fail', 'The group failed to say that the occupiers left.', undefined, []],
    ['additive_openers', 'along with', 'The minister described the regime, along with its allies, as occupiers of the land.', undefined, ['the regime, along with its allies, as occupiers of the land']],
    ['as_as_words', 'soon', 'The envoy described the talks as soon as he arrived.', undefined, []],
    ['source_kickers', 'sources', 'Occupation forces to leave the base soon: Sources\n\nThe base is large.', undefined, ['Occupation forces to leave the base soon']],
    ['self_fillers', 'report', 'According to a report by Test Wire, the occupiers left the base.', 'Test Wire', []],
    ['not_source_nouns', 'agreement', 'The occupation forces withdrew from the base according to the agreement.', undefined, []],
    ['source_plurals', 'officials', 'The occupation forces withdrew from the base according to officials.', undefined, ['The occupation forces withdrew from the base']],
    ['source_participles', 'reported', 'The occupation forces withdrew from the base, as reported by the ministry.', undefined, ['The occupation forces withdrew from the base']],
    ['irregular_past', 'struck', 'It hit bases which the group said struck the occupiers.', undefined, ['struck the occupiers']],
    ['noun_clause_links', 'earlier', 'The announcement earlier that the occupiers had left surprised many.', undefined, ['the occupiers had left surprised many']],
    ['insert_verbs', 'claimed', 'The group said the strikes that Israel claimed had killed fighters hit civilians.', undefined, ['the strikes', 'had killed fighters hit civilians']],
    ['speech_past_forms', 'said', 'Saree said the occupiers must leave, he added.', undefined, ['the occupiers must leave']],
    ['subject_gap_words', 'yet', 'No group has yet claimed the attack on the occupation forces.', undefined, []],
    ['relative_gap_words', 'already', 'The faction, which had already claimed the attack on the occupation forces, fled.', undefined, []],
    ['rank_words', 'first', 'The occupiers were attacked, officials said, the first such attack in months.', undefined, ['The occupiers were attacked']],
    ['figure_modifiers', 'approximately', 'The strikes killed approximately 40 militants, according to the ministry.', undefined, ['approximately 40 militants']],
    ['edition_words', 'english', 'Test Wire reported that the occupiers left the base.', 'Test Wire English', []],
    ['clause_openers', 'the', 'In Israeli media the militants are heroes.', undefined, ['the militants are heroes']],
    ['time_nouns', 'day', 'He noted that since Oct. 8, a day after the militants\' attack on Israel, the group had fired 900 rockets.', undefined, ['since Oct. 8, a day after the militants\' attack on Israel, the group had fired 900 rockets']],
    ['not_finite_words', 'needed', 'It hit bases which the group said needed repairs.', undefined, []],
    ['fronted_openers', '\'on\'', 'On the aid convoys for the people of Gaza, the spokesman said, “Talks with Cairo are going on.”', undefined, []],
  ];

  it('covers every new section of the voice rules (cue_fillers: below, with the context rules)', () => {
    expect([...new Set(cases.map((c) => c[0]))].sort()).toEqual(SECTIONS.filter((k) => k !== 'cue_fillers').sort());
  });

  it.each(cases)('%s: without %s the reading of %j changes', (key, item, text, outlet, expected) => {
    expect(attributed(text, shippedRules, outlet)).toEqual(expected);
    expect(attributed(text, without(key, item), outlet)).not.toEqual(expected);
  });
});

describe('voice 1.15.2: hedge_adverbs is read by U-AND', () => {
  const shippedRules = parseVoiceRules(shipped, 'v.yml');
  it('without "reportedly" the hedged part after ", but" goes on with the speaker\'s words', () => {
    const text = 'The group said that it targeted a base of the occupiers, but one rocket reportedly struck a house of the occupiers.';
    expect(attributed(text, shippedRules)).toEqual(['it targeted a base of the occupiers']);
    expect(attributed(text, without('hedge_adverbs', 'reportedly'))).not.toEqual(['it targeted a base of the occupiers']);
  });
});

describe('voice 1.15.3: prevent_verbs is read by the negation of every judging and reporting rule', () => {
  const shippedRules = parseVoiceRules(shipped, 'v.yml');
  it.each([
    ['prevent', 'The envoy worked to prevent the council from condemning the occupiers.'],
    ['refrain', 'The council refrained from saying that the occupiers left.'],
  ])('without "%s" the act not done is reported again', (item, text) => {
    expect(attributed(text, shippedRules)).toEqual([]);
    expect(attributed(text, without('prevent_verbs', item))).not.toEqual([]);
  });
});

describe('voice 1.15.3: comment_participles ends a reported clause', () => {
  const shippedRules = parseVoiceRules(shipped, 'v.yml');
  it('without "deal" the comment goes on with the speaker\'s words', () => {
    const text = 'The group said that its chief was killed, dealing a blow to the occupiers.';
    expect(attributed(text, shippedRules)).toEqual(['its chief was killed']);
    expect(attributed(text, without('comment_participles', 'deal'))).not.toEqual(['its chief was killed']);
  });
});

describe('voice 1.15.4: question_verbs open an indirect question (V-HOW)', () => {
  const shippedRules = parseVoiceRules(shipped, 'v.yml');
  it.each([
    ['ask', 'Analysts ask what the occupiers would do next.', ['the occupiers would do next']],
    ['wonder', 'They wonder where the occupiers would go.', ['the occupiers would go']],
  ])('without "%s" the question is the outlet\'s', (item, text, expected) => {
    expect(attributed(text, shippedRules)).toEqual(expected);
    expect(attributed(text, without('question_verbs', item))).toEqual([]);
  });
});

describe('voice 1.15.4: speaker_subjects make "raised concerns about" report', () => {
  const shippedRules = parseVoiceRules(shipped, 'v.yml');
  it('without "analyst" the analysts\' concern is the outlet\'s; without "raise" in speaker_subject_verbs an event reports', () => {
    const text = 'Two analysts raised concerns about the occupiers.';
    expect(attributed(text, shippedRules)).toEqual(['the occupiers']);
    expect(attributed(text, without('speaker_subjects', 'analyst'))).toEqual([]);
    const event = 'The strike raised concerns about the occupiers.';
    expect(attributed(event, shippedRules)).toEqual([]);
    expect(attributed(event, without('speaker_subject_verbs', 'raise'))).toEqual(['the occupiers']);
  });
});

describe('voice 1.15.0 windows: read by their rules', () => {
  const shippedRules = parseVoiceRules(shipped, 'v.yml');
  // [window, a smaller value, made-up text, attributed with the shipped file]; with the smaller value the reading changes.
  const cases: [string, number, string, string[]][] = [
    ['bare_source', 2, 'The occupation forces withdrew from the base according to the Iraqi defence ministry.', ['The occupation forces withdrew from the base']],
    ['noun_clause', 1, 'The announcement by President Joe Biden on Sunday that the occupiers had left surprised many.', ['the occupiers had left surprised many']],
    ['subject_gap', 1, 'No group has yet claimed the attack on the occupation forces.', []],
    ['relative_gap', 1, 'The faction, which had already claimed the attack on the occupation forces, fled.', []],
    ['relative_subject', 1, 'It hit bases which the Israeli army said struck the occupiers.', ['struck the occupiers']],
    ['series_item', 2, 'The minister condemned the strike on the convoy, the siege of the old city of Gaza, and the killing of civilians.',
      ['the strike on the convoy, the siege of the old city of Gaza, and the killing of civilians']],
    ['framing_relative_subject', 1, 'It was an attack which the Biden administration attributed to the militias.', ['to the militias']],
    ['sequence_comma', 1, 'The group said it would strike the occupiers; soon afterward, the occupiers left the base.', ['it would strike the occupiers']],
  ];
  it.each(cases)('%s: %i words read "%s" otherwise', (key, value, text, expected) => {
    expect(attributed(text, shippedRules)).toEqual(expected);
    expect(attributed(text, parseVoiceRules(withWindow(key, String(value)), 'v.yml'))).not.toEqual(expected);
  });
});

describe('voice 1.15.0 context sections: read by the context rules (analyze.ts)', () => {
  const yaml = `lexicon: t
version: "1"
referents: [{ id: armed-groups }]
labels:
  - { id: terrorists, referent: armed-groups, category: actor-label, weight: -2, patterns: [terrorist], rationale: r }
devices:
  - { id: not, type: negation, patterns: [not] }
`;
  const analyze = (text: string, voiceText: string) =>
    analyzeDocument({ id: 'd', outlet: 'o', text, source: { file: 't' }, meta: {} }, compileLexicon(parseLexicon(yaml, 't.yml'), parseVoiceRules(voiceText, 'v.yml'))).hits;

  it('cue_fillers: a filler word between a negation and its label keeps the label negated', () => {
    const text = 'They are not merely terrorists.';
    expect(analyze(text, shipped)[0]).toMatchObject({ label: 'terrorists', negated: true });
    const re = /^(cue_fillers: \[[^\]]*?)merely, /ms;
    expect(re.test(shipped)).toBe(true);
    expect(analyze(text, shipped.replace(re, '$1'))[0]).toMatchObject({ label: 'terrorists', negated: false });
  });

  it('credit_chars: a picture credit opened farther back than the window does not hide the label', () => {
    const text = 'Fighters gathered. (Photo: the camp of the terrorists near the border)';
    expect(analyze(text, shipped)).toEqual([]);
    expect(analyze(text, withWindow('credit_chars', '10')).map((h) => h.label)).toEqual(['terrorists']);
  });
});
