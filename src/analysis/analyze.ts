/**
 * analyzeDocument: the pure heart of framelens. Text in, hits out, no I/O.
 *
 * Steps: tokenize (guarded) → match the compiled lexicon → assign voice → apply devices (distancing, negation,
 * scare quotes) → resolve context labels ("the regime") → attach attribution verbs and hedges to referents.
 */
import type {
  DeviceEntry, DeviceHit, DocAnalysis, Document, Hit, LabelEntry, NameEntry, NameHit, Span, Voice, VoiceSpan,
} from '../types.js';
import { tokenize, type Units } from '../nlp/nlp.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { findMatches, type Match } from './match.js';
import { findVoiceSpans, quoteSpans, voiceAt } from './voice.js';
import { datelineSpans as datelineSpansOf } from './voice/dateline.js';
import { quotedFragment } from './voice/fragment.js';
import { defaultVoiceRules, type VoiceRules } from '../lexicon/voice-rules.js';

/** How many units may stand between a distancing or negation cue and the label it applies to. */
const CUE_REACH = 3;
/** A context label ("the regime") looks back this many sentences for its antecedent. */
const ANTECEDENT_SENTENCES = 3;
/** A farther referent wins over the nearest only when it is this many times as salient in reach. */
const SALIENCE_FACTOR = 2;
/** Words that may stand between a distancing or negation cue and the label it governs. */
const FILLER_WORDS = new Set([
  'a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'that', 'those', 'such',
  'be', 'being', 'been', 'is', 'are', 'was', 'were', 'merely', 'simply', 'just', 'really', 'actually', 'truly',
  'any', 'more', 'longer', 'so',
]);
/** A quotation of at most this many words around a label or name, not speech, is a scare quote. */
const SCARE_QUOTE_MAX_WORDS = 4;

interface Mention {
  referent: string;
  start: number;
  startUnit: number;
  /** One past the mention's last unit. */
  endUnit: number;
  sentence: number;
  /** Folded head word (last unit) of the mention, to block "the Syrian regime … the regime" from resolving. */
  head: string;
}

