/**
 * analyzeDocument: the pure heart of framelens. Text in, hits out, no I/O.
 *
 * Steps: tokenize (guarded) → match the compiled lexicon → assign voice → apply devices (distancing, negation,
 * scare quotes) → resolve context labels ("the regime") → attach attribution verbs and hedges to referents.
 * Every step visits the matches in text order with moving pointers: the cost is linear in the document's length.
 */
import type {
  DeviceEntry, DeviceHit, DocAnalysis, Document, Hit, LabelEntry, NameEntry, NameHit, Span, Voice, VoiceSpan,
} from '../types.js';
import { tokenize, type Units } from '../nlp/nlp.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { findMatches, OBJECT_STARTS, type Match } from './match.js';
import { findVoiceSpans, quoteSpans, selfNamesOf, voiceAt } from './voice.js';
import type { QuoteSpan } from './quotes.js';
import {
  apposedName, describesUntracked, groupHead, headlineEnd, PERSONAL_POSSESSIVES, resolveContextLabels, sideWordsOf, type ContextLabel, type Mention,
} from './resolve.js';
import { repeatedBlocks } from './repeats.js';
import { namesAgent } from './agency.js';
import { classWords } from './class-words.js';
import { ENGLISH_STOPWORDS } from '../text/stopwords.js';
import { isHyphenGlue } from '../text/hyphens.js';
import { datelineSpans as datelineSpansOf } from './voice/dateline.js';
import { AUXILIARIES, BE_FORMS } from './voice/grammar.js';
import { quotedFragment } from './voice/fragment.js';
import { defaultVoiceRules, type VoiceRules } from '../lexicon/voice-rules.js';

/**
 * The lexicon's class of nouns after a label that make it a source's affiliation, not a label ("Israel's military
 * spokesman", "an Israeli military source said").
 */
const SPOKESPERSON_CLASS = 'spokesperson-noun';

