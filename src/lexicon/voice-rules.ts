/**
 * Loads and validates the voice vocabulary (YAML, format "framelens.voice/1", default lexicons/voice.yml, specified in
 * docs/voice.md): the reporting verbs, speech-tag verbs, document nouns, kickers, titles and numeric windows that the
 * voice rules (src/analysis/voice/) and the context rules read. Verbs and nouns are written once in their base form
 * and inflected by the lexicon's own inflection code, so the rules never disagree about which forms a verb has.
 * Validation collects every problem with file, line and column, like the lexicon loader.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import type { LexiconSource } from '../types.js';
import { packageRoot } from '../paths.js';
import { LexiconError, type LexiconProblem } from './errors.js';
import { inflections } from './inflect.js';

export const VOICE_FORMAT = 'framelens.voice/1';

/**
 * How the words of a list are expanded: `verbs` get every inflected form, `finite` the forms without -ing, `nouns`
 * their plurals, `words` nothing; `phrases` are "verb preposition" pairs whose verb gets every form ("warned of");
 * `terms` are one or two words used as written ("along with", "alongside").
 */
type ListKind = 'verbs' | 'finite' | 'nouns' | 'words' | 'phrases' | 'terms';

/** The lists of the file: YAML key, name in VoiceWords, expansion. docs/voice.md says which rule reads which. */
const LISTS = [
  ['reporting_verbs', 'reporting', 'verbs'],
  ['reporting_phrases', 'reportingPhrases', 'phrases'],
  ['zero_that_verbs', 'zeroThat', 'verbs'],
  ['goal_verbs', 'goalVerbs', 'verbs'],
  ['tag_verbs', 'tag', 'finite'],
  ['noun_forms', 'nounForms', 'words'],
  ['sequence_openers', 'sequenceOpeners', 'words'],
  ['document_nouns', 'documentNouns', 'nouns'],
  ['speech_nouns', 'speechNouns', 'nouns'],
  ['document_labels', 'documentLabels', 'nouns'],
  ['narration_cues', 'narrationCues', 'words'],
  ['passive_reporting', 'passiveReporting', 'verbs'],
  ['object_verbs', 'objectVerbs', 'verbs'],
  ['as_verbs', 'asVerbs', 'verbs'],
  ['condemn_verbs', 'condemn', 'verbs'],
  ['call_verbs', 'call', 'verbs'],
  ['call_particles', 'callParticles', 'words'],
  ['blame_verbs', 'blame', 'verbs'],
  ['responsibility_verbs', 'responsibilityVerbs', 'verbs'],
  ['responsibility_words', 'responsibilityWords', 'words'],
  ['demand_verbs', 'demand', 'verbs'],
  ['accuse_verbs', 'accuse', 'verbs'],
  ['prepositional_verbs', 'prepositional', 'phrases'],
  ['phrase_prepositions', 'phrasePrepositions', 'words'],
  ['phrase_intensifiers', 'phraseIntensifiers', 'words'],
  ['directive_verbs', 'directive', 'verbs'],
  ['appeal_verbs', 'appeal', 'verbs'],
  ['happening_nouns', 'happeningNouns', 'nouns'],
  ['vow_verbs', 'vow', 'verbs'],
  ['content_verbs', 'content', 'verbs'],
  ['not_content_objects', 'notContentObjects', 'words'],
  ['claim_participles', 'claimParticiples', 'verbs'],
  ['passive_framing', 'passiveFraming', 'verbs'],
  ['adjuncts', 'adjuncts', 'words'],
  ['told_objects', 'toldObjects', 'words'],
  ['after_tag_adjuncts', 'afterTagAdjuncts', 'words'],
  ['vow_clause_end', 'vowClauseEnd', 'words'],
  ['occasion_nouns', 'occasionNouns', 'words'],
  ['discourse_adjectives', 'discourseAdjectives', 'words'],
  ['number_words', 'numberWords', 'words'],
  ['figure_nouns', 'figureNouns', 'nouns'],
  ['perspective_nouns', 'perspectiveNouns', 'nouns'],
  ['kickers', 'kickers', 'words'],
  ['speaker_nouns', 'speakerNouns', 'nouns'],
  ['titles', 'titles', 'words'],
  ['interview_verbs', 'interview', 'verbs'],
  ['question_verbs', 'questionVerbs', 'verbs'],
  ['speaker_subject_verbs', 'speakerSubjectVerbs', 'verbs'],
  ['speaker_subjects', 'speakerSubjects', 'nouns'],
  // Lists that were word sets in the rules' code until voice 1.15.0 (docs/voice.md, "Vocabulary in this file and
  // word tables in code"). Written out form by form, as the rules read them.
  ['not_finite_words', 'notFinite', 'words'],
  ['clause_openers', 'clauseOpeners', 'words'],
  ['irregular_past', 'irregularPast', 'words'],
  ['noun_clause_links', 'nounClauseLinks', 'words'],
  ['insert_verbs', 'insertVerbs', 'words'],
  ['speech_past_forms', 'speechPast', 'words'],
  ['time_nouns', 'timeNouns', 'words'],
  ['source_kickers', 'sourceKickers', 'words'],
  ['self_fillers', 'selfFillers', 'words'],
  ['edition_words', 'editionWords', 'words'],
  ['government_bodies', 'governmentBodies', 'terms'],
  ['government_self_names', 'governmentSelfNames', 'terms'],
  ['not_done_verbs', 'notDone', 'finite'],
  ['prevent_verbs', 'prevent', 'verbs'],
  ['comment_participles', 'commentParticiples', 'verbs'],
  ['additive_openers', 'additiveOpeners', 'terms'],
  ['as_as_words', 'asAs', 'words'],
  ['subject_gap_words', 'subjectGap', 'words'],
  ['relative_gap_words', 'relativeGap', 'words'],
  ['hedge_adverbs', 'hedgeAdverbs', 'words'],
  ['hedge_verbs', 'hedgeVerbs', 'verbs'],
  ['not_source_nouns', 'notSources', 'words'],
  ['source_plurals', 'sourcePlurals', 'words'],
  ['source_participles', 'sourceParticiples', 'words'],
  ['fronted_openers', 'frontedOpeners', 'words'],
  ['rank_words', 'rankWords', 'words'],
  ['figure_modifiers', 'figureModifiers', 'words'],
  ['attributive_determiners', 'attributiveDeterminers', 'words'],
  ['attributive_quantifiers', 'attributiveQuantifiers', 'words'],
  ['order_adjectives', 'orderAdjectives', 'words'],
  ['cue_fillers', 'cueFillers', 'words'],
] as const;