export function analyzeDocument(doc: Document, compiled: CompiledLexicon): DocAnalysis {
  const text = doc.text;
  const tok = tokenize(text);
  const units = tok.units;
  const matches = findMatches(text, units, compiled);
  // Reported speech is looked for only in sentences that hold a match: the voices of all hits are the same as from a
  // full reading, at a fraction of the cost (kwic.ts reads a whole document when it needs other words' voices).
  const quotes = quoteSpans(text, compiled.voice);
  const voiceSpans: VoiceSpan[] = findVoiceSpans(text, tok.sentences, matches, quotes, compiled.voice);
  // Only short quotations can be scare quotes; keeping just those makes the per-hit check cheap.
  const shortQuotes = quotes.filter((q) => q.words <= SCARE_QUOTE_MAX_WORDS);
  const warnings: string[] = [];
  const mismatch = languageMismatch(doc.language, compiled);
  if (mismatch) warnings.push(mismatch);
  if (tok.runsCut > 0) {
    warnings.push(`${tok.runsCut} run(s) of more than 100 characters without spaces were split before tokenizing (offsets unchanged)`);
  }

  const datelines = datelineSpans(text, compiled.voice);
  const inDateline = (m: Match): boolean => datelines.some((d) => m.start >= d.start && m.end <= d.end);
  const voiceOf = (m: Match): Voice => voiceAt(voiceSpans, m.start, m.end);
  const sentenceOf = (m: Match): number => units.sentence[m.startUnit];

  const deviceMatches = matches.filter((m) => m.entry.kind === 'device');
  const distancingEnds = new Map<number, Match>();
  const negationEnds = new Map<number, Match>();
  for (const m of deviceMatches) {
    const type = (m.entry as DeviceEntry).type;
    if (type === 'distancing') distancingEnds.set(m.endUnit, m);
    else if (type === 'negation') negationEnds.set(m.endUnit, m);
  }

  /**
   * A cue that ends at most CUE_REACH units before the match, in the same sentence, with no punctuation between,
   * and with only filler words between cue and label: articles and possessives, forms of "be", a few adverbs, and
   * (for distancing) capitalised modifiers ("so-called Iraqi Companions of the Cave"). So "are not terrorists" and
   * "no longer an occupation" are negated, but "will not extend to Iraqi resistance groups" is not.
   */
  const cueBefore = (cues: Map<number, Match>, m: Match, allowCapitalised: boolean): Match | undefined => {
    if (cues.size === 0) return undefined;
    for (let gap = 0; gap <= CUE_REACH; gap++) {
      const endUnit = m.startUnit - gap;
      if (endUnit <= 0) break;
      const cue = cues.get(endUnit);
      if (cue) return cue;
      if (units.barrierAfter[endUnit - 1]) break;
      const filler = endUnit - 1;
      const isFiller = FILLER_WORDS.has(units.normal[filler]) ||
        (allowCapitalised && /^\p{Lu}/u.test(text.slice(units.start[filler], units.end[filler])));
      if (!isFiller) break;
    }
    return undefined;
  };

  /** The quotation a match sits in, if that quotation is a scare quote rather than speech. */
  const scareQuote = (m: Match): boolean => {
    for (const q of shortQuotes) {
      if (q.inner.start > m.start) break;
      if (q.inner.end < m.end) continue;
      const innerText = text.slice(q.inner.start, q.inner.end).replace(/[\s.,;:!?]+$/, '').trim();
      if ((m.end - m.start) < innerText.length * 0.6) continue;
      // A short quotation inside reported speech is a partial quote of that speech, not the outlet's scare quote.
      const outside = voiceAt(voiceSpans, Math.max(0, q.start - 1), q.start);
      if (outside !== 'author') continue;
      // Q-FRAGMENT: 'Kataib Hezbollah called the troops "occupiers"' quotes the speaker, whose name stands before it.
      if (quotedFragment(text, q.start, compiled.voice)) continue;
      return true;
    }
    return false;
  };

  const names: NameHit[] = [];
  const hits: Hit[] = [];
  const devices: DeviceHit[] = [];
  const mentions: Mention[] = [];
  const contextLabels: Array<{ hit: Hit; match: Match }> = [];

  for (const m of matches) {
    const surface = text.slice(m.start, m.end);
    const sentence = sentenceOf(m);
    const voice = voiceOf(m);
    const cues: string[] = [];
    const distancing = cueBefore(distancingEnds, m, true);
    if (distancing) cues.push(distancing.entry.id);
    const scare = m.entry.kind !== 'device' && scareQuote(m);
    if (scare) cues.push('scare-quotes');
    const head = units.normal[m.endUnit - 1];

    if (m.entry.kind === 'name') {
      const entry = m.entry as NameEntry;
      names.push({
        name: entry.id, type: entry.type, referent: entry.referent ?? null, start: m.start, end: m.end, text: surface,
        sentence, voice: scare ? 'author' : voice, distanced: cues.length > 0, cues: cues.length ? cues : undefined,
      });
      if (entry.referent) mentions.push({ referent: entry.referent, start: m.start, startUnit: m.startUnit, endUnit: m.endUnit, sentence, head });
    } else if (m.entry.kind === 'label') {
      // "TEHRAN, Jan 5 (Reuters) -" says where the story was filed, not who acted: not a label of Iran.
      if (inDateline(m)) continue;
      const entry = m.entry as LabelEntry;
      const negation = cueBefore(negationEnds, m, false);
      if (negation) cues.push(negation.entry.id);
      const hit: Hit = {
        label: entry.id,
        referent: entry.referent ?? null,
        category: entry.category,
        weight: entry.weight,
        start: m.start,
        end: m.end,
        text: surface,
        sentence,
        voice: scare ? 'author' : voice,
        distanced: Boolean(distancing) || scare,
        negated: Boolean(negation),
        resolution: entry.resolve ? 'unresolved' : 'fixed',
      };
      if (cues.length) hit.cues = cues;
      hits.push(hit);
      if (entry.referent) mentions.push({ referent: entry.referent, start: m.start, startUnit: m.startUnit, endUnit: m.endUnit, sentence, head });
      else if (entry.resolve) contextLabels.push({ hit, match: m });
    } else {
      const entry = m.entry as DeviceEntry;
      const hit: DeviceHit = { device: entry.id, type: entry.type, start: m.start, end: m.end, text: surface, sentence, voice };
      if (entry.weight !== undefined) hit.weight = entry.weight;
      devices.push(hit);
    }
  }

  resolveContextLabels(text, contextLabels, mentions, units, compiled);
  attachDevicesToReferents(devices, hits, names);

  return {
    id: doc.id,
    outlet: doc.outlet,
    title: doc.title,
    date: doc.date,
    url: doc.url,
    event: doc.event,
    words: tok.words,
    tokens: tok.tokens,
    sentences: tok.sentences,
    voiceSpans,
    hits,
    names,
    devices,
    warnings,
  };
}