export function analyzeDocument(doc: Document, compiled: CompiledLexicon): DocAnalysis {
  const text = doc.text;
  const tok = tokenize(text);
  const units = tok.units;
  // A headline, caption or paragraph printed twice is read once: matches in later verbatim copies are dropped.
  const repeats = repeatedBlocks(text);
  const matches = dropInside(findMatches(text, units, compiled), repeats.spans);
  // Reported speech is looked for only in sentences that hold a match: the voices of all hits are the same as from a
  // full reading, at a fraction of the cost (kwic.ts reads a whole document when it needs other words' voices).
  const quotes = quoteSpans(text, compiled.voice);
  const datelines = datelineSpans(text, compiled.voice);
  const voiceSpans: VoiceSpan[] = findVoiceSpans(text, tok.sentences, matches, quotes, compiled.voice, selfNamesOf(doc.outlet, text, datelines, compiled.voice));
  // Only short quotations can be scare quotes; keeping just those makes the per-hit check cheap.
  const { cueReach, scareQuoteMaxWords } = compiled.voice.context;
  const shortQuotes = quotes.filter((q) => q.words <= scareQuoteMaxWords);
  const warnings: string[] = [];
  const mismatch = languageMismatch(doc.language, compiled);
  if (mismatch) warnings.push(mismatch);
  if (tok.runsCut > 0) {
    warnings.push(`${tok.runsCut} run(s) of more than 100 characters without spaces were split before tokenizing (offsets unchanged)`);
  }

  // Matches come in text order, so one pointer walks the datelines (and, below, the short quotations) once.
  let datelineAt = 0;
  const inDateline = (m: Match): boolean => {
    while (datelineAt < datelines.length && datelines[datelineAt].end < m.end) datelineAt++;
    const d = datelines[datelineAt];
    return d !== undefined && m.start >= d.start && m.end <= d.end;
  };
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
   * A cue that ends at most `cueReach` units (lexicons/voice.yml) before the match, in the same sentence, with no
   * punctuation between, and with only filler words between cue and label: articles and possessives, forms of "be", a
   * few adverbs, and (for distancing) capitalised modifiers ("so-called Iraqi Companions of the Cave"). So "are not terrorists" and
   * "no longer an occupation" are negated, but "will not extend to Iraqi resistance groups" is not.
   */
  const cueBefore = (cues: Map<number, Match>, m: Match, allowCapitalised: boolean): Match | undefined => {
    if (cues.size === 0) return undefined;
    for (let gap = 0; gap <= cueReach; gap++) {
      const endUnit = m.startUnit - gap;
      if (endUnit <= 0) break;
      const cue = cues.get(endUnit);
      if (cue) return cue;
      if (units.barrierAfter[endUnit - 1]) break;
      const filler = endUnit - 1;
      const isFiller = compiled.voice.words.cueFillers.has(units.normal[filler]) ||
        (allowCapitalised && /^\p{Lu}/u.test(text.slice(units.start[filler], units.end[filler])));
      if (!isFiller) break;
    }
    return undefined;
  };

  /** The quotation a match sits in, if that quotation is a scare quote rather than speech. */
  let quoteAt = 0;
  const scareQuote = (m: Match): boolean => {
    // A phrase with marks inside ('the US "occupation"') is judged by its quoted part (match.ts sets it).
    const mStart = m.quoted?.start ?? m.start;
    const mEnd = m.quoted?.end ?? m.end;
    while (quoteAt < shortQuotes.length && shortQuotes[quoteAt].inner.end < m.start) quoteAt++;
    for (let k = quoteAt; k < shortQuotes.length; k++) {
      const q = shortQuotes[k];
      if (q.inner.start > mStart) break;
      if (q.inner.end < mEnd) continue;
      const innerText = text.slice(q.inner.start, q.inner.end).replace(/[\s.,;:!?]+$/, '').trim();
      if ((mEnd - mStart) < innerText.length * 0.6) continue;
      // A short quotation inside reported speech is a partial quote of that speech, not the outlet's scare quote.
      // A quotation that opens the text (a headline's "'Israeli' forces withdraw …") has nothing before it: the outlet's.
      const outside = q.start === 0 ? 'author' : voiceAt(voiceSpans, q.start - 1, q.start);
      if (outside !== 'author') continue;
      // Q-FRAGMENT: 'Kataib Hezbollah called the troops "occupiers"' quotes the speaker, whose name stands before it.
      if (quotedFragment(text, q.start, compiled.voice)) continue;
      // Speech before its tag: "'Occupiers,' the group said" quotes the speaker named after it.
      if (speechBeforeTag(text, q, compiled.voice)) continue;
      return true;
    }
    return false;
  };

  const names: NameHit[] = [];
  const hits: Hit[] = [];
  const devices: DeviceHit[] = [];
  const mentions: Mention[] = [];
  const antecedentSets = antecedentSetsOf(compiled);
  const contextLabels: ContextLabel[] = [];
  const agentless: Array<{ hit: Hit; match: Match }> = [];
  // Units covered by an actor (a name or a label with a referent): the agents that make "were killed" not agentless.
  const actorUnit = new Uint8Array(units.count);
  const mention = (m: Match, referent: string | null, sentence: number, antecedentOf?: ReadonlySet<string>, side?: string): void => {
    mentions.push({
      referent, antecedentOf, side, start: m.start, end: m.end, startUnit: m.startUnit, endUnit: m.endUnit, sentence, head: units.normal[m.endUnit - 1],
      ...(m.entry.kind === 'label' ? { label: true } : {}),
      ...(m.entry.kind === 'label' && (m.entry as LabelEntry).category !== 'actor-label' ? { event: true } : {}),
    });
    actorUnit.fill(1, m.startUnit, m.endUnit);
  };

  for (let mi = 0; mi < matches.length; mi++) {
    const m = matches[mi];
    const surface = text.slice(m.start, m.end);
    const sentence = sentenceOf(m);
    const voice = voiceOf(m);
    const cues: string[] = [];
    const distancing = cueBefore(distancingEnds, m, true);
    if (distancing) cues.push(distancing.entry.id);
    const scare = m.entry.kind !== 'device' && scareQuote(m);
    if (scare) cues.push('scare-quotes');

    if (m.entry.kind === 'name') {
      const entry = m.entry as NameEntry;
      names.push({
        name: entry.id, type: entry.type, referent: entry.referent ?? null, start: m.start, end: m.end, text: surface,
        sentence, voice: scare ? 'author' : voice, distanced: cues.length > 0, cues: cues.length ? cues : undefined,
      });
      // Every actor is an antecedent: the five tracked referents, and the actors the lexicon names without tracking
      // (the Islamic State, Al Mayadeen), which stop a context label from jumping past them to a tracked one.
      if (entry.referent) mention(m, entry.referent, sentence);
      else if (entry.type === 'actor') mention(m, null, sentence, antecedentSets.get(entry.id), entry.side);
    } else if (m.entry.kind === 'label') {
      // "TEHRAN, Jan 5 (Reuters) -" says where the story was filed, not who acted: not a label of Iran.
      if (inDateline(m)) continue;
      // "(Tenzing Sherpa/U.S. Army)", "(Photo: IDF)": a picture's credit names who took it, not an actor in the story.
      if (inCredit(text, m.start, compiled.voice.context.creditChars)) continue;
      // "… near the border, Israel, 04 January 2024.": a caption's place line, as a dateline.
      if (captionPlace(text, m)) continue;
      const entry = m.entry as LabelEntry;
      // A phrase of two such words ("his extremist terrorist coalition") ends in the same word that may be an
      // adjective, and is read the same way: a noun only where the phrase ends the noun phrase.
      if (entry.noun && (m.endUnit - m.startUnit === 1 || classWords(compiled, FRAMING_ADJECTIVE_CLASS).has(units.normal[m.endUnit - 1])) &&
          !usedAsNoun(text, units, m.endUnit) && !beforePersonName(text, units, m.endUnit, matches[mi + 1], compiled)) continue;
      if (entry.metonym && !actsAsGovernment(units, m, compiled.voice)) continue;
      // "regime militias", "pro-government militias": a bare group noun glued after a civil war's
      // side word names that side's men (Syria's above all), no referent the lexicon tracks, as resolve.ts reads a
      // context label there (its rule 1b). A composed label is matched whole first ("Iraqi government-funded militias").
      // So is a group noun behind one framing adjective ("separatist terrorist militias", "regime terrorist militias":
      // the side word still says whose men; session 22).
      const bareWidth = m.endUnit - m.startUnit;
      if (entry.category === 'actor-label' && entry.referent && (bareWidth === 1 ||
          (bareWidth === 2 && classWords(compiled, FRAMING_ADJECTIVE_CLASS).has(units.normal[m.startUnit]))) && m.startUnit > 0 &&
          !units.barrierAfter[m.startUnit - 1] && sideWordsOf(compiled).has(units.normal[m.startUnit - 1])) continue;
      // "pro-Israel groups", "anti-Iran protests": a stance word built on the name, not the state or group acting.
      // Composed labels that begin with the prefix ("pro-Iran militias", "anti-US groups") are matched whole first.
      if (entry.category === 'actor-label' && stancePrefixed(text, units, m)) continue;
      // "militia-linked facilities", "militia-controlled areas": a label ending in a common noun, glued by a hyphen to
      // the lowercase word after it, is the first half of a compound modifier of something else, no group acting.
      if (entry.category === 'actor-label' && modifierHalf(text, units, m)) continue;
      // "Iran-Backed Drone Attack", "pro-Iran attacks": a compound modifier before a noun of the lexicon's `act-noun`
      // class describes the act, not a group: no actor is named.
      if (modifiesAct(text, units, m, compiled)) continue;
      // "Israel's military spokesman", "the Houthi movement's spokesperson": a source named by affiliation, as the
      // names "IDF spokesman" and "US military official" are; who a spokesman works for is not a framing choice.
      if (entry.category === 'actor-label' && m.endUnit < units.count && !units.barrierAfter[m.endUnit - 1] &&
          classWords(compiled, SPOKESPERSON_CLASS).has(units.normal[m.endUnit])) continue;
      // "Iran's Minister of Defense", "Israeli Army Chief of General Staff", "Iran policy", "Hamas strongholds",
      // "Israel-linked vessels": the name says whose official, topic, place or ship it is; no actor is named.
      const affiliation = entry.category === 'actor-label' ? affiliationOnly(text, units, m, entry, compiled) : null;
      if (affiliation) {
        // An official's title still names the side the official speaks for, as a name with a referent does: it
        // stays an antecedent and a speaker ("our troops" in the words of "Israeli Army Chief of General Staff Herzi
        // Halevi" are Israel's; "the regime" in Iran's ambassador's words is not Iran), but it is not scored.
        if (affiliation === 'title' && entry.referent) mention(m, entry.referent, sentence);
        continue;
      }
      // "the SDF militia", "the SDF, a Kurdish militia,": a fixed label glued or apposed to an actor the lexicon names
      // but does not track describes that actor, as a context label there does (resolve.ts, rules 1 and 2).
      if (entry.category === 'actor-label' && entry.referent && describesUntracked(text, units, m, mentions[mentions.length - 1], compiled)) continue;
      const negation = cueBefore(negationEnds, m, false);
      if (negation) cues.push(negation.entry.id);
      // "the Iran-backed group Hamas": the label says what the named group is, so it names the name's referent.
      const named = entry.category === 'actor-label' && (entry.referent ?? m.referent) ?
        nameAfterGroupLabel(text, units, m, matches[mi + 1], compiled) ??
          apposedName(text, units, m, mentions[mentions.length - 1], (entry.referent ?? m.referent) as string, compiled) : null;
      const referent = named ?? entry.referent ?? m.referent ?? null;
      const hit: Hit = {
        label: entry.id,
        referent,
        category: entry.category,
        weight: m.weight ?? entry.weight,
        start: m.start,
        end: m.end,
        text: surface,
        sentence,
        voice: scare || ownSideParaphrase(text, units, m, entry, voice, mentions[mentions.length - 1], compiled.voice) ? 'author' : voice,
        distanced: Boolean(distancing) || scare,
        negated: Boolean(negation),
        // A context label glossed in place ("the entity [‘Israel’]", match.ts) is fixed by its own words.
        resolution: entry.resolve && !m.referent ? 'unresolved' : 'fixed',
      };
      if (cues.length) hit.cues = cues;
      hits.push(hit);
      if (referent) mention(m, referent, sentence);
      else if (entry.resolve) contextLabels.push({ hit, match: m });
      if (entry.agentless) agentless.push({ hit, match: m });
    } else {
      const entry = m.entry as DeviceEntry;
      const hit: DeviceHit = { device: entry.id, type: entry.type, start: m.start, end: m.end, text: surface, sentence, voice };
      if (entry.weight !== undefined) hit.weight = entry.weight;
      devices.push(hit);
    }
  }

  const notLabels = resolveContextLabels(text, contextLabels, mentions, units, compiled, headlineEnd(text));
  const labels = notLabels.size ? hits.filter((h) => !notLabels.has(h)) : hits;
  const scored = agentless.length ? dropAgented(labels, agentless, text, units, actorUnit, compiled) : labels;
  attachDevicesToReferents(devices, scored, names);

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
    hits: scored,
    names,
    devices,
    warnings,
    ...(repeats.collapsed ? { collapsedBlocks: repeats.collapsed } : {}),
  };
}