export type VoiceListName = (typeof LISTS)[number][1];
/** Every word form of every list, lowercase. */
export type VoiceWords = { readonly [K in VoiceListName]: ReadonlySet<string> };

const WINDOWS = [
  ['that', 'that'], ['object_that', 'objectThat'], ['object', 'object'], ['as', 'as'], ['accuse', 'accuse'],
  ['vow', 'vow'], ['directive', 'directive'], ['call', 'call'], ['clause', 'clause'], ['passive_by', 'passiveBy'],
  ['perspective', 'perspective'], ['tag_subject', 'tagSubject'], ['tag_adjunct', 'tagAdjunct'], ['tag_adjunct_chain', 'tagAdjunctChain'],
  ['headline_speaker', 'headlineSpeaker'], ['dateline_chars', 'datelineChars'], ['fragment', 'fragment'],
  ['parenthetical', 'parenthetical'], ['adjunct', 'adjunct'],
  // Windows that were constants in the rules' code until voice 1.15.0.
  ['bare_source', 'bareSource'], ['fragment_chars', 'fragmentChars'], ['relative_subject', 'relativeSubject'],
  ['framing_relative_subject', 'framingRelativeSubject'], ['series_item', 'seriesItem'], ['document_label', 'documentLabel'],
  ['run_in', 'runIn'], ['noun_clause', 'nounClause'], ['label_words', 'labelWords'], ['qa_opening', 'qaOpening'],
  ['qa_opening_chars', 'qaOpeningChars'], ['qa_question_chars', 'qaQuestionChars'], ['subject_gap', 'subjectGap'],
  ['relative_gap', 'relativeGap'], ['sequence_comma', 'sequenceComma'],
  // Session 23.
  ['directive_names', 'directiveNames'],
] as const;
export type VoiceWindows = { readonly [K in (typeof WINDOWS)[number][1]]: number };

const CONTEXT = [
  ['cue_reach', 'cueReach'], ['antecedent_sentences', 'antecedentSentences'], ['salience_factor', 'salienceFactor'],
  ['scare_quote_max_words', 'scareQuoteMaxWords'], ['look_back_mentions', 'lookBackMentions'], ['apposition_words', 'appositionWords'],
  ['speaker_sentences', 'speakerSentences'], ['compete_ratio', 'competeRatio'], ['scene_actors', 'sceneActors'],
  ['casualty_reach', 'casualtyReach'],
  // Windows that were constants in analyze.ts until voice 1.15.0.
  ['own_speaker_reach', 'ownSpeakerReach'], ['subject_reach', 'subjectReach'], ['credit_chars', 'creditChars'],
  ['title_capitalised_words', 'titleCapitalisedWords'], ['title_modifiers', 'titleModifiers'], ['command_name_words', 'commandNameWords'],
] as const;
/** Windows of the context rules (analyze.ts): distancing and negation reach, antecedents, scare quotes. */
export type ContextWindows = { readonly [K in (typeof CONTEXT)[number][1]]: number };