/**
 * Datelines, by rule D-DATELINE (src/analysis/voice/dateline.ts), the one rule the voice reading uses too: "BAGHDAD
 * (Reuters) -", "Tehran (IRNA) -", "JERUSALEM, Jan 5 (AFP) —" at the start of a line. Returns the span before the
 * dash (place, date, agency).
 */
export function datelineSpans(text: string, rules: VoiceRules = defaultVoiceRules()): Span[] {
  return datelineSpansOf(text, rules.windows.datelineChars);
}

/** A warning when the document says it is in a language none of the lexicons is written for. */
function languageMismatch(language: string | undefined, compiled: CompiledLexicon): string | null {
  if (!language) return null;
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  const lexiconLanguages = compiled.lexicon.sources.map((s) => s.language).filter((l): l is string => Boolean(l));
  if (lexiconLanguages.length === 0 || lexiconLanguages.some((l) => primary(l) === primary(language))) return null;
  return `document language "${language}" is not the lexicon language (${[...new Set(lexiconLanguages)].join(', ')}): most labels will be missed; translate the text or load a lexicon for that language`;
}

/**
 * A context label glued to a name or label takes that referent, before ("Kataib Hezbollah fighters") or after
 * ("Iran-backed Hezbollah"), if it is one the label may name, and is otherwise unresolved. Else it takes the referent
 * of the nearest explicit mention before it (same or previous three sentences) when that referent is one it may name
 * — unless another referent it may name is at least twice as salient in that reach (mentions weighted 1/(1 + how
 * many sentences back)): a story about the Iraqi groups that names "Palestinian resistance fighters" once just
 * before "the resistance actions" still means the Iraqi groups.
 * It stays unresolved when:
 * - a nearer mention has the same head word but another referent ("the Syrian regime … the regime");
 * - it is specified in place: preceded by a capitalised modifier that the lexicon does not know ("the Assad
 *   regime"), or followed by an of-phrase that names no candidate referent ("the regime of the river"); an
 *   of-phrase that does name one resolves it ("an umbrella group of anti-terror fighters");
 * - nothing fitting is in reach (in the first two sentences — a headline or a lead — the next sentence counts as in
 *   reach too, since headlines often name the actor after the label).
 */