/** Untracked actors' `antecedent-of` lists as sets, computed once per compiled lexicon. */
const antecedentCache = new WeakMap<CompiledLexicon, Map<string, ReadonlySet<string>>>();
function antecedentSetsOf(compiled: CompiledLexicon): Map<string, ReadonlySet<string>> {
  let sets = antecedentCache.get(compiled);
  if (!sets) {
    sets = new Map();
    for (const e of compiled.entries.values()) if (e.kind === 'name' && e.antecedentOf) sets.set(e.id, new Set(e.antecedentOf));
    antecedentCache.set(compiled, sets);
  }
  return sets;
}

/** Auxiliaries that may stand between a city named for its government and its verb: perfect and modal, no form of "be" or "do". */
const METONYM_AUXILIARIES = new Set([...AUXILIARIES].filter((a) => !BE_FORMS.has(a) && a !== 'do' && a !== 'does' && a !== 'did'));
/** Adverbs besides forms in -ly that may follow that auxiliary ("had also warned", "has already said"). */
const METONYM_ADVERBS = new Set(['also', 'already', 'long', 'since', 'not', 'never', 'again']);
/**
 * A place named for its government acts as one: a speech or judging verb follows it ("Tel Aviv terms the attack …",
 * "Tel Aviv warned …"), or a directive or object verb stands right before it ("ordered Tel Aviv to stop", "warned Tel
 * Aviv"). Every verb form comes from the voice vocabulary (lexicons/voice.yml).
 */
function actsAsGovernment(units: Units, m: Match, rules: VoiceRules): boolean {
  const w = rules.words;
  // The verb may follow a perfect or modal auxiliary and one adverb ("Tel Aviv has claimed", "Tel Aviv had repeatedly
  // warned", "Tel Aviv will condemn"); never a form of "be", whose participle is a passive ("Tel Aviv was hit"), and not a
  // passive-framing verb after it ("Tel Aviv has seen sirens": a perfect, the city).
  let v = m.endUnit;
  if (v + 1 < units.count && !units.barrierAfter[v - 1] && !units.barrierAfter[v] && METONYM_AUXILIARIES.has(units.normal[v])) {
    v++;
    const adverb = units.normal[v];
    if (v + 1 < units.count && !units.barrierAfter[v] && (adverb.endsWith('ly') || METONYM_ADVERBS.has(adverb))) v++;
  }
  if (v < units.count && !units.barrierAfter[v - 1]) {
    const next = units.normal[v];
    if (w.reporting.has(next) || w.tag.has(next) || w.call.has(next) || w.condemn.has(next) || w.blame.has(next) ||
        w.accuse.has(next) || w.vow.has(next) || w.content.has(next) || (v === m.endUnit && w.passiveFraming.has(next)) ||
        w.directive.has(next)) return true;
  }
  const before = m.startUnit - 1;
  if (before >= 0 && !units.barrierAfter[before]) {
    const prev = units.normal[before];
    if (w.directive.has(prev) || w.objectVerbs.has(prev) || w.condemn.has(prev) || w.blame.has(prev) || w.accuse.has(prev)) return true;
  }
  return false;
}

/** "pro-" or "anti-" glued by a hyphen right before the match. */
function stancePrefixed(text: string, units: Units, m: Match): boolean {
  const before = m.startUnit - 1;
  if (before < 0 || units.barrierAfter[before]) return false;
  const word = units.normal[before];
  if (word !== 'pro' && word !== 'anti') return false;
  const between = text.slice(units.end[before], m.start);
  return /^[-\u2010\u2011]$/.test(between);
}

/**
 * Whether the match's last word is a lowercase word glued by one hyphen to a lowercase word after it ("militia-linked",
 * "militia-controlled"): a compound modifier, as `noun: true` reads "a militant cell" for one-word nouns. Names and
 * proper adjectives are capitalised and keep their own rules ("Israel-linked vessels", see affiliationOnly); a
 * compound the lexicon knows whole ("Hamas-run", "Iran-backed militias") is matched whole before this is asked.
 */
function modifierHalf(text: string, units: Units, m: Match): boolean {
  const next = m.endUnit;
  if (next >= units.count || m.end !== units.end[next - 1]) return false;
  if (!LOWERCASE_START.test(text[units.start[next - 1]] ?? '')) return false;
  return isHyphenGlue(text.slice(units.end[next - 1], units.start[next])) && LOWERCASE_START.test(text[units.start[next]] ?? '');
}
const LOWERCASE_START = /^\p{Ll}$/u;

/**
 * O-OWN: a speaker does not call its own side by a negative label. In reported speech (not a quotation), a negative
 * label after a possessive whose owner is the speaker ("Iran threatens that its proxy forces will expand the
 * conflict": the actor named last before it, in the sentence, with a speech verb right after it) is the outlet's
 * paraphrase, so its voice is the outlet's. "… if Iran continued allowing its proxy groups …", said by US officials,
 * keeps its voice: Iran is not the speaker there. A label of the speaker's own referent needs no possessive when the
 * speaker is the verb's subject (`context.subject_reach`; else `context.own_speaker_reach`): "The IOF has admitted that soldiers from the occupying regime's …".
 */
function ownSideParaphrase(
  text: string, units: Units, m: Match, entry: LabelEntry, voice: Voice, owner: Mention | undefined, rules: VoiceRules,
): boolean {
  if (voice !== 'attributed' || entry.weight >= 0 || entry.category !== 'actor-label') return false;
  if (personalOwnSpeaker(text, units, m, rules)) return true;
  if (!owner) return false;
  const before = m.startUnit - 1;
  // The speaker's own referent under a negative label needs no possessive: "The IOF has admitted that soldiers from
  // the occupying regime's brigade …", "The Houthis claimed a joint operation with an Iranian-backed Iraqi militia".
  const referent = entry.referent ?? m.referent;
  const sameSide = referent !== undefined && referent !== null && (owner.referent ?? owner.side) === referent;
  if (before < 0 || (!sameSide && (units.barrierAfter[before] || (units.normal[before] !== 'its' && units.normal[before] !== 'their')))) return false;
  if (owner.sentence !== units.sentence[m.startUnit]) return false;
  const w = rules.words;
  // Without the possessive to tie the label to the speaker, the speaker must be the subject of the verb: only an
  // auxiliary or an adverb between ("The Houthi rebels have also claimed …").
  const end = Math.min(m.startUnit, owner.endUnit + (sameSide && units.normal[before] !== 'its' && units.normal[before] !== 'their' ? rules.context.subjectReach : rules.context.ownSpeakerReach));
  for (let u = owner.endUnit; u < end; u++) {
    if (sameSide && units.barrierAfter[u - 1]) break;
    const x = units.normal[u];
    if (w.reporting.has(x) || w.zeroThat.has(x)) return true;
  }
  return false;
}