export interface VoiceRules {
  /** Name, version and sha256 of the file: reports and the cache key carry it like a lexicon's. */
  source: LexiconSource;
  words: VoiceWords;
  /**
   * Every word that can start a forward cue (the verb lists of the forward rules, "according", "read"): most words
   * of a text are in none, and one lookup here lets the rules skip them.
   */
  forwardCues: ReadonlySet<string>;
  windows: VoiceWindows;
  context: ContextWindows;
}

const TOP_KEYS = new Set(['format', 'name', 'version', 'language', 'description', 'windows', 'context', ...LISTS.map((l) => l[0])]);
/**
 * A list item: one lowercase word (letters, digits, apostrophe, hyphen; accented letters allowed), or the possessive
 * ending "'s" alone (self_fillers).
 */
const WORD_RE = /^(?:['’]s|[\p{Ll}\p{N}][\p{Ll}\p{N}'’-]*)$/u;
/** An item of a term list: one or two lowercase words. */
const TERM_RE = /^[\p{Ll}\p{N}][\p{Ll}\p{N}'’-]*(?: [\p{Ll}\p{N}][\p{Ll}\p{N}'’-]*)?$/u;
/** An item of a phrase list: a verb and a preposition. */
const PHRASE_RE = /^[a-z]+ [a-z]+$/;

type Path = Array<string | number>;