function resolveContextLabels(
  text: string,
  contextLabels: Array<{ hit: Hit; match: Match }>, mentions: Mention[], units: Units, compiled: CompiledLexicon,
): void {
  if (contextLabels.length === 0) return;
  mentions.sort((a, b) => a.start - b.start);
  for (const { hit, match } of contextLabels) {
    const entry = compiled.entries.get(hit.label) as LabelEntry;
    const candidates = new Set(entry.resolve ?? []);
    const head = units.normal[match.endUnit - 1];
    const next = match.endUnit < units.count && !units.barrierAfter[match.endUnit - 1] ? units.normal[match.endUnit] : '';
    const prevUnit = match.startUnit - 1;
    const prevGlued = prevUnit >= 0 && !units.barrierAfter[prevUnit];
    // A name or label right before it says whose the label is ("Kataib Hezbollah fighters"); a label right before a
    // name qualifies that name ("Iran-backed Hezbollah").
    const glued = (x: Mention, before: boolean) => before
      ? x.endUnit === match.startUnit && prevGlued
      : x.startUnit === match.endUnit && match.endUnit > 0 && !units.barrierAfter[match.endUnit - 1];
    const adjacent = mentions.find((x) => glued(x, true)) ?? mentions.find((x) => glued(x, false));
    if (adjacent) {
      if (candidates.has(adjacent.referent)) resolveTo(hit, adjacent.referent, mentions, match, head);
      continue;
    }
    const capitalisedModifier = prevGlued && /^\p{Lu}/u.test(text.slice(units.start[prevUnit], units.end[prevUnit])) &&
      units.normal[prevUnit] !== 'the';
    if (capitalisedModifier) continue;
    let lookBack = true;
    if (next === 'of') {
      // "an umbrella group of anti-terror fighters" names its referent in the of-phrase; "the regime of the river"
      // names nobody; "fighters of these two organizations" points back like a pronoun.
      const inPhrase = mentions.find((x) => x.startUnit > match.endUnit && x.startUnit <= match.endUnit + 3 && x.sentence === hit.sentence);
      if (inPhrase && candidates.has(inPhrase.referent)) {
        resolveTo(hit, inPhrase.referent, mentions, match, head);
        continue;
      }
      const determiner = match.endUnit + 1 < units.count ? units.normal[match.endUnit + 1] : '';
      lookBack = !inPhrase && POINTING_DETERMINERS.has(determiner);
    }
    if (!lookBack) continue;
    let blocked = false;
    const salience = new Map<string, number>();
    let nearest: string | null = null;
    for (let k = mentions.length - 1; k >= 0; k--) {
      const mention = mentions[k];
      if (mention.start >= hit.start) continue;
      if (mention.sentence < hit.sentence - ANTECEDENT_SENTENCES) break;
      if (candidates.has(mention.referent)) {
        nearest ??= mention.referent;
        salience.set(mention.referent, (salience.get(mention.referent) ?? 0) + 1 / (1 + hit.sentence - mention.sentence));
        continue;
      }
      if (mention.head === head) {
        blocked = nearest === null;
        break;
      }
    }
    if (nearest !== null) {
      let best = nearest;
      const nearestScore = salience.get(nearest) ?? 0;
      for (const [referent, score] of salience) if (score >= SALIENCE_FACTOR * nearestScore && score > (salience.get(best) ?? 0)) best = referent;
      resolveTo(hit, best, mentions, match, head);
    }
    // A headline or lead names its actor after the label as often as before it ("Resistance groups vow response.
    // Kataib Hezbollah said …"): in the first two sentences, look ahead into the next sentence.
    if (hit.referent === null && !blocked && hit.sentence <= 1) {
      const ahead = mentions.find((x) => x.start > hit.end && x.sentence <= hit.sentence + 1 && candidates.has(x.referent));
      if (ahead) resolveTo(hit, ahead.referent, mentions, match, head);
    }
  }
}

/** Words after "of" that point back to something named before ("fighters of these organizations"). */
const POINTING_DETERMINERS = new Set(['these', 'those', 'this', 'that', 'its', 'their', 'his', 'her', 'such', 'both']);

/**
 * Sets a context label's referent and makes it an antecedent in its own right, so a chain of context labels
 * ("the occupation army … the enemy … the occupation") stays resolved beyond the reach of the first explicit name.
 */
function resolveTo(hit: Hit, referent: string, mentions: Mention[], match: Match, head: string): void {
  hit.referent = referent;
  hit.resolution = 'context';
  const mention: Mention = { referent, start: hit.start, startUnit: match.startUnit, endUnit: match.endUnit, sentence: hit.sentence, head };
  let k = mentions.length;
  while (k > 0 && mentions[k - 1].start > hit.start) k--;
  mentions.splice(k, 0, mention);
}

/** Attribution verbs, hedges and boosters are attached to the nearest referent named before them in the sentence. */
function attachDevicesToReferents(devices: DeviceHit[], hits: Hit[], names: NameHit[]): void {
  if (devices.length === 0) return;
  const anchors = [
    ...hits.filter((h) => h.referent && h.category === 'actor-label').map((h) => ({ referent: h.referent as string, start: h.start, sentence: h.sentence })),
    ...names.filter((n) => n.referent).map((n) => ({ referent: n.referent as string, start: n.start, sentence: n.sentence })),
  ].sort((a, b) => a.start - b.start);
  for (const d of devices) {
    if (d.type === 'negation' || d.type === 'distancing') continue;
    let found: string | null = null;
    for (const a of anchors) {
      if (a.start >= d.start) break;
      if (a.sentence === d.sentence) found = a.referent;
    }
    d.referent = found;
  }
}