/** Words that may stand between a speaker and its reporting verb. */
const SPEAKER_GAP = new Set(['has', 'have', 'had', 'also', 'again', 'once', 'repeatedly', 'publicly', 'reportedly', 'then']);
/**
 * O-OWN for a person: "Netanyahu has reiterated that his regime is intent on …" — a negative label owned by "his" or
 * "her" (its first word or the word before it) in reported speech whose reporting verb, within
 * `context.own_speaker_reach` units before the possessive and no punctuation between, has a person as its subject (a
 * capitalised word, "he"/"she" or a singular title right before it, auxiliaries and adverbs aside): the person speaks of their own
 * side, so the label is the outlet's paraphrase.
 */
function personalOwnSpeaker(text: string, units: Units, m: Match, rules: VoiceRules): boolean {
  const at = PERSONAL_POSSESSIVES.has(units.normal[m.startUnit]) ? m.startUnit :
    m.startUnit > 0 && !units.barrierAfter[m.startUnit - 1] && PERSONAL_POSSESSIVES.has(units.normal[m.startUnit - 1]) ? m.startUnit - 1 : -1;
  if (at < 0) return false;
  const w = rules.words;
  for (let u = at - 1; u >= 0 && u >= at - rules.context.ownSpeakerReach && !units.barrierAfter[u]; u--) {
    if (!w.reporting.has(units.normal[u]) && !w.zeroThat.has(units.normal[u])) continue;
    let s = u - 1;
    while (s >= 0 && !units.barrierAfter[s] && SPEAKER_GAP.has(units.normal[s])) s--;
    const subject = s >= 0 ? units.normal[s] : '';
    return s >= 0 && !units.barrierAfter[s] && (subject === 'he' || subject === 'she' || (w.speakerNouns.has(subject) && !subject.endsWith('s')) ||
      /^\p{Lu}\p{Ll}/u.test(text.slice(units.start[s], units.end[s])));
  }
  return false;
}