function position(doc: YamlDocument, lines: LineCounter, path: Path): { line?: number; column?: number } {
  for (let k = path.length; k >= 0; k--) {
    const node = k === 0 ? doc.contents : doc.getIn(path.slice(0, k), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const { line, col } = lines.linePos(range[0]);
      return { line, column: col };
    }
  }
  return {};
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The forms a list word stands for, by the list's kind. */
function expand(word: string, kind: ListKind): string[] {
  if (kind === 'words' || kind === 'terms') return [word];
  if (kind === 'phrases') {
    const [verb, preposition] = word.split(' ');
    return [verb, ...inflections(verb, true)].map((form) => `${form} ${preposition}`);
  }
  const forms = inflections(word, kind === 'verbs' || kind === 'finite');
  if (kind === 'verbs') return [word, ...forms];
  if (kind === 'finite') return [word, ...forms.filter((f) => !f.endsWith('ing'))];
  return [word, ...forms.filter((f) => f.endsWith('s'))];
}

/** Parses voice rules from text. Throws LexiconError listing every problem with file:line:column. */
export function parseVoiceRules(text: string, file = '<voice rules>', sha256 = createHash('sha256').update(text).digest('hex')): VoiceRules {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: LexiconProblem[] = [];
  const error = (path: Path, message: string): void => {
    problems.push({ file, ...position(doc, lines, path), message });
  };
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      problems.push({ file, line: pos.line, column: pos.col, message: `YAML syntax: ${e.message.split('\n')[0]}` });
    }
    throw new LexiconError(problems);
  }
  if (!isMap(doc.contents)) {
    throw new LexiconError([{ file, line: 1, column: 1, message: `voice rules must be a YAML mapping with "format: ${VOICE_FORMAT}", the word lists, "windows" and "context"` }]);
  }
  const data = doc.toJS() as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.has(key)) error([key], `unknown field "${key}" in the voice rules; allowed: ${[...TOP_KEYS].join(', ')}`);
  }
  if (data.format !== VOICE_FORMAT) {
    error(data.format === undefined ? [] : ['format'], `"format" must be "${VOICE_FORMAT}", found ${describe(data.format)}`);
  }
  const str = (key: string): string => {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number') return String(value);
    error(value === undefined ? [] : [key], `missing or empty "${key}": give a string`);
    return '';
  };
  const name = str('name');
  const version = str('version');

  const words = {} as Record<VoiceListName, Set<string>>;
  for (const [key, listName, kind] of LISTS) {
    const set = new Set<string>();
    words[listName] = set;
    const value = data[key];
    if (!Array.isArray(value)) {
      error(value === undefined ? [] : [key], `"${key}" must be a list of lowercase words, found ${describe(value)}`);
      continue;
    }
    const seen = new Set<string>();
    value.forEach((item, i) => {
      const re = kind === 'phrases' ? PHRASE_RE : kind === 'terms' ? TERM_RE : WORD_RE;
      if (typeof item !== 'string' || !re.test(item)) {
        const what = kind === 'phrases' ? 'a lowercase verb and one more word ("warn of", "point out")'
          : kind === 'terms' ? 'one or two lowercase words ("alongside", "along with")' : 'one lowercase word';
        error([key, i], `item ${i + 1} of "${key}" must be ${what}, found ${describe(item)}`);
        return;
      }
      if (seen.has(item)) error([key, i], `"${item}" is listed twice in "${key}"`);
      seen.add(item);
      for (const form of expand(item.replace(/’/g, "'"), kind)) set.add(form);
    });
  }

  /** A section of positive numbers; every key of `spec` is required, keys in `fractional` may be non-integers. */
  const numbers = (
    section: string, spec: readonly (readonly [string, string])[], fractional: ReadonlySet<string>, zeroMeansOff: ReadonlySet<string> = new Set(),
  ): Record<string, number> => {
    const out: Record<string, number> = {};
    const value = data[section];
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      error(value === undefined ? [] : [section], `"${section}" must be a mapping of ${spec.map((s) => s[0]).join(', ')}`);
      return out;
    }
    const obj = value as Record<string, unknown>;
    const known = new Set(spec.map((s) => s[0] as string));
    for (const key of Object.keys(obj)) {
      if (!known.has(key)) error([section, key], `unknown window "${key}" in "${section}"; allowed: ${[...known].join(', ')}`);
    }
    for (const [key, prop] of spec) {
      const n = obj[key];
      const whole = !fractional.has(key);
      const off = zeroMeansOff.has(key);
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || (n === 0 && !off) || (whole && !Number.isInteger(n))) {
        error(n === undefined ? [section] : [section, key],
          `"${section}.${key}" must be a ${off ? 'number ≥ 0 (0: off)' : `positive ${whole ? 'whole number' : 'number'}`}, found ${describe(n)}`);
        continue;
      }
      out[prop] = n;
    }
    return out;
  };
  const windows = numbers('windows', WINDOWS, new Set()) as VoiceWindows;
  const context = numbers('context', CONTEXT, new Set(['salience_factor', 'compete_ratio']), new Set(['compete_ratio', 'scene_actors'])) as ContextWindows;
  // Noun forms leave every verb list: "state" reports nothing in "the Jewish state is …".
  for (const [, listName, kind] of LISTS) {
    if (kind === 'verbs' || kind === 'finite') for (const form of words.nounForms) words[listName].delete(form);
  }
  if (problems.length) throw new LexiconError(problems);
  const description = typeof data.description === 'string' ? data.description.trim() : undefined;
  const forwardCues = new Set(['according', 'read', 'reads']);
  for (const list of [words.prepositional, words.reportingPhrases]) for (const phrase of list) forwardCues.add(phrase.slice(0, phrase.indexOf(' ')));
  for (const list of [words.reporting, words.zeroThat, words.accuse, words.passiveFraming, words.call, words.asVerbs,
    words.condemn, words.blame, words.responsibilityVerbs, words.demand, words.directive, words.appeal, words.vow, words.content, words.speechNouns,
    words.questionVerbs]) for (const w of list) forwardCues.add(w);
  return {
    source: { name, version, sha256, file, description },
    words,
    forwardCues,
    windows,
    context,
  };
}

/** Loads voice rules from a file. Throws LexiconError naming the file (and line, for content problems). */
export function loadVoiceRules(file: string): VoiceRules {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : String((err as Error).message);
    throw new LexiconError([{ file, message: `cannot read voice rules: ${why}; check the --voice-rules path` }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LexiconError([{ file, message: 'not valid UTF-8: save the voice rules as UTF-8 text' }]);
  }
  return parseVoiceRules(text.replace(/^\uFEFF/, ''), file, createHash('sha256').update(bytes).digest('hex'));
}

/** The voice rules shipped with framelens (lexicons/voice.yml). */
export function defaultVoiceRulesPath(): string {
  return join(packageRoot(), 'lexicons', 'voice.yml');
}

let defaults: VoiceRules | undefined;
/** The default voice rules, read once per process. */
export function defaultVoiceRules(): VoiceRules {
  defaults ??= loadVoiceRules(defaultVoiceRulesPath());
  return defaults;
}