const CREDIT_WORDS = /^\(\s*(photo|photos|photograph|image|picture|credit|courtesy|file photo|video)\b/i;
/**
 * A credit without brackets: a credit word and a colon open the line or follow a sentence end, and no sentence ends
 * before the label ("B1 B Lancer bomber. Credit: U.S. Air Force photo by …"), or a picture word before "source"
 * ("Photograph Source: U.S. Air Force – Public Domain", session 22, batch an). Not "Photo:" alone: that opens
 * captions too, whose words are the story's; nor "Source:" alone, which names a story's source.
 */
const CREDIT_TAIL = /(?:^|[.!?]\s+)(?:(?:(?:photo|photograph|image|picture|video)\s+)?(?:credit|credits|courtesy)|(?:photo|photograph|image|picture|video)\s+source)\s*:[^.!?]*$/i;
const CREDIT_INSIDE = /[.!?]\s+(?:(?:(?:photo|photograph|image|picture|video)\s+)?(?:credit|credits|courtesy)|(?:photo|photograph|image|picture|video)\s+source)\s*:[^.!?]*$/i;

/**
 * A label inside a bracketed picture credit: the bracket opens at most `context.credit_chars` characters before it on the same
 * line and is not closed before it, and the label follows a slash ("(Tenzing Sherpa/U.S. Army)") or the bracket
 * opens with a credit word ("(Photo: IDF)"); or a label after an unbracketed credit word at most `context.credit_chars`
 * characters before it ("… bomber. Credit: U.S. Air Force photo by …"). Bounded: at most `context.credit_chars` characters are read per label.
 */
function inCredit(text: string, start: number, reach: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= 0 && i >= start - reach; i--) {
    const c = text[i];
    if (c === '\n') return CREDIT_TAIL.test(text.slice(i + 1, start));
    if (c === ')') return false;
    if (c === '(') {
      open = i;
      break;
    }
  }
  if (open < 0) {
    // No bracket and no line start within reach: only a credit after a sentence end counts, unless the text begins.
    const from = Math.max(0, start - reach);
    return (from === 0 ? CREDIT_TAIL : CREDIT_INSIDE).test(text.slice(from, start));
  }
  let k = start - 1;
  while (k > open && text[k] === ' ') k--;
  return text[k] === '/' || CREDIT_WORDS.test(text.slice(open, start));
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
/** A photo caption's closing date after its place: ", 04 January 2024." or ", January 4, 2024" and the line's end. */
const CAPTION_DATE = new RegExp(`^,\\s*(?:\\d{1,2}\\s+${MONTH},?|${MONTH}\\s+\\d{1,2},)\\s+\\d{4}\\s*(?:[.\\n]|$)`);
/**
 * Whether a match is the place of a photo caption's place-and-date line ("… at the Lebanon-Israel border, Israel, 04
 * January 2024. EFE/EPA"): set off by a comma before and followed by a comma, a full date and the line's or sentence's
 * end, the name says where the picture was taken, as a dateline says where a story was filed (devset: a trap). An
 * actor in running text is not followed by a full date and a full stop ("the attack on Israel on 7 October 2023").
 */
function captionPlace(text: string, m: Match): boolean {
  return /,[ \t]*$/.test(text.slice(Math.max(0, m.start - 3), m.start)) && CAPTION_DATE.test(text.slice(m.end, m.end + 40));
}

/** Matches (in text order) outside the given spans (in text order). */
function dropInside(matches: Match[], spans: Span[]): Match[] {
  if (spans.length === 0) return matches;
  let k = 0;
  return matches.filter((m) => {
    while (k < spans.length && spans[k].end <= m.start) k++;
    return !(k < spans.length && spans[k].start <= m.start);
  });
}

/**
 * A word that is a noun and an adjective ("terrorist", "militant") is a noun when it is plural (English adjectives
 * take no -s) or where its phrase ends at it: punctuation, the end of the text, a function word or a possessive
 * follows ("killed a terrorist in Lebanon", "the terrorist who", "the terrorist's car"). Any other word after it is
 * the noun it modifies ("a terrorist cell", "terrorist financing"), and so is a word after "and"/"or" ("extremist and
 * terrorist groups"): those are adjectives.
 */
/** The lexicon's class of nouns of acts and weapons that a patron modifier may describe ("Iran-backed attacks"). */
const ACT_NOUN_CLASS = 'act-noun';

/**
 * Whether the label ends in a compound modifier ("Iran-backed", "pro-Iran": its last word glued by a hyphen) and the
 * word right after it is a one-word member of the `act-noun` class, in any inflection. A lexicon without the class
 * keeps every such label.
 */
function modifiesAct(text: string, units: Units, m: Match, compiled: CompiledLexicon): boolean {
  let last = m.endUnit - 1;
  if (last <= m.startUnit || m.endUnit >= units.count || units.barrierAfter[last]) return false;
  // Descriptors after the compound belong to the modifier too ("Iranian-backed Houthi ships"): step back over them.
  const descriptors = classWords(compiled, DESCRIPTOR_CLASS);
  while (last > m.startUnit + 1 && descriptors.has(units.normal[last]) && !isHyphenGlue(text.slice(units.end[last - 1], units.start[last]))) last--;
  const glue = text.slice(units.end[last - 1], units.start[last]);
  if (!isHyphenGlue(glue)) return false;
  const next = units.normal[m.endUnit];
  if (inWordClass(compiled, ACT_NOUN_CLASS, next)) return true;
  // One size or speed adjective may stand before the noun ("Iranian-backed Houthi small boats").
  return classWords(compiled, SIZE_ADJECTIVE_CLASS).has(next) && m.endUnit + 1 < units.count && !units.barrierAfter[m.endUnit]
    && inWordClass(compiled, ACT_NOUN_CLASS, units.normal[m.endUnit + 1]);
}

const DESCRIPTOR_CLASS = 'descriptor';
const BASE_NOUN_CLASS = 'base-noun';
const SIZE_ADJECTIVE_CLASS = 'size-adjective';
/** The lexicon's class of attack nouns that name a killing's agent (src/analysis/agency.ts). */
const AGENT_NOUN_CLASS = 'agent-noun';

/**
 * Whether a word, in any inflection, is a one-word member of a class of the lexicon that the analyzer reads
 * (`act-noun`, `title-noun`, `topic-noun`, `tie-participle`). A lexicon without the class has no such word.
 */
function inWordClass(compiled: CompiledLexicon, className: string, word: string): boolean {
  const words = classWords(compiled, className);
  if (words.size === 0) return false;
  return words.has(word) || (compiled.baseOf.get(word) ?? []).some((b) => words.has(b));
}

/** The lexicon's classes of words after a name that make it an affiliation, not an actor (see affiliationOnly). */
const TITLE_NOUN_CLASS = 'title-noun';
const ADJECTIVE_TITLE_CLASS = 'adjective-title-noun';
const TITLE_FOLLOWER_CLASS = 'title-follower';
const MILITARY_THING_CLASS = 'military-thing-noun';
/** Framing words a label may end in as an adjective ("terrorist", "militant"; conflict.yml `framing-adjective`). */
const FRAMING_ADJECTIVE_CLASS = 'framing-adjective';
const TOPIC_NOUN_CLASS = 'topic-noun';
const TIE_CLASS = 'tie-participle';
const OUTLET_NOUN_CLASS = 'outlet-noun';
const OUTLET_MODIFIER_CLASS = 'outlet-modifier';
const PERSON_TITLE_CLASS = 'person-title-noun';
const TITLE_MODIFIER_CLASS = 'title-modifier';
const OF_TITLE_CLASS = 'of-title-noun';
/** Titles after which "from" and a name name an official by affiliation ("officials from Israel"). */
const FROM_TITLE_CLASS = 'from-title-noun';

/**
 * A neutral name used only to say whose something is (gold README: officials named by affiliation are not
 * annotated; the devset's traps): an official's title right after it or after its possessive and at most
 * `context.title_modifiers` words ("Israeli Army Chief of General Staff", "Iran's Minister of Defense", "Israel's Mossad
 * chief"), a topic or a place named after it ("Iran policy", "Hamas strongholds"), or a participle glued by a hyphen
 * that makes it a compound modifier of something else ("Israel-linked vessels", "an Israel-affiliated container
 * ship"). Only weight-0 labels: a framing label keeps its frame wherever it stands ("Islamic Iran's foreign
 * minister", gold a02). Every office holder counts as a title ("Hamas leader Ismail Haniyeh", "Hamas officials",
 * gold README C-OFFICE). Reads at most `context.title_modifiers` + 2 words after the match.
 */
function affiliationOnly(text: string, units: Units, m: Match, entry: LabelEntry, compiled: CompiledLexicon): 'title' | 'thing' | null {
  // "the Yemeni army's media said", "the Israeli army's press service": a force's own media office is a source named
  // by affiliation whatever the force is called (gold a22); a state's media stay the state's ("Tehran's state media",
  // gold a10), so only a label that ends in a noun of the `force-noun` class.
  if (forceOutlet(text, units, m, compiled)) return 'title';
  if (entry.weight !== 0) return null;
  if (titleOfBefore(text, units, m, compiled)) return 'title';
  if (listBeforeTitle(text, units, m, compiled)) return 'title';
  const next = m.endUnit;
  if (next >= units.count) return null;
  // "Israel Defense Forces (IDF) Chief of the General Staff": the title after the force's bracketed acronym.
  if (units.barrierAfter[next - 1]) {
    const bracketed = m.end > units.end[next - 1] && /^\s+$/.test(text.slice(m.end, units.start[next]));
    return bracketed && inWordClass(compiled, TITLE_NOUN_CLASS, units.normal[next]) ? 'title' : null;
  }
  const glue = text.slice(units.end[next - 1], units.start[next]);
  const word = units.normal[next];
  if (isHyphenGlue(glue)) return inWordClass(compiled, TIE_CLASS, word) ? 'thing' : null;
  if (units.normal[next - 1] === 'military' && !possessiveInside(units, m)) {
    const noun = nounAfterMilitary(text, units, next, compiled);
    // "seven Iranian military advisors": an office holder of the force, named by affiliation (C-OFFICE).
    if (noun && inWordClass(compiled, TITLE_NOUN_CLASS, noun)) return 'title';
    if (noun) return 'thing';
    // "attacking Israeli military and reconnaissance sites": "military" coordinated with another lower-case modifier
    // before a noun of a thing or an office is an adjective of that noun (devset trap, batch af); before any other noun
    // ("Israeli military and security forces") the label stays the force.
    if ((word === 'and' || word === 'or') && next + 2 < units.count && !units.barrierAfter[next] && !units.barrierAfter[next + 1]
        && /^\p{Ll}/u.test(text.slice(units.start[next + 1], units.end[next + 1]))) {
      const after = nounAfterMilitary(text, units, next + 2, compiled);
      if (after && inWordClass(compiled, TITLE_NOUN_CLASS, after)) return 'title';
      if (after || classWords(compiled, 'thing-noun').has(units.normal[next + 2])) return 'thing';
    }
  }
  if (word === "'s" || word === "'") {
    for (let u = next + 1; u < units.count && u <= next + 1 + compiled.voice.context.titleModifiers; u++) {
      // "Israel's killing of leaders", "Israel's strike on Hamas commanders": a preposition before any title ends the
      // possessor's noun phrase; the title after it is the object of what the state did, not its office holder.
      if (PHRASE_ENDING_PREPOSITIONS.has(units.normal[u])) break;
      if (titleAt(text, units, u, compiled)) return 'title';
      if (units.barrierAfter[u]) break;
    }
    return null;
  }
  if (titleAt(text, units, next, compiled)) return 'title';
  // "Hamas political leader Ismail Haniyeh", "Israel defence spokesperson", "Iran foreign ministry spokesman": at most
  // `context.title_modifiers` words of the office between the name and the title (C-OFFICE).
  const modifiers = classWords(compiled, TITLE_MODIFIER_CLASS);
  for (let u = next; u < next + compiled.voice.context.titleModifiers && u + 1 < units.count; u++) {
    if (!modifiers.has(units.normal[u]) || units.barrierAfter[u]) break;
    if (titleAt(text, units, u + 1, compiled)) return 'title';
  }
  // "Hamas head Sinwar": a person's title only when the person's name follows ("Israeli forces head north" is a verb).
  if (classWords(compiled, PERSON_TITLE_CLASS).has(word) && next + 1 < units.count && !units.barrierAfter[next] &&
      properWordAt(text, units, next + 1)) return 'title';
  // "Israel Prime Minister's office", "IDF Southern Command chief", "Israel Army spokesperson": capitalised words of
  // the title or the office before its noun.
  for (let u = next; u < next + compiled.voice.context.titleCapitalisedWords && u + 1 < units.count; u++) {
    if (units.barrierAfter[u] || !properWordAt(text, units, u)) break;
    const noun = units.normal[u + 1];
    if (titleAt(text, units, u + 1, compiled) || classWords(compiled, SPOKESPERSON_CLASS).has(noun)) return 'title';
    // "Iran Supreme Leader Ali Khamenei": a leader's title written as an office, capitalised, before the leader's name.
    if ((classWords(compiled, OF_TITLE_CLASS).has(noun) || classWords(compiled, PERSON_TITLE_CLASS).has(noun)) &&
        !units.barrierAfter[u] && properWordAt(text, units, u + 1)) return 'title';
  }
  if (outletAfter(text, units, next, compiled)) return 'title';
  return inWordClass(compiled, TOPIC_NOUN_CLASS, word) ? 'thing' : null;
}

/**
 * The conjuncts before an official's title, joined by commas and "and"/"or": "assassinations of Hamas, Hezbollah, and
 * Iranian commanders", "Hamas and Iranian officials" name office holders of each side, not the sides (gold README
 * C-OFFICE; devset trap, batch af). Each conjunct is one to three capitalised words, at least one "and"/"or" stands
 * between, and a title (after at most `context.title_modifiers` words of `title-modifier`) follows the last one; not
 * after "between", and not for a one-word name in a list of two without a comma whose second conjunct is a name
 * ("strikes on Iran and Hezbollah leaders" keeps "Iran").
 */
const DEMONYM_ENDING = /(?:ian|ean|can|i|ese|ish)$/u;
const LIST_BEFORE_TITLE = /^(?:(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}){1,6}\s+(?=\p{Ll})/u;
/** The same list when the name follows "a"/"an": each later conjunct may have its article too ("a Hamas and a Hezbollah leader"). */
const ARTICLE_LIST_BEFORE_TITLE = /^(?:(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:an?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}){1,6}\s+(?=\p{Ll})/u;
function listBeforeTitle(text: string, units: Units, m: Match, compiled: CompiledLexicon): boolean {
  // "talks between Israel and Hamas political leaders": the pair of "between" are the two sides, not a list of offices.
  if (m.startUnit > 0 && units.normal[m.startUnit - 1] === 'between') return false;
  // "killed both a Hamas and a Hezbollah leader", "a Hamas or an Islamic Jihad official": an article before the name
  // makes it a modifier of a singular noun to come, never the side itself, so the list is one of offices however many
  // conjuncts it has (session 23, batch ar).
  const before = m.startUnit > 0 ? units.normal[m.startUnit - 1] : '';
  const article = (before === 'a' || before === 'an') && !units.barrierAfter[m.startUnit - 1];
  const tail = (article ? ARTICLE_LIST_BEFORE_TITLE : LIST_BEFORE_TITLE).exec(text.slice(m.end, m.end + 160));
  if (!tail || !/(?:^|\s)(?:and|or)\s/.test(tail[0])) return false;
  // Two conjuncts without a comma are ambiguous for a one-word name when the second is a name too: "strikes on Iran
  // and Hezbollah leaders" names the state and the group's leaders, so the name keeps its mention. When the second is
  // a demonym ("Hamas and Iranian officials"), which cannot stand without the title, both modify it; a list with
  // commas ("Hamas, Hezbollah, and Iranian commanders") is one series of offices.
  if (!article && !tail[0].includes(',') && !/[\s-]/u.test(text.slice(m.start, m.end)) &&
      !DEMONYM_ENDING.test(tail[0].trim().split(/\s+/u).pop() ?? '')) return false;
  const at = m.end + tail[0].length;
  let u = m.endUnit;
  while (u < units.count && units.start[u] < at) u++;
  if (u >= units.count || units.start[u] !== at) return false;
  const modifiers = classWords(compiled, TITLE_MODIFIER_CLASS);
  for (let k = u; k <= u + compiled.voice.context.titleModifiers && k < units.count; k++) {
    if (titleAt(text, units, k, compiled)) return true;
    if (!modifiers.has(units.normal[k]) || units.barrierAfter[k]) return false;
  }
  return false;
}

const FORCE_NOUN_CLASS = 'force-noun';

const COMMAND_NOUN_CLASS = 'command-noun';

/**
 * A label ending in a `force-noun` ("army"), its possessive, and a medium after it ("'s media", "'s press service")
 * or a command's name ("'s Central Command", "'s 5th Fleet": capitalised words or an ordinal, then a `command-noun`).
 */
function forceOutlet(text: string, units: Units, m: Match, compiled: CompiledLexicon): boolean {
  const next = m.endUnit;
  if (next + 1 >= units.count || units.barrierAfter[next - 1] || units.barrierAfter[next]) return false;
  if (units.normal[next] !== "'s" && units.normal[next] !== "'") return false;
  if (!classWords(compiled, FORCE_NOUN_CLASS).has(units.normal[next - 1])) return false;
  return outletAfter(text, units, next + 1, compiled) || commandAfter(text, units, next + 1, compiled);
}

/** Whether the words from unit `u` on are a command's name: at most two capitalised words or ordinals, then a `command-noun`. */
function commandAfter(text: string, units: Units, u: number, compiled: CompiledLexicon): boolean {
  const nouns = classWords(compiled, COMMAND_NOUN_CLASS);
  if (nouns.size === 0) return false;
  for (let k = u; k < units.count && k <= u + compiled.voice.context.commandNameWords; k++) {
    if (k > u && nouns.has(units.normal[k])) return true;
    if (units.barrierAfter[k] || !(properWordAt(text, units, k) || /^\d+(?:st|nd|rd|th)$/.test(units.normal[k]))) return false;
  }
  return false;
}

/**
 * Whether the word at `u` is an official's title. A title that is also an adjective ("Iran's official news agency",
 * "Israel's official broadcasting authority": `adjective-title-noun`) is one only where the noun phrase ends: before a
 * barrier, a capitalised name ("Hamas official Basem Naim") or a word of `title-follower` ("a Hamas official said").
 */
function titleAt(text: string, units: Units, u: number, compiled: CompiledLexicon): boolean {
  if (u >= units.count || !inWordClass(compiled, TITLE_NOUN_CLASS, units.normal[u])) return false;
  if (!classWords(compiled, ADJECTIVE_TITLE_CLASS).has(units.normal[u])) return true;
  const next = u + 1;
  if (next >= units.count || units.barrierAfter[u]) return true;
  return properWordAt(text, units, next) || classWords(compiled, TITLE_FOLLOWER_CLASS).has(units.normal[next]);
}

/** Prepositions that end a possessor's noun phrase before an official's title could (see affiliationOnly). */
const PHRASE_ENDING_PREPOSITIONS = new Set(['of', 'on', 'against', 'in', 'at', 'by', 'with', 'for', 'to', 'from', 'over', 'into']);

const OFFICE_BODY_CLASS = 'office-body-word';
/** Units at most read back from the name for a chained of-phrase ("the head of the political bureau of Hamas"). */
const MAX_OF_CHAIN = 12;

/**
 * Whether the name is the "of" phrase of an official's singular title ("the leader of Hamas", "the chief of the
 * IDF"): the official named by affiliation. The of-phrase may run through the office's body and a descriptor before
 * the name ("the head of the political bureau of Hamas", "the leader of the political bureau of the terrorist group
 * Palestinian Islamic Hamas"): reading back at most `MAX_OF_CHAIN` units without punctuation, over "the", "of",
 * capitalised words and words of `office-body-word`, to an "of" right after a title (gold README C-OFFICE), or to a
 * "with" right after one ("officials with the US military").
 */
function titleOfBefore(text: string, units: Units, m: Match, compiled: CompiledLexicon): boolean {
  const isTitle = (w: string): boolean => classWords(compiled, PERSON_TITLE_CLASS).has(w) ||
    classWords(compiled, TITLE_NOUN_CLASS).has(w) || classWords(compiled, OF_TITLE_CLASS).has(w);
  const body = classWords(compiled, OFFICE_BODY_CLASS);
  // A name in a list of names after the title ("officials from Egypt, Israel, Qatar and the United States", "leaders
  // of Qatar, Iran and Turkey"): each name is the officials' affiliation. Commas are crossed only between capitalised
  // words when the list goes on after the name or an "and"/"or" was crossed (session 23, batch at).
  const gap = (u: number): string => text.slice(units.end[u], units.start[u + 1]);
  const next = m.endUnit < units.count ? units.normal[m.endUnit] : '';
  let inList = (m.endUnit < units.count && units.barrierAfter[m.endUnit - 1] === 1 && gap(m.endUnit - 1).trim() === ',')
    || (!units.barrierAfter[m.endUnit - 1] && (next === 'and' || next === 'or'));
  for (let u = m.startUnit - 1; u >= 1 && m.startUnit - u <= MAX_OF_CHAIN; u--) {
    if (units.barrierAfter[u]) {
      if (!(inList && u + 1 < units.count && gap(u).trim() === ',' && properWordAt(text, units, u))) return false;
      continue;
    }
    const w = units.normal[u];
    if ((w === 'and' || w === 'or') && !units.barrierAfter[u - 1] && properWordAt(text, units, u - 1)) {
      inList = true;
      continue;
    }
    if (w === 'of') {
      if (units.barrierAfter[u - 1]) return false;
      if (isTitle(units.normal[u - 1])) return true;
      continue;
    }
    // "Officials with the US military and embassy", "a spokesman with the Israeli army", "an official with Hamas": "with"
    // right after a title says whom the office holder serves, as "of" does (C-OFFICE; session 22, batch ap). Only
    // directly after the title and only once: "met with Israel", "clashes with Israeli forces" have no title there.
    if (w === 'with') return !units.barrierAfter[u - 1] && isTitle(units.normal[u - 1]);
    // "officials from Egypt, Israel …", "a spokesman from Hamas": "from" right after the title of one who speaks for a
    // side (`from-title-noun`) says the same; not after a rank ("officers from Iran"; session 23, batch at).
    if (w === 'from') return !units.barrierAfter[u - 1] && classWords(compiled, FROM_TITLE_CLASS).has(units.normal[u - 1]);
    if (w === 'the' || body.has(w) || properWordAt(text, units, u)) continue;
    return false;
  }
  return false;
}

/**
 * Whether the words from unit `u` on name a medium by the name before them: a noun of the `outlet-noun` class right
 * there ("Israel media", "Hamas TV"), or after one proper name or `outlet-modifier` word ("Hamas Al-Aqsa TV", "the
 * IDF press service", "Iran state television"). Exact members only, no inflection: an -s form is often a verb. Not
 * after the name's possessive: the gold articles count the state in "Israel's Ynet news website" (a27) and
 * "Tehran's state media" (a10), though the dev set's batch f does not ("Iran’s state media").
 */
function outletAfter(text: string, units: Units, u: number, compiled: CompiledLexicon): boolean {
  const nouns = classWords(compiled, OUTLET_NOUN_CLASS);
  if (nouns.size === 0) return false;
  if (nouns.has(units.normal[u])) return true;
  if (u + 1 >= units.count || units.barrierAfter[u] || !nouns.has(units.normal[u + 1])) return false;
  return classWords(compiled, OUTLET_MODIFIER_CLASS).has(units.normal[u]) || properWordAt(text, units, u);
}

/** Whether unit `u` is written with a capital and is no stopword: a word of a proper name or of a title. */
function properWordAt(text: string, units: Units, u: number): boolean {
  return /^\p{Lu}/u.test(text.slice(units.start[u], units.end[u])) && !ENGLISH_STOPWORDS.has(units.normal[u]);
}


/**
 * The noun of the lexicon's `military-thing-noun` or `act-noun` class that stands at unit `u` right after "military",
 * by its singular or its plural, or null. Inflected verbs never count ("the U.S. military attacked"), and an -s form
 * followed by an object (an article, a pronoun, a capitalised name: "Israeli military raids Jenin") is the verb.
 */
function nounAfterMilitary(text: string, units: Units, u: number, compiled: CompiledLexicon): string | null {
  const word = units.normal[u];
  // An installation is the force's place, counted as the force (`us-bases`), even where it is an act-noun.
  const inClass = (w: string): boolean => classWords(compiled, MILITARY_THING_CLASS).has(w) ||
    (classWords(compiled, ACT_NOUN_CLASS).has(w) && !classWords(compiled, BASE_NOUN_CLASS).has(w));
  if (inClass(word)) return word;
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') ? word.slice(0, -1) : null;
  if (!singular || !(inClass(singular) || (word.endsWith('es') && inClass(word.slice(0, -2))))) return null;
  if (u + 1 < units.count && !units.barrierAfter[u]) {
    const after = units.normal[u + 1];
    if (OBJECT_STARTS.has(after) || /^\p{Lu}/u.test(text.slice(units.start[u + 1], units.end[u + 1]))) return null;
  }
  return inClass(singular) ? singular : word.slice(0, -2);
}


/** Words inside a label that open a patron or possessor phrase, after which a group noun is no longer the label's head. */
const LABEL_LINKS = new Set(["'s", "'", 'by', 'of', 'from', 'with', 'to']);

/**
 * The referent of a tracked name written right after a fixed label that ends in a singular group noun, when it is
 * another referent than the label's: "the Iran-backed group Hamas", "the Iran-backed militant group Hamas". The label
 * before the name describes the named group (the devset's "the Palestinian group Hamas": the label before the name,
 * annotated with the group's referent), whatever referent its own words suggest. A plural ("Iran-backed groups Hamas
 * and Hezbollah") names several groups and keeps its own referent; so does a label glued to the name by anything but
 * spaces.
 */
function nameAfterGroupLabel(text: string, units: Units, m: Match, next: Match | undefined, compiled: CompiledLexicon): string | null {
  if (!next || next.startUnit !== m.endUnit || units.barrierAfter[m.endUnit - 1]) return null;
  if (!/^\s+$/.test(text.slice(m.end, next.start)) || !/^\p{Lu}/u.test(text.slice(next.start, next.end))) return null;
  const head = units.normal[m.endUnit - 1];
  if (head.endsWith('s') || !groupHead(compiled, head)) return null;
  // "militias backed by Iran's paramilitary Revolutionary Guard": the group noun ends a patron phrase inside the
  // label and belongs to the name after it, not to the label's own head.
  // In "militants of the … group Hamas" the of-phrase joins the members to the body (match.ts ofPhrase, joinedAt):
  // only the body's own words are read.
  for (let u = m.joinedAt ?? m.startUnit; u < m.endUnit - 1; u++) if (LABEL_LINKS.has(units.normal[u])) return null;
  const own = m.referent ?? (m.entry as LabelEntry).referent;
  const theirs = next.entry.kind === 'name' ? (next.entry as NameEntry).referent
    : next.entry.kind === 'label' && (next.entry as LabelEntry).category === 'actor-label' ? (next.entry as LabelEntry).referent : undefined;
  return theirs && theirs !== own ? theirs : null;
}

/** Whether a possessive stands inside the match ("Iran's military"): the name before it is a mention of its own. */
function possessiveInside(units: Units, m: Match): boolean {
  for (let u = m.startUnit + 1; u < m.endUnit; u++) if (units.normal[u] === "'s" || units.normal[u] === "'") return true;
  return false;
}

/**
 * An opening quotation mark between a word and the next: quotation marks do not end a phrase (lexicons/README.md
 * "Quotation marks inside a phrase"), so "a militant “operational command centre”" is the adjective before the
 * quoted noun phrase, as "a militant operational command centre" is.
 */
const OPENING_QUOTE_GAP = /^(?:\s*[“«‘]|\s+["'])$/;

/** Lowercase particles inside a person's name ("Ali al-Hassan", "Osama bin Laden"). */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'ben', 'abu', 'abd', 'de']);
/** Capitalised words of a person's name after a label word, at most. */
const MAX_NAME_WORDS = 4;
/** Head words of a body's name ("the Palestine Liberation Organization", "the Popular Front"): no person's name. */
const BODY_HEADS = new Set([
  'organization', 'organisation', 'front', 'party', 'authority', 'brigade', 'brigades', 'force', 'forces', 'army', 'council',
  'committee', 'movement', 'group', 'union', 'league', 'corps', 'guard', 'guards', 'ministry', 'government', 'agency',
  'alliance', 'coalition', 'network', 'association', 'state', 'republic', 'jihad',
]);

/**
 * A label word that may be an adjective ("militant", "terrorist") is a noun before a person's name: "Hezbollah
 * militant Salim Ayyash", "the terrorist Yahya Sinwar was killed" name a member of the group (gold README C-MEMBERS), as
 * "Hamas fighter Ahmed Ali" does. The name: two to MAX_NAME_WORDS capitalised words (name particles aside) right after
 * the word, none a descriptor ("militant Shiite Muslims"), no match of the lexicon starting there ("militant Islamic
 * Jihad", "terrorist Hamas leaders"), and after them the sentence's punctuation, its end, a function word or a reporting
 * verb ("militant Ali Hassan said"). Bounded by MAX_NAME_WORDS.
 */
function beforePersonName(text: string, units: Units, endUnit: number, next: Match | undefined, compiled: CompiledLexicon): boolean {
  if (endUnit >= units.count || units.barrierAfter[endUnit - 1]) return false;
  if (next && next.startUnit === endUnit) return false;
  // "the marginally less-extremist Palestine Liberation Organization": a compound adjective.
  if (endUnit >= 2 && isHyphenGlue(text.slice(units.end[endUnit - 2], units.start[endUnit - 1]))) return false;
  const descriptors = classWords(compiled, DESCRIPTOR_CLASS);
  let words = 0;
  let u = endUnit;
  for (; u < units.count && u < endUnit + MAX_NAME_WORDS + 2; u++) {
    const w = units.normal[u];
    if (/^\p{Lu}/u.test(text.slice(units.start[u], units.end[u]))) {
      if (descriptors.has(w) || ENGLISH_STOPWORDS.has(w) || BODY_HEADS.has(w)) return false;
      words++;
    } else if (!(words > 0 && NAME_PARTICLES.has(w))) {
      break;
    }
    if (units.barrierAfter[u]) {
      u++;
      return words >= 2 && words <= MAX_NAME_WORDS && (!/^\s*-\s*$/.test(text.slice(units.end[u - 1], units.start[u] ?? units.end[u - 1])));
    }
  }
  if (words < 2 || words > MAX_NAME_WORDS) return false;
  if (u >= units.count) return true;
  const after = units.normal[u];
  return ENGLISH_STOPWORDS.has(after) || compiled.voice.words.reporting.has(after) || compiled.voice.words.zeroThat.has(after);
}

function usedAsNoun(text: string, units: Units, endUnit: number): boolean {
  const word = units.normal[endUnit - 1];
  if (word.endsWith('s') && !word.endsWith("'s")) return true;
  if (endUnit >= units.count) return true;
  if (units.barrierAfter[endUnit - 1] && !(OPENING_QUOTE_GAP.test(text.slice(units.end[endUnit - 1], units.start[endUnit]))
    && /^\p{Ll}/u.test(text.slice(units.start[endUnit], units.end[endUnit])))) return true;
  const next = units.normal[endUnit];
  if (next === 'and' || next === 'or') return false;
  return next === "'s" || next === "'" || ENGLISH_STOPWORDS.has(next);
}

/** Agentless wording is not scored where its clause names the agent ("were killed in a US drone strike"). */
function dropAgented(hits: Hit[], agentless: Array<{ hit: Hit; match: Match }>, text: string, units: Units, actorUnit: Uint8Array, compiled: CompiledLexicon): Hit[] {
  const agented = new Set<Hit>();
  const agentNouns = classWords(compiled, AGENT_NOUN_CLASS);
  for (const { hit, match } of agentless) if (namesAgent(text, units, match.endUnit, actorUnit, agentNouns)) agented.add(hit);
  return agented.size ? hits.filter((h) => !agented.has(h)) : hits;
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

/** Attribution verbs, hedges and boosters are attached to the nearest referent named before them in the sentence. */
function attachDevicesToReferents(devices: DeviceHit[], hits: Hit[], names: NameHit[]): void {
  if (devices.length === 0) return;
  const anchors = [
    ...hits.filter((h) => h.referent && h.category === 'actor-label').map((h) => ({ referent: h.referent as string, start: h.start, sentence: h.sentence })),
    ...names.filter((n) => n.referent).map((n) => ({ referent: n.referent as string, start: n.start, sentence: n.sentence })),
  ].sort((a, b) => a.start - b.start);
  // Devices are in text order: one pointer walks the anchors, and the last anchor before a device is the nearest.
  let k = 0;
  for (const d of devices) {
    if (d.type === 'negation' || d.type === 'distancing') continue;
    while (k < anchors.length && anchors[k].start < d.start) k++;
    const last = k > 0 ? anchors[k - 1] : undefined;
    d.referent = last && last.sentence === d.sentence ? last.referent : null;
  }
}

/**
 * A short quotation that is speech with its tag after it: its own punctuation closes it inside the marks ("'Occupiers,'
 * the group said", "“Never!” he said"), or a comma and a tag verb within `windows.tag_subject` + 1 words follow it
 * ("'Occupiers', the group said"). A scare quote stands inside the outlet's sentence and has neither.
 */
function speechBeforeTag(text: string, q: QuoteSpan, voice: VoiceRules): boolean {
  if (/[,!?]\s*$/u.test(text.slice(q.inner.start, q.inner.end))) return true;
  const after = /^\s*,\s*([^.;:!?\n]*)/u.exec(text.slice(q.end, q.end + 160));
  if (!after) return false;
  const words = after[1].split(/\s+/).filter(Boolean).slice(0, voice.windows.tagSubject + 1);
  return words.some((w) => voice.words.tag.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
}
