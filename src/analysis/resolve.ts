/**
 * Context-label resolution: who "the regime", "the militants" or "the resistance" names in this sentence.
 *
 * The rules, in the order they are tried, are written for students in lexicons/README.md ("How framelens decides who a
 * label names"); their numeric windows are in lexicons/voice.yml (`context:`): antecedent_sentences, salience_factor,
 * look_back_mentions (a cap, so that one sentence of a million words cannot make resolution quadratic) and
 * apposition_words. Every step looks at a bounded window around the label, and mentions are visited in document order
 * with a moving pointer, so resolution costs time linear in the document (a 5 MB text resolves in well under a
 * second).
 */
import type { Hit, LabelEntry } from '../types.js';
import type { Units } from '../nlp/nlp.js';
import { canonical, type CompiledLexicon } from '../lexicon/compile.js';
import type { Match } from './match.js';
import type { ContextWindows } from '../lexicon/voice-rules.js';
import { ENGLISH_STOPWORDS } from '../text/stopwords.js';
import { isHyphenChar } from '../text/hyphens.js';
import { classPhrases, classWords } from './class-words.js';

/** Something a context label may point back (or ahead) to: a name or a label with a fixed or resolved referent. */
export interface Mention {
  /** The tracked referent; null for an actor the lexicon names but does not track (the Islamic State, Al Mayadeen). */
  referent: string | null;
  /** For an untracked actor: the context labels that may mean it (`antecedent-of` in the lexicon). */
  antecedentOf?: ReadonlySet<string>;
  /** For an untracked speaker: the referent whose side it speaks for (`side` in the lexicon). */
  side?: string;
  start: number;
  end: number;
  startUnit: number;
  /** One past the mention's last unit. */
  endUnit: number;
  sentence: number;
  /** Folded head word (last unit) of the mention, to block "the Syrian regime … the regime" from resolving. */
  head: string;
  /** A label with a referent, not a name: a nationality before it ("Iranian militias") was read by the lexicon. */
  label?: boolean;
  /**
   * A label of an event or a casualty phrase ("killed by an Israeli strike"): it names its agent, but it is no name at
   * the end of a context label's noun phrase ("fighters killed by an Israeli strike" are not Israel's).
   */
  event?: boolean;
  /** A context label this pass resolved ("the militant group" read as Hamas), not a name or a fixed label. */
  taken?: boolean;
}

export interface ContextLabel {
  hit: Hit;
  match: Match;
}

/** Determiners that make a label a definite noun phrase, which takes up what the story is about. */
const DEFINITE = new Set(['the', 'this', 'these', 'those']);
const DEMONSTRATIVES = new Set(['this', 'these']);
/** Words after "of" that point back to something named before ("fighters of these organizations"). */
const POINTING_DETERMINERS = new Set(['these', 'those', 'this', 'that', 'its', 'their', 'his', 'her', 'such', 'both']);
/**
 * The lexicon's classes of words the resolution rules look up one word at a time: side words ("regime fighters": an
 * untracked side's men, rule 1b), words of an unknown actor ("unknown gunmen"), words that make an untracked actor a
 * campaign's target ("the coalition against ISIS"), nouns between a label and the name its phrase ends in, naming
 * words and phrases ("calling itself", "known as"), and words of direction before a theatre's place. A lexicon without
 * one of them has no such word.
 */
const SIDE_WORD_CLASS = 'side-word';
const OUTSIDE_PEOPLE_CLASS = 'outside-people';
const ELSEWHERE_WORD_CLASS = 'elsewhere-word';
const UNKNOWN_WORD_CLASS = 'unknown-word';
const OPPOSING_WORD_CLASS = 'opposing-word';
const PHRASE_NOUN_CLASS = 'phrase-noun';
const NAMING_WORD_CLASS = 'naming-word';
const COMPASS_WORD_CLASS = 'compass-word';
const ADVERSARY_NOUN_CLASS = 'adversary-noun';
const RELATION_NOUN_CLASS = 'relation-noun';
const COMBAT_VERB_CLASS = 'combat-verb';
const BODY_NOUN_CLASS = 'body-noun';
const CAUSE_PHRASE_CLASS = 'cause-phrase';
const BENEFICIARY_PHRASE_CLASS = 'beneficiary-phrase';
const PATRON_CLASS = 'patron';
/** A pattern of a group named by its sponsor and a bare group noun: "{patron}-{patron-tie} {descriptor:0-2} {group-noun}". */
const PATRON_GROUP_PATTERN = /^\{patron\}-\{patron-tie\}(?: \{descriptor[^}]*\})? \{group-noun\}$/;

/** The one fixed referent of the label entries with a PATRON_GROUP_PATTERN pattern; undefined for none or several. */
function patronClientOf(compiled: CompiledLexicon): string | undefined {
  const referents = new Set<string>();
  for (const entry of compiled.entries.values()) {
    if (entry.kind !== 'label' || !entry.referent) continue;
    if (entry.patterns.some((p) => PATRON_GROUP_PATTERN.test(p.source.trim()))) referents.add(entry.referent);
  }
  return referents.size === 1 ? [...referents][0] : undefined;
}

/** The word sets the resolution rules read, from the lexicon's classes and the voice vocabulary, made once per lexicon. */
interface ResolveWords {
  side: ReadonlySet<string>;
  /** Nationalities and peoples no referent is ("Kurdish", "Turkish", "Jordanian"): their men are no referent's (rule 1b). */
  outside: ReadonlySet<string>;
  /** Places and nationalities of other theatres ("Nigeria", "Kenyan", "Caracas"): a roundup's other scene (rule 4f). */
  elsewhere: ReadonlySet<string>;
  /** Verbs whose object a mention after them is: speech, judgement, demand, directive, vow and combat verbs (voice vocabulary, `combat-verb`). */
  clauseVerbs: ReadonlySet<string>;
  unknown: ReadonlySet<string>;
  opposing: ReadonlySet<string>;
  phraseNouns: ReadonlySet<string>;
  naming: ReadonlySet<string>;
  namingPhrases: ReadonlySet<string>;
  /** Head nouns of hostility ("enemy", "foes"): their of-phrase names whom the men oppose, not who they are. */
  adversaryNouns: ReadonlySet<string>;
  /** Head nouns of a relation ("ally", "allies"): only a name right after says whom the label names. */
  relationNouns: ReadonlySet<string>;
  /** Verbs that introduce speech (voice vocabulary): "X, the militants said" is speech, not an apposition. */
  speech: ReadonlySet<string>;
  /**
   * Verbs whose object an of-phrase after it completes ("warns the occupation of a major escalation", "accused the
   * militants of …"): the voice vocabulary's `object_verbs` and `accuse_verbs`, every form. Rule 4 skips such an "of".
   */
  ofVerbs: ReadonlySet<string>;
  /** Verbs of fighting ("defeated", "drove out"): their subject is the opponent of the label that is their object. */
  combat: ReadonlySet<string>;
  combatPhrases: ReadonlySet<string>;
  /** Phrases of a cause supported ("support of", "solidarity with"): their object is no agent (rule 5). */
  causePhrases: ReadonlySet<string>;
  /** Phrases that name who gains from a wrong ("interests of", "hands of"): a bare plural after them is a kind (rule 1d'). */
  beneficiaryPhrases: ReadonlySet<string>;
  /** Plural nouns of groups as bodies ("groups", "factions", "militias"). */
  bodyNouns: ReadonlySet<string>;
  /** The ways a group's sponsor is named (class `patron`: "Iran", "Tehran", "the Islamic Republic"), lowercased. */
  patron: ReadonlySet<string>;
  /**
   * The referent the lexicon gives a group defined by its sponsor and a bare group noun ("Iran-backed groups"): whom
   * "Iran and its allies" names (rule 1a). undefined when the lexicon has no such pattern or gives it two referents.
   */
  patronClient: string | undefined;
}
const resolveWordsCache = new WeakMap<CompiledLexicon, ResolveWords>();
function resolveWordsOf(compiled: CompiledLexicon): ResolveWords {
  let words = resolveWordsCache.get(compiled);
  if (!words) {
    words = {
      side: classWords(compiled, SIDE_WORD_CLASS),
      outside: classWords(compiled, OUTSIDE_PEOPLE_CLASS),
      elsewhere: classWords(compiled, ELSEWHERE_WORD_CLASS),
      clauseVerbs: clauseVerbsOf(compiled),
      unknown: classWords(compiled, UNKNOWN_WORD_CLASS),
      opposing: classWords(compiled, OPPOSING_WORD_CLASS),
      phraseNouns: classWords(compiled, PHRASE_NOUN_CLASS),
      naming: classWords(compiled, NAMING_WORD_CLASS),
      namingPhrases: classPhrases(compiled, NAMING_WORD_CLASS),
      adversaryNouns: classWords(compiled, ADVERSARY_NOUN_CLASS),
      relationNouns: classWords(compiled, RELATION_NOUN_CLASS),
      speech: speechVerbsOf(compiled),
      ofVerbs: new Set([...compiled.voice.words.objectVerbs, ...compiled.voice.words.accuse]),
      combat: classWords(compiled, COMBAT_VERB_CLASS),
      combatPhrases: classPhrases(compiled, COMBAT_VERB_CLASS),
      causePhrases: classPhrases(compiled, CAUSE_PHRASE_CLASS),
      beneficiaryPhrases: classPhrases(compiled, BENEFICIARY_PHRASE_CLASS),
      bodyNouns: classWords(compiled, BODY_NOUN_CLASS),
      patron: new Set([...classWords(compiled, PATRON_CLASS), ...classPhrases(compiled, PATRON_CLASS)]),
      patronClient: patronClientOf(compiled),
    };
    resolveWordsCache.set(compiled, words);
  }
  return words;
}
/** The lexicon's side words (see ResolveWords), for the analyzer's rule on bare group nouns after one. */
export const sideWordsOf = (compiled: CompiledLexicon): ReadonlySet<string> => resolveWordsOf(compiled).side;
const NUMBER_WORD_CLASS = 'number-word';
const CASUALTY_WORD_CLASS = 'casualty-word';
const COPULA_CLASS = 'copula';
/** Words that join a predicate adjective to the next one ("pro-Iranian and anti-American"). */
const COORDINATORS = new Set(['and', 'or']);
const RELATIVES = new Set(['who', 'which']);
/** Units a relative pronoun may stand before a copula ("which have long been"). */
const RELATIVE_REACH = 3;
/** Whether "who" or "which" opens the clause of the copula at `copula`, at most RELATIVE_REACH units before it. */
function relativeBefore(units: Units, copula: number): boolean {
  for (let u = copula - 1; u >= 0 && u >= copula - RELATIVE_REACH; u--) {
    if (RELATIVES.has(units.normal[u])) return true;
    if (units.barrierAfter[u]) return false;
  }
  return false;
}
const isNumeral = (word: string, numberWords: ReadonlySet<string>): boolean => /^\d[\d,.]*$/.test(word) || numberWords.has(word);

/** Whether a casualty word stands in the label's sentence within `reach` words of it. */
function casualtyNear(units: Units, match: Match, sentence: number, casualtyWords: ReadonlySet<string>, reach: number): boolean {
  const from = Math.max(0, match.startUnit - reach), to = Math.min(units.count, match.endUnit + reach);
  for (let u = from; u < to; u++) if (units.sentence[u] === sentence && casualtyWords.has(units.normal[u])) return true;
  return false;
}
/**
 * The lexicon's word classes of nouns that a modifier label may describe instead of an actor: attacks ("Iran-backed
 * attacks") and places and things ("Iran-linked sites in Syria"). A lexicon without them leaves every such label to
 * the look-back.
 */
const EVENT_NOUN_CLASS = 'event-noun';
const THING_NOUN_CLASS = 'thing-noun';
/**
 * The lexicon's class of vehicles and guns that are never verbs ("warplanes", "aircraft", "artillery"): a context label
 * right before one is the vehicle's attribute whatever follows the noun (rule 4; session 24, batch ba).
 */
const EQUIPMENT_NOUN_CLASS = 'equipment-noun';
/** The members of `event-noun` that are never verbs ("shelling", "bombardment"): heads like an equipment noun. */
const VERBLESS_EVENT_NOUN_CLASS = 'verbless-event-noun';
/** The lexicon's class of lists and designations a category label may name (rule 1d). */
const LIST_NOUN_CLASS = 'list-noun';
/** Designations a category label may head (rule 1d, forward only: "the terror group designation"). */
const DESIGNATION_NOUN_CLASS = 'designation-noun';
/** Prepositions between a list noun and the category it lists ("list of …", "a sanctions list against …"). */
const LIST_OBJECT = new Set(['of', 'against']);
/** Words after an attack noun that make it the noun a modifier label describes ("Iran-backed attacks on US troops"). */
const ATTACK_OBJECT = new Set(['on', 'against', 'targeting', 'at', 'in', 'by', 'from', 'that', 'which']);
/**
 * Words after a noun of a thing that make it the head of its phrase ("pro-Iran targets since May", "Iran-linked
 * sites were hit"), on top of ATTACK_OBJECT: prepositions, conjunctions and auxiliaries, never a determiner or a
 * pronoun (after which "targets" is a verb with its object).
 */
const THING_HEAD_FOLLOWERS = new Set([
  'since', 'across', 'near', 'inside', 'along', 'around', 'throughout', 'within', 'under', 'as', 'and', 'or', 'of', 'with',
  'for', 'after', 'before', 'during', 'including', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'used', 'belonging',
]);
/** The articles, which open a noun phrase. */
const ARTICLES = new Set(['the', 'a', 'an']);
/**
 * What stands between a name and its apposition: a comma, or the bracket that closes the name's abbreviation before it
 * ("the Rapid Support Forces (RSF), a militia now fighting …").
 */
const APPOSITION_COMMA = /^\s*\)?\s*,\s*$/;
/** Words that may open an apposition's noun phrase ("Kataib Hezbollah, an Iran-backed militia"). */
const APPOSITION_OPENERS = new Set(['a', 'an', 'the', 'one', 'another', 'which', 'who', 'itself', 'both', 'all', 'its', 'their']);
/**
 * Words that may continue an apposition's noun phrase after the label ("a militia that …", "a group based in …",
 * "Hamas, the Islamic militant group ruling Gaza, …").
 */
const APPOSITION_CONTINUATIONS = new Set([
  'that', 'which', 'who', 'whose', 'based', 'in', 'of', 'with', 'from', 'operating', 'active', 'allied', 'aligned', 'backed', 'loyal',
  'ruling', 'governing', 'controlling', 'running', 'led', 'headed',
  // What the phrase goes on to say the group did or is tied to: "Hamas, the terrorists responsible for …", "…, the
  // militants behind the attack", "…, the militia accused of …", "…, the group linked to …".
  'responsible', 'behind', 'accused', 'blamed', 'linked', 'tied', 'affiliated', 'designated', 'known', 'supported', 'funded',
  'sponsored', 'armed',
]);

/**
 * Resolves each context label to a referent (hit.referent, resolution 'context') or leaves it 'unresolved'.
 * `contextLabels` and `mentions` must be in document order. `headlineEnd` is the character offset where the
 * headline (a first line without sentence punctuation) ends, or 0 when the text has none. Returns the hits that are
 * no label at all: words whose of-phrase owner is a tracked referent the label may not take ("fighters of the Zionist
 * regime" are the regime's warplanes or troops, not irregular fighters); the caller drops them.
 */
export function resolveContextLabels(
  text: string, contextLabels: ContextLabel[], mentions: Mention[], units: Units, compiled: CompiledLexicon, headlineEnd = 0,
): ReadonlySet<Hit> {
  const notLabels = new Set<Hit>();
  if (contextLabels.length === 0) return notLabels;
  // A nationality glued before a name that none of its theatre's actors is makes another body of that name: the
  // "Palestinian Islamic Resistance" is not the Iraqi or Lebanese Islamic Resistance, so it is no antecedent at all.
  mentions = mentions.filter((m) => {
    if (m.referent === null || m.label) return true;
    const people = demonymBefore(text, units, m.startUnit, compiled);
    return people === undefined || people.has(m.referent);
  });
  const rules = compiled.voice.context;
  const words = resolveWordsOf(compiled);
  const speech = words.speech;
  const eventNouns = classWords(compiled, EVENT_NOUN_CLASS);
  const thingNouns = classWords(compiled, THING_NOUN_CLASS);
  const equipmentNouns = classWords(compiled, EQUIPMENT_NOUN_CLASS);
  const verblessEvents = classWords(compiled, VERBLESS_EVENT_NOUN_CLASS);
  const listNouns = classWords(compiled, LIST_NOUN_CLASS);
  const designationNouns = classWords(compiled, DESIGNATION_NOUN_CLASS);
  const numberWords = classWords(compiled, NUMBER_WORD_CLASS);
  const casualtyWords = classWords(compiled, CASUALTY_WORD_CLASS);
  const copulas = classWords(compiled, COPULA_CLASS);
  /** Mentions before the current label, explicit ones and labels resolved so far, in document order. */
  const seen: Mention[] = [];
  let next = 0;
  const headlineSentences = headlineEnd > 0 ? sentenceAt(units, text, headlineEnd) : -1;
  /** Theatre places in document order (rule 5c), and the first one not before the current label. */
  const places = theatrePlaces(text, units, compiled, rules.sceneActors);
  let nextPlace = 0;
  /** Labels that an untracked actor named so far (not as a campaign's target) may mean: the PKK's "terrorists". */
  const untrackedNamed = new Set<string>();

  for (const { hit, match } of contextLabels) {
    while (next < mentions.length && mentions[next].start < hit.start) {
      const m = mentions[next++];
      if (m.referent === null && m.antecedentOf && !campaignTarget(units, m, words.opposing)) {
        for (const label of m.antecedentOf) untrackedNamed.add(label);
      }
      seen.push(m);
    }
    const entry = compiled.entries.get(hit.label) as LabelEntry;
    const candidates = new Set(entry.resolve ?? []);
    /** 'yes' for a mention of a referent the label may take, 'other' for an untracked actor it may mean, else 'no'. */
    const fit = (x: Mention): 'yes' | 'other' | 'no' =>
      x.referent !== null ? (candidates.has(x.referent) ? 'yes' : 'no') : (x.antecedentOf?.has(hit.label) ? 'other' : 'no');
    // Glued or apposed to an actor the lexicon names but does not track ("Islamic State militants", "the terrorist
    // organization “ISIS”", "Iran-aligned Al Mayadeen TV"), the words describe that actor: no label of a referent.
    const untracked = (x: Mention): boolean => x.referent === null && x.side === undefined;
    const settle = (x: Mention): void => {
      if (x.referent !== null && candidates.has(x.referent)) resolveTo(hit, x.referent, seen, match, units);
    };

    // 0'. A compound side adjective after a copula with no noun after it ("The Houthis have been pro-Iranian,
    // anti-American") predicates a stance of the subject; it names no group, so it is no label. Not in a relative
    // clause after a name ("the militias, which are Iran-backed,"), which the lexicon reads as the name's label, as it
    // reads "the Houthis, who are backed by Iran".
    if (!/\s/u.test(hit.text) && [...hit.text].some(isHyphenChar) && match.startUnit > 0 && !units.barrierAfter[match.startUnit - 1] &&
        copulas.has(units.normal[match.startUnit - 1]) && !relativeBefore(units, match.startUnit - 1) &&
        (units.barrierAfter[match.endUnit - 1] || match.endUnit >= units.count || COORDINATORS.has(units.normal[match.endUnit]))) {
      notLabels.add(hit);
      continue;
    }
    // 0. A first-person label in speech ("attacks on our troops", said by a defence secretary) names the speaker's
    // side, not the outlet's and not whoever was named last.
    if (entry.firstPerson && hit.voice !== 'author') {
      const side = speakerSide(text, hit, match, candidates, seen, mentions, next, units, speech, rules);
      if (side !== null) resolveTo(hit, side, seen, match, units);
      continue;
    }

    // 0b. A personal possessive ("his regime", "her government"): the label is the person's, and the person is the one
    // named last before it (in its sentence, or PRONOUN_SENTENCES before), not whatever the words after it name
    // ("Putin said his regime supports Iran" is no Iranian regime). The person's side decides: a name with a side
    // ("Israel Katz"), or the actor of the person's title ("Israeli Prime Minister Benjamin Netanyahu", "Iran's
    // Supreme Leader Ali Khamenei"), where the person is named or was introduced. A person the lexicon does not tie
    // to a side (Putin, Maduro, Assad) leaves the label unresolved, as does no person at all.
    const pronounAt = personalPossessiveAt(units, match);
    if (pronounAt >= 0) {
      const side = possessorSide(text, units, seen, pronounAt, hit.sentence, compiled);
      if (side !== null && candidates.has(side)) resolveTo(hit, side, seen, match, units);
      continue;
    }

    // 1. Glued to a name or label: "Kataib Hezbollah fighters", "Iran-backed Hezbollah", "ISIS fighters" (untracked:
    // stays unresolved), "Iran-aligned Al Mayadeen TV" (a broadcaster: unresolved).
    const prevUnit = match.startUnit - 1;
    const prevGlued = prevUnit >= 0 && !units.barrierAfter[prevUnit];
    const before = seen.length ? seen[seen.length - 1] : undefined;
    const after = next < mentions.length ? mentions[next] : undefined;
    const adjacent = (before && prevGlued && before.endUnit === match.startUnit ? before : undefined) ??
      (after && !after.event && nameInPhrase(text, units, match, after, rules.appositionWords, words) ? after : undefined);
    if (adjacent) {
      // "Hezbollah and Hamas fighters": glued to the last of a list that names two referents the label may take, the
      // label names them together, which is no one referent (the gold README's "two referents").
      if (!(adjacent === before && plural(units.normal[match.endUnit - 1]) && listMixes(text, seen, seen.length - 1, fit))) settle(adjacent);
      // Glued after a tracked referent the label may not take ("IDF fighters", "Zionist regime fighters"), the word
      // is that referent's own men or machines: one mention, the referent's, and no label (as an of-phrase naming
      // such a referent is, rule 4).
      if (untracked(adjacent) || (adjacent === before && adjacent.referent !== null && !candidates.has(adjacent.referent))) notLabels.add(hit);
      continue;
    }
    // 1a. A relation's head noun ("its ally Hamas"): only the name right after it, read above, says whom it names;
    // without one ("the United States and its allies", "Israel thanked its closest allies") whose allies they are is
    // not in the words, and the words are no label (lexicons/README.md rule 1). The one owner whose allies the words
    // do say is a sponsor coordinated right before the possessive ("Iran and its allies", "Tehran and its regional
    // allies", "Iran or any of its allies"): the groups it backs, named as "Iran-backed groups" are (1.3.38).
    if (words.relationNouns.has(units.normal[match.endUnit - 1])) {
      const client = words.patronClient;
      if (client !== undefined && candidates.has(client) && sponsorCoordinated(text, units, match, before, words.patron)) {
        resolveTo(hit, client, seen, match, units);
      } else {
        notLabels.add(hit);
      }
      continue;
    }
    // 1b. Glued to a word that puts the men on a government's side or its armed opponents' ("regime fighters",
    // "pro-government fighters", "opposition fighters"): the sides of a civil war, which no referent is (a
    // referent's own forces are named by its name, "Israeli forces", not by these words). The words are no label.
    if (prevGlued && words.side.has(units.normal[prevUnit])) {
      notLabels.add(hit);
      continue;
    }
    // 1b''. Glued to the nationality of a people or state that no referent is ("six allied Kurdish fighters", "Turkish
    // militants", "the Egyptian regime"): the men are that people's, whoever the story named before, so the words are
    // no label of a referent, as after an untracked actor's name (rule 1). A compound ends in its last word
    // ("Kurdish-led fighters", "Turkish-backed militants" are read by "led", "backed"); the nationalities of the
    // theatres (Iraqi, Lebanese, Yemeni, Palestinian, Syrian) are not in the class.
    if (prevGlued && words.outside.has(units.normal[prevUnit])) {
      notLabels.add(hit);
      continue;
    }
    // 1b'. A count of a bare neutral noun ("comprise of 2,500 fighters", "with over 500,000 fighters") sizes a force
    // without saying whose (a toll of the dead is the group's, dev-a): the gold README does not annotate bare counts ("about 2,500 troops", a17), and the
    // look-back would hand it to whoever was named last. A framing word keeps its frame ("three terrorists").
    // A from- or of-phrase after the count still says whose ("4 fighters from Al-Nujaba", rule 4).
    const ownerAfter = match.endUnit < units.count && !units.barrierAfter[match.endUnit - 1] &&
      (units.normal[match.endUnit] === 'from' || units.normal[match.endUnit] === 'of');
    if (prevGlued && entry.weight === 0 && match.endUnit - match.startUnit === 1 && isNumeral(units.normal[prevUnit], numberWords) && !ownerAfter &&
        !casualtyNear(units, match, hit.sentence, casualtyWords, rules.casualtyReach)) {
      notLabels.add(hit);
      continue;
    }
    // 1b'''. Glued after "any" ("would not deploy any fighters to confront Israel", "any gunmen who approach the
    // fence"): free choice names no particular men, so whoever the story named before is no antecedent (as a count is
    // not, 1b'). A framing word keeps its frame ("any terrorists"); an of- or from-phrase after it still says whose
    // (session 23, batch ax).
    if (prevGlued && entry.weight === 0 && match.endUnit - match.startUnit === 1 && units.normal[prevUnit] === 'any' && !ownerAfter) {
      notLabels.add(hit);
      continue;
    }
    // 1c. Said to be unknown ("unknown gunmen", "unidentified militants"): the text itself says it does not know who,
    // so whoever was named before is no antecedent.
    if (prevGlued && words.unknown.has(units.normal[prevUnit])) continue;
    // A modifier of an attack, a place or a thing is not a label of an actor: "Iran-backed attacks on US troops",
    // "strikes on Iran-linked sites in Syria", "raids on pro-Iran targets since May". The noun is the phrase's head
    // where punctuation, a preposition, a conjunction or an auxiliary follows it; another word may be the head
    // ("Iran-backed drone units"). Only a thing's noun: "militants strike again" is a verb. A possessive label owns
    // the noun instead ("the coalition's targets were …").
    const e = match.endUnit;
    if (e + 1 < units.count && !units.barrierAfter[e - 1] && (eventNouns.has(units.normal[e]) || thingNouns.has(units.normal[e])) &&
        (units.barrierAfter[e] || ATTACK_OBJECT.has(units.normal[e + 1]) ||
          // "the occupation bombing of a gathering", "militia attacks of the past week": the event's of-phrase (batch ba).
          (eventNouns.has(units.normal[e]) && units.normal[e + 1] === 'of') ||
          (thingNouns.has(units.normal[e]) && THING_HEAD_FOLLOWERS.has(units.normal[e + 1]) && !possessive(units.normal[e - 1])))) continue;
    // "the occupation warplanes have intensified …", "The occupation aircraft and artillery bombed …": a vehicle noun is
    // never a verb, so it heads its phrase whatever follows (session 24, batch ba).
    // So does a noun of bombardment that is never a verb ("the occupation shelling continued until dawn").
    if (e < units.count && !units.barrierAfter[e - 1] && !possessive(units.normal[e - 1]) &&
        (equipmentNouns.has(units.normal[e]) || (eventNouns.has(units.normal[e]) && verblessEvents.has(units.normal[e])))) continue;
    // 1d. A category in a list's name or after the list ("the Foreign Terrorist Organization (FTO) list", "a sanctions
    // list against terrorist groups", "its list of banned terrorist organizations") names what the list holds, not an
    // actor: no antecedent is sought. A designation of an actor ("designated the Houthis a terrorist organization")
    // has no list noun and still resolves.
    if (listNoun(text, units, match, listNouns, designationNouns)) continue;
    // 1d'. A kind named as whoever gains from a wrong ("such violations will only serve the interests of terrorist
    // organizations lurking to harm Iraq", "plays into the hands of extremist groups"): a bare plural, with no article,
    // demonstrative or possessive, after a `beneficiary-phrase` names a class of actors, not one the story has named,
    // so no antecedent is sought (session 23, batch as). "the interests of the occupation" is definite and looks back.
    if (beneficiaryKind(units, match, words.beneficiaryPhrases)) continue;
    // The same with words between a compound modifier and the attack ("Iranian-backed Shiite terror attacks are
    // ongoing", "Iran-aligned Houthi drone strikes on shipping"): up to MODIFIER_GAP words that are no group noun, then
    // an attack noun that heads the phrase (punctuation, on/against/…, or a copula after it). A group noun between
    // ("Iran-backed militia attacks") is read as the label's own noun by the lexicon and never comes here.
    if (!/\s/u.test(hit.text) && [...hit.text].some(isHyphenChar) && eventHeadAfterGap(units, e, eventNouns, copulas, compiled)) continue;
    // 2. Apposition and naming: the label describes the name beside it.
    const apposed = appositionOf(text, units, match, before, after, mentions, next, rules, words);
    // 2'. The label's own of-phrase names whose men they are, whatever stands before its comma: "in response to the
    // massacres against our people in Gaza, the Mujahideen of the Islamic Resistance in Iraq attacked four bases" is
    // the Iraqi group's men, not an apposition to the people (rule 4 reads the of-phrase; here it outranks rule 2).
    // Not after a verb that takes "X of Y", nor for a hostile head ("the enemies of Israel", rule 4).
    if (apposed && units.normal[match.endUnit] === 'of' && !units.barrierAfter[match.endUnit - 1] &&
        !objectOfVerb(units, match, words.ofVerbs) && !words.adversaryNouns.has(units.normal[match.endUnit - 1])) {
      const own = ofPhraseMention(mentions, next, match, hit.sentence);
      if (own && fit(own) === 'yes' && own.referent !== apposed.referent) {
        settle(own);
        continue;
      }
    }
    if (apposed) {
      // "Hamas and Hezbollah, both widely considered terrorist organizations": a plural apposition to the last of a
      // list that names two referents the label may take describes them together, which is no one referent (as a
      // plural label glued to such a list is, rule 1).
      if (!(apposed === before && plural(units.normal[match.endUnit - 1]) && listMixes(text, seen, seen.length - 1, fit))) settle(apposed);
      if (untracked(apposed)) notLabels.add(hit);
      continue;
    }
    // 3. Specified in place by a capitalised word the lexicon does not know ("the Assad regime"); a function word that
    // opens a sentence ("A militant was killed", "These fighters") is capitalised, not specific. A nationality the
    // lexicon lists as a descriptor before a group noun only says where the group is from ("The Lebanese terrorist
    // organization"): it names nobody, and the label looks back like any other.
    const head = units.normal[match.endUnit - 1];
    const capitalisedModifier = prevGlued && /^\p{Lu}/u.test(text.slice(units.start[prevUnit], units.end[prevUnit])) &&
      !ENGLISH_STOPWORDS.has(units.normal[prevUnit]) && !originOfGroup(compiled, units.normal[prevUnit], head);
    if (capitalisedModifier) continue;
    // 3b. Part of a proper name: a capitalised label that capitalised words go on ("the Resistance News Network
    // Telegram channel") names that outlet or body, not a referent; a name the lexicon knows was read by rule 1. Not in
    // a headline, where title case capitalises every word.
    const lastUnit = match.endUnit - 1;
    if (match.endUnit < units.count && !units.barrierAfter[lastUnit] && units.sentence[match.endUnit] === hit.sentence &&
        /^\p{Lu}/u.test(text.slice(units.start[lastUnit], units.end[lastUnit])) &&
        /^\p{Lu}/u.test(text.slice(units.start[match.endUnit], units.end[match.endUnit])) &&
        !ENGLISH_STOPWORDS.has(units.normal[match.endUnit]) && hit.start >= headlineEnd) continue;
    // 4. An of-phrase: "an umbrella group of anti-terror fighters" names its referent; "the regime of the river" names
    // nobody; "fighters of these two organizations" points back like a pronoun.
    const nextWord = match.endUnit < units.count && !units.barrierAfter[match.endUnit - 1] ? units.normal[match.endUnit] : '';
    // "militants from Hamas", "fighters from Kataib Hezbollah": a from-phrase that names a referent the label may take
    // decides; one that names a theatre is read as "in" is (4b: "Iran-backed Islamists from Iraq"); any other place or
    // nobody leaves the look-back to decide.
    // The name may end the from-phrase's noun phrase ("terrorists from the radical Islamic movement Hezbollah"); an
    // untracked actor there keeps the label off any referent ("militants from the Islamic State group").
    if (nextWord === 'from') {
      const first = next < mentions.length ? mentions[next] : undefined;
      // "fighters from Iran’s “axis of resistance”": a possessive owns the phrase's head, which is the name after it.
      const m = first && next + 1 < mentions.length && fit(first) === 'no' ?
        possessedName(text, units, first, mentions[next + 1], rules.appositionWords, words) ?? first : first;
      if (first && m && first.sentence === hit.sentence && first.startUnit > match.endUnit &&
          first.startUnit <= match.endUnit + 2 + rules.appositionWords && nounPhraseBetween(text, units, match.endUnit, first.startUnit, words)) {
        const f = fit(m);
        if (f === 'yes') settle(m);
        if (f !== 'no') continue;
      }
    }
    // The label as the object of a verb that takes "X of Y" ("Hamas warns the occupation of a major escalation",
    // "Israel accused the militants of using shields"): the of-phrase completes the verb, not the label, so it says
    // nothing of whom the label names and the rules after this one decide.
    if (nextWord === 'of' && !objectOfVerb(units, match, words.ofVerbs)) {
      const inPhrase = ofPhraseMention(mentions, next, match, hit.sentence);
      // "the enemies of Israel", "a foe of the US": a hostile head's of-phrase names whom the men oppose, so the
      // named referent is the one the label does not mean; which other actor it is, the phrase does not say.
      if (inPhrase && fit(inPhrase) === 'yes' && words.adversaryNouns.has(head)) continue;
      if (inPhrase && fit(inPhrase) !== 'no') {
        settle(inPhrase);
        continue;
      }
      // "fighters of the Zionist regime", "fighters of the US Air Force": owned by a tracked referent the label may
      // not take, the words name that actor's own men or machines, which this label does not describe.
      const ownerAt = units.normal[match.endUnit + 1] === 'the' ? match.endUnit + 2 : match.endUnit + 1;
      if (inPhrase && inPhrase.referent !== null && inPhrase.startUnit === ownerAt && !units.barrierAfter[match.endUnit]) {
        notLabels.add(hit);
        continue;
      }
      const determiner = match.endUnit + 1 < units.count ? units.normal[match.endUnit + 1] : '';
      if (inPhrase || !POINTING_DETERMINERS.has(determiner)) continue;
    }
    // 4b. A theatre: "the enemy in the Gaza Strip", "the occupation forces in Iraq" — a place where only one of the
    // referents the label may take acts decides (the lexicon's `theatres`).
    // It decides unless an untracked actor named nearer blocks the label ("ISIS … the militants in Syria").
    // A compound modifier ("Iran-backed", "pro-Iran") has its place after the noun it modifies: "Iran-backed
    // Islamists from Iraq".
    const modifierNoun = /[-‐‑]\p{L}+$/u.test(hit.text) && match.endUnit < units.count && !units.barrierAfter[match.endUnit - 1];
    // A nationality glued before the label says where the men are from, as "from <place>" does: "attacks by Yemeni
    // militants" are of Yemen's theatre, whoever with the same head noun was named last ("Palestinian militants").
    // Rule 3 has let only a descriptor before a group noun come this far.
    const people = demonymBefore(text, units, match.startUnit, compiled);
    // A nationality of none of the referents the label may take ("Israeli terrorists" for a label of the Palestinian
    // and regional groups, "Iranian militants") names men the label cannot mean: left unresolved, as rule 3 leaves a
    // capitalised word the lexicon does not know.
    if (people && !onlyActor(candidates, people) && ![...candidates].some((r) => people.has(r))) continue;
    const acting = people ?? theatreAfter(units, match.endUnit, compiled) ??
      (modifierNoun ? theatreAfter(units, match.endUnit + 1, compiled) : undefined);
    const byTheatre = acting ? onlyActor(candidates, acting) : null;
    // 4b'. A possessive determiner names the owner: "the steadfast Palestinian people in Gaza and their valiant and
    // honourable resistance" is the people's resistance, not the Islamic Resistance named earlier with the same head.
    // Only for a neutral or positive label (a force of the owner's own); "Israel and its enemies" names the owner's
    // adversaries, so a negative label goes on to the look-back.
    if (hit.weight >= 0) {
      const owned = possession(units, match, seen, hit.sentence);
      if (owned && fit(owned.owner) === 'yes') {
        settle(owned.owner);
        continue;
      }
      // Owned by a tracked referent the label may not take, the words are that referent's own men ("Israel’s
      // battle-hardened forces", "The IDF said its fighters were ready"): no label, as after that referent's name
      // (rule 1). For "its"/"their" only when no mention the label may take stands before it in the sentence, so
      // that "Hezbollah attacked Israel and its fighters …" still looks back.
      if (owned && owned.owner.referent !== null && fit(owned.owner) === 'no' &&
          (owned.clitic || !fittingInSentence(seen, hit.sentence, fit, rules.lookBackMentions))) {
        notLabels.add(hit);
        continue;
      }
    }
    // 4c. A definite label takes up the last noun with its head: when that noun is no mention but describes one
    // ("the Islamic Resistance in Iraq, a coalition of Iran-backed militias … The coalition"), the actor it describes is
    // meant, or, if the label may not take it, nobody the label may take.
    const definite = DEFINITE.has(units.normal[match.startUnit]) || (prevGlued && DEFINITE.has(units.normal[prevUnit]));
    const owner = definite ? headOwner(units, text, match, head, seen, hit.sentence - rules.antecedentSentences, rules.appositionWords) : undefined;
    if (owner) {
      if (fit(owner) === 'yes') settle(owner);
      continue;
    }
    // 4d. A demonstrative points at what was just named: "… forming the Axis of Resistance. This coalition has …" is
    // the Axis, and when the label may not take that actor, no earlier one is meant either, unless one the label may
    // take was named with its head noun just before ("the Zionist regime against the Palestinian people … this regime").
    const demonstrative = DEMONSTRATIVES.has(units.normal[match.startUnit]) || (prevGlued && DEMONSTRATIVES.has(units.normal[prevUnit]));
    // Not what a fronted adverbial of the label's own sentence names ("In the wake of the attack on Israel, these
    // militants have been using drones"): the demonstrative opens the main clause and points past the adverbial, to the
    // story's actor (session 21, dev batch ah); the adverbial's openers are the voice vocabulary's `fronted_openers`.
    if (demonstrative && before && before.referent !== null && before.sentence >= hit.sentence - 1 && fit(before) === 'no' &&
        !seen.some((m) => m.sentence >= hit.sentence - 1 && m.head === head && fit(m) === 'yes') &&
        !inFrontedAdverbial(units, before, DEMONSTRATIVES.has(units.normal[match.startUnit]) ? match.startUnit : prevUnit,
          compiled.voice.words.frontedOpeners)) continue;
    // 4e. A definite plural label takes up the last phrase with its words ("to help the army fight rebels who seized
    // Aleppo … the rebels", "Kurdish fighters clashed … The fighters withdrew", "ISIS militants attacked … The
    // militants fled"): when that phrase is no mention of a referent the label may take (a bare noun, an untracked
    // actor's men, a label left unresolved), the label names whom that phrase named, which the text does not tie to a
    // referent: unresolved, even past a nearer fitting mention with another head (lexicons/README.md rule 5).
    if (definite && plural(head) &&
        sameWordsUntaken(units, match, seen, hit.sentence - rules.antecedentSentences, rules.lookBackMentions, fit)) continue;
    // 4f. Another scene: a roundup moves to another theatre in the label's own sentence ("Israel struck Gaza again. In
    // Niger, the junta expelled French troops, and critics said the regime …", "The Nigerian army said it killed 20
    // terrorists"): a place or nationality of the class `elsewhere-word` before the label in its sentence, with no
    // mention of any actor between the sentence's start and the label, makes the label that scene's: unresolved,
    // not the referent named in an earlier item (1.3.38).
    // A theatre place in the label's own clause after it still says who acts ("In Nigeria, protesters said the
    // occupation forces must leave Gaza": rule 5b).
    if (elsewhereBefore(text, units, match, hit.sentence, before, words.elsewhere) &&
        !theatreInClause(units, match.endUnit, compiled, rules.appositionWords + CLAUSE_PLACE_EXTRA)) continue;
    // 5. Look back: the nearest mention the label may mean, unless another fitting referent is far more salient.
    let blocked = false;
    const salience = new Map<string, number>();
    let nearest: string | null = null;
    /** Where the nearest fitting mention stands in `seen`. */
    let nearestAt = -1;
    // A fitting mention that repeats the label's head noun ("the Islamic Resistance in Iraq … the resistance") is
    // what a definite noun phrase takes up, even past a nearer mention of another fitting referent.
    let sameHead: string | null = null;
    /** Where that mention stands in `seen` (in the window only). */
    let sameHeadAt = -1;
    // Beyond the window a definite label ("the militant groups") still takes up an earlier fitting mention with its
    // head noun ("terrorist groups", a dozen sentences back) when nothing nearer fits or blocks: the topic goes on.
    // A speaker tagged by surname ("…,” Amir-Abdollahian said) speaks for the side the story introduced him with
    // ("Iran's Foreign Minister Hossein Amir-Abdollahian"); a negative label in his words is not that side.
    // So does a tracked actor named as the speaker in the tag after the label ("“The enemy's preparation … can be seen,”
    // the IDF said", "…, said the army"): the IDF's enemy is not the IDF (session 21, dev batch ah).
    const disparaging = hit.weight < 0 && hit.voice !== 'author';
    const introduced = disparaging ? introducedSide(text, match, seen, units, speech, mentions, next) : undefined;
    const speakerOwn = disparaging && introduced === undefined ? taggedSpeaker(text, hit, mentions, next, units, speech) : introduced;
    // The object of a verb of fighting ("Iran-backed Shia militias defeated the militant group") is not the verb's
    // subject: a fitting mention standing as that subject is the label's opponent, and its referent is not meant.
    const combatAt = combatVerbBefore(units, match, words);
    // A speech verb coordinated after another verb of the same subject ("Iran's foreign ministry condemned the Israeli
    // strike and said the regime …"): its speaker is the sentence's subject, the mention opening the sentence, and
    // the mentions between are the first verb's objects, no speakers (1.3.38).
    const coordinated = hit.weight < 0 && hit.voice !== 'author' && coordinatedSpeech(units, match, hit.sentence, speech);
    const opposite = new Set<string>();
    /** Referents passed over as the speaker of the label's reported speech: not what the speaker disparages. */
    const speakers = new Set<string>();
    for (let k = seen.length - 1, visited = 0; k >= 0 && visited < rules.lookBackMentions; k--, visited++) {
      const mention = seen[k];
      if (mention.sentence < hit.sentence - rules.antecedentSentences) {
        if (!definite || nearest !== null) break;
        if (fit(mention) === 'yes' && containsUnit(units, mention, head)) {
          nearest = sameHead = mention.referent;
          salience.set(nearest as string, 1);
          break;
        }
        if (fit(mention) === 'other' || mention.head === head) break;
        continue;
      }
      // The speaker's side is not what the speaker disparages: in reported speech, a mention standing before the speech
      // verb of the label's own sentence names the speaker ("Iran's ambassador … said the regime had …"), and a
      // negative label there means the speaker's adversary. A neutral or positive one may well be the speaker's own
      // ("the Islamic Resistance in Iraq said its mujahideen …").
      if (hit.weight < 0 && hit.voice !== 'author' && mention.sentence === hit.sentence &&
          (coordinated ? sentenceSubject(units, seen, k, words.clauseVerbs) : speechVerbBetween(units, mention.endUnit, match.startUnit, speech))) {
        if (mention.referent !== null) speakers.add(mention.referent);
        continue;
      }
      if (speakerOwn && (mention.referent ?? mention.side) === speakerOwn) continue;
      // A cause supported is not the agent: "in support of the steadfast people in Gaza and in response to the Israeli
      // airstrikes on southern Lebanon, the Resistance fighters attacked a building" are the fighters of whoever
      // issued the statement (Hezbollah), not the people they support. Only once that phrase has closed before the
      // label ("in support of the Palestinian people and their resistance" is read by rule 4b').
      if (causeObject(units, mention, words.causePhrases) && closedBetween(units, mention, match)) continue;
      const f = fit(mention);
      if (f === 'yes' && (opposite.has(mention.referent as string) ||
          (nearest === null && combatAt >= 0 && subjectOf(units, seen, k, combatAt, speech)))) {
        opposite.add(mention.referent as string);
        continue;
      }
      if (f === 'yes') {
        if (sameHead === null && containsUnit(units, mention, head)) {
          sameHead = mention.referent;
          sameHeadAt = k;
        }
        if (nearest === null) {
          nearest = mention.referent;
          nearestAt = k;
        }
        const r = mention.referent as string;
        salience.set(r, (salience.get(r) ?? 0) + 1 / (1 + hit.sentence - mention.sentence));
        continue;
      }
      // An actor the lexicon does not track, named nearer than any fitting referent, is what the label means
      // ("the Islamic State … the terror organization"): leave the label unresolved rather than jump past it.
      // Not when the actor is what others fight ("the coalition against ISIS", "anti-ISIS operations"): that names
      // a campaign's target, which a later label rarely picks up.
      if (f === 'other' && nearest === null && !campaignTarget(units, mention, words.opposing)) {
        blocked = true;
        break;
      }
      if (mention.head === head) {
        blocked = nearest === null;
        break;
      }
    }
    if (byTheatre !== null && !blocked && !opposite.has(byTheatre) && byTheatre !== speakerOwn) {
      resolveTo(hit, byTheatre, seen, match, units);
      continue;
    }
    if (nearest !== null) {
      // "Hezbollah, Hamas, and Houthis — the three militant groups", "designated Hamas, the Houthis and Hezbollah as
      // terrorist organizations": a plural label that takes up a list naming two referents it may take names them
      // together, which is no one referent (the gold README's "two referents"): unresolved.
      if (sameHead === null && plural(head) && listMixes(text, seen, nearestAt, fit)) continue;
      // A plural noun of groups as bodies names several groups ("the armed groups facing Israel and the United
      // States"): when the window names groups of two referents it may take, neither of them salience_factor times as
      // salient as the other (Hamas, then Hezbollah), which of them it names, or whether both, the words do not say:
      // unresolved. One far more present is the story's groups ("the Islamic Resistance in Iraq … resistance groups").
      if (sameHead === null && words.bodyNouns.has(head) && salience.size > 1 && balanced(salience, rules.salienceFactor)) continue;
      // An actor named in the label's own sentence is what an epithet of a group noun there takes up ("the war against
      // Hamas triggered by the militant group's rampage"), even when an earlier mention repeats the head noun. Not a
      // topic noun: "the resistance" goes on taking up the mention that repeats it.
      const nearInSentence = nearestAt >= 0 && seen[nearestAt].sentence === hit.sentence && groupHead(compiled, head);
      // The story has moved on: when the mention that repeats the head is itself an epithet read from context ("Israel
      // and Hamas agreed … The militant group released …") and a later sentence opens with the name of another
      // referent the label may take ("Hezbollah fired rockets … The militant group said …"), the epithet now takes up
      // that new subject, as a reader does (1.3.36). A name that repeats the head ("the Islamic Resistance in Iraq
      // … the resistance") still decides past it.
      const movedOn = sameHeadAt >= 0 && nearestAt > sameHeadAt && seen[sameHeadAt].taken === true &&
        !seen[nearestAt].taken && seen[nearestAt].referent !== sameHead &&
        seen[nearestAt].sentence > seen[sameHeadAt].sentence && opensSentence(units, seen[nearestAt].startUnit);
      let best = (nearInSentence || movedOn ? null : sameHead) ?? nearest;
      const nearestScore = salience.get(nearest) ?? 0;
      for (const [referent, score] of salience) {
        if (score >= rules.salienceFactor * nearestScore && score > (salience.get(best) ?? 0)) best = referent;
      }
      // 5'. The label's own clause places the men further on ("to prevent weapons and terrorists entering Syria and
      // Lebanon from Iran and Iraq", two sentences after "a senior Hamas terrorist"): a place after a preposition of
      // place in the clause, of a theatre where two referents or more act and the looked-back one does not, says the words do not
      // name that referent's men, and with no mention of it in the label's own sentence nothing else does: unresolved.
      // So does such a place in a fronted adjunct that sets the sentence's scene ("In Yemen, Israeli jets hit
      // terrorists at a port"). A place of one actor (Tel Aviv, Iran) is as often the target or the patron as the
      // scene: it decides nothing (session 24, dev batch az).
      if (!fittingInSentence(seen, hit.sentence, (m) => (m.referent === best ? 'yes' : 'no'), rules.lookBackMentions) &&
          (clausePlaceExcludes(text, units, match.endUnit, compiled, rules.appositionWords + CLAUSE_PLACE_EXTRA, best) ||
            frontedPlaceExcludes(units, match.startUnit, compiled, best))) continue;
      // A speaker's enemy is whoever the speaker fights: when the label is negative, in a quotation or reported
      // speech, and another referent it may take is nearly as salient in the window ("the strongholds of the enemies"
      // after both US bases and "the Zionist entity"), the speaker's words do not say which is meant: unresolved.
      // Off when compete_ratio is 0, the default: on the gold standard it left four right referents open (a seed's
      // "the enemy", gold a08, a28 and one more) for one wrong one avoided on the audit sets (lexicons/README.md).
      if (rules.competeRatio > 0 && sameHead === null && hit.weight < 0 && hit.voice !== 'author' &&
          rivalled(salience, best, rules.competeRatio)) continue;
      resolveTo(hit, best, seen, match, units);
      continue;
    }
    // 6. A headline names its actor in the lead, and a lead often names it right after the label ("Resistance
    // groups vow response. Kataib Hezbollah said …"): look ahead to the lead's first sentence.
    // Set against a referent by its own clause and with nothing else before it, the label is someone the sentence
    // does not name (the Islamic State the militias defeated, Syria's rebels the government drove out): unresolved.
    if (blocked || opposite.size > 0) continue;
    // 5b. With nothing before it, a place further on in the label's clause says who acts there: "occupation forces
    // stormed several cities in the West Bank" (the theatre's one actor the label may take, as in rule 5).
    const clausePlace = theatreInClause(units, match.endUnit, compiled, rules.appositionWords + CLAUSE_PLACE_EXTRA);
    const byClausePlace = clausePlace ? onlyActor(candidates, clausePlace) : null;
    if (byClausePlace !== null) {
      resolveTo(hit, byClausePlace, seen, match, units);
      continue;
    }
    const inHeadline = hit.start < headlineEnd;
    // The object of a verb of fighting ("Assad vowed to crush insurgents") is whoever the subject fights; the lead's
    // next actor may as well be the subject's ally ("fighters from Iran-backed militias crossed … to help the
    // government"): no look-ahead for it.
    if ((inHeadline || hit.sentence <= 1) && combatAt < 0) {
      const lastSentence = inHeadline ? headlineSentences + 1 : hit.sentence + LEAD_LOOKAHEAD;
      let decided = false;
      for (let k = next; k < mentions.length && k < next + rules.lookBackMentions && mentions[k].sentence <= lastSentence; k++) {
        const f = fit(mentions[k]);
        // The speaker named in the tag ("…,” Kataib Hezbollah spokesman … said) is not what the speaker disparages.
        if (f === 'no' || (speakerOwn && (mentions[k].referent ?? mentions[k].side) === speakerOwn)) continue;
        settle(mentions[k]);
        decided = true;
        break;
      }
      if (decided) continue;
    }
    // With nothing before it, a label is taken up by a fitting mention just ahead that repeats its head noun
    // ("…operations against the occupation forces,” … attacks against the US occupation forces").
    const ahead = sameHeadAhead(units, mentions, next, hit.sentence + rules.antecedentSentences, head, fit, rules.lookBackMentions);
    if (ahead) {
      settle(ahead);
      continue;
    }
    // 5c. With no actor before it or ahead, the places the window has named set the scene: "In Rafah, troops used a
    // drone to strike an armed terrorist" is a Palestinian gunman. Only when every theatre place of the label's
    // sentence and the window's sentences before it leaves the same one referent the label may take.
    // Not once the text has named an untracked actor the label may mean, however far back: a story about the PKK in
    // northern Iraq sets its scene in the Iraqi theatre, and "The leftist group … is designated as a terrorist
    // organization" is still the PKK.
    while (nextPlace < places.length && places[nextPlace].unit < match.startUnit) nextPlace++;
    if (untrackedNamed.has(hit.label)) continue;
    const scene = sceneActor(places, nextPlace, hit.sentence - rules.antecedentSentences, candidates);
    // The speaker's own name is no scene of what it disparages ("Iran's foreign ministry said the regime would be
    // punished": Iran is a theatre's place too, but the speaker's adversary is meant; 1.3.38).
    if (scene !== null && !speakers.has(scene) && scene !== speakerOwn) resolveTo(hit, scene, seen, match, units);
  }
  return notLabels;
}

/**
 * Whether the words of an apposition from its first word up to the label (`from` to `to`, exclusive) are one noun
 * phrase: no punctuation, and no article after the first word but after "of". Another article opens another phrase
 * ("Led by the Israeli Air Force, the forces eliminated the terrorists": the terrorists are the object of a clause,
 * not the Air Force); an of-phrase joins ("Kataib Hezbollah, one of the militias").
 */
/**
 * Where a verb of fighting whose object the label is begins ("defeated the militant group", "drove out rebel forces",
 * "attacked these militants"), or whose agent it is in the passive ("was shot by terrorists"), or -1: the verb (and
 * "by") stands right before the label, or before one article or pointing determiner, in the same clause.
 */
function combatVerbBefore(units: Units, match: Match, words: ResolveWords): number {
  let u = match.startUnit - 1;
  if (u >= 0 && !units.barrierAfter[u] && (ARTICLES.has(units.normal[u]) || POINTING_DETERMINERS.has(units.normal[u]))) u--;
  if (u < 0 || units.barrierAfter[u]) return -1;
  // The agent of a passive verb of fighting ("One more militant was shot by terrorists", "fighters ambushed by the
  // militants"): the verb's subject is whom the label fought, as the subject of the active verb is.
  if (units.normal[u] === 'by' && u >= 1 && !units.barrierAfter[u - 1]) {
    if (words.combat.has(units.normal[u - 1])) return u - 1;
    if (u >= 2 && !units.barrierAfter[u - 2] && words.combatPhrases.has(`${units.normal[u - 2]} ${units.normal[u - 1]}`)) return u - 2;
    return -1;
  }
  if (words.combat.has(units.normal[u])) return u;
  if (u >= 1 && !units.barrierAfter[u - 1] && words.combatPhrases.has(`${units.normal[u - 1]} ${units.normal[u]}`)) return u - 1;
  return -1;
}

/**
 * Whether the label is the object of one of `verbs`: the verb stands right before it, or before one article or pointing
 * determiner, in the same clause ("warns the occupation", "accused these militants").
 */
function objectOfVerb(units: Units, match: Match, verbs: ReadonlySet<string>): boolean {
  let u = match.startUnit - 1;
  if (u >= 0 && !units.barrierAfter[u] && (ARTICLES.has(units.normal[u]) || POINTING_DETERMINERS.has(units.normal[u]))) u--;
  return u >= 0 && !units.barrierAfter[u] && verbs.has(units.normal[u]);
}

/**
 * How many units may stand between a mention and the verb of fighting for the mention to be the verb's subject: a
 * coordinated second subject ("militias and Russian airstrikes, drove out"), no more. Further off, a clause of its own
 * may have come between.
 */
const OPPONENT_REACH = 4;

/**
 * Whether `seen[k]` is the subject of the verb of fighting at `verb`, or an ally inside the subject's aside: in the
 * verb's sentence, at most OPPONENT_REACH units before it, no other mention, speech verb or relative word between, and
 * no punctuation but the comma that closes a passive aside ("government forces, aided by Iranian-backed militias,
 * drove out …"). Any other comma before the verb may end a list of predicates whose subject is someone else
 * ("… encountered terrorists, killed terrorists").
 */
function subjectOf(units: Units, seen: Mention[], k: number, verb: number, speech: ReadonlySet<string>): boolean {
  const m = seen[k];
  if (m.endUnit > verb || verb - m.endUnit > OPPONENT_REACH || units.sentence[verb] !== m.sentence) return false;
  if (k + 1 < seen.length && seen[k + 1].startUnit < verb) return false;
  for (let u = m.endUnit; u < verb; u++) {
    const w = units.normal[u];
    if (speech.has(w) || RELATIVES.has(w) || w === 'that') return false;
  }
  for (let u = m.endUnit - 1; u < verb - 1; u++) if (units.barrierAfter[u]) return false;
  return !units.barrierAfter[verb - 1] || passiveAsideBefore(units, m.startUnit);
}

/** Whether the comma-opened phrase a mention stands in begins with a passive participle and "by" ("aided by", "backed by"). */
function passiveAsideBefore(units: Units, start: number): boolean {
  for (let u = start - 1; u > 0 && u >= start - OPPONENT_REACH && units.sentence[u] === units.sentence[start]; u--) {
    if (units.barrierAfter[u - 1]) return units.normal[u].endsWith('ed') && units.normal[u + 1] === 'by';
  }
  return false;
}

/** Whether the two most salient referents are within `factor` of each other: neither dominates the window. */
function balanced(salience: ReadonlyMap<string, number>, factor: number): boolean {
  const [first, second] = [...salience.values()].sort((a, b) => b - a);
  return second * factor > first;
}

function onePhrase(units: Units, from: number, to: number): boolean {
  for (let u = from; u < to; u++) {
    if (units.barrierAfter[u]) return false;
    if (u > from && ARTICLES.has(units.normal[u]) && units.normal[u - 1] !== 'of') return false;
  }
  return true;
}

/**
 * Whether a label stands glued after, or in an apposition to, an actor the lexicon names but does not track ("the SDF
 * militia", "the SDF, a Kurdish militia,"): the words then describe that actor, whatever referent the label has
 * elsewhere. Rules 1 and 2 read a context label so; analyze.ts reads a fixed one so through this.
 */
export function describesUntracked(text: string, units: Units, match: Match, last: Mention | undefined, compiled: CompiledLexicon): boolean {
  if (!last || last.referent !== null || last.side !== undefined || last.endUnit > match.startUnit) return false;
  if (units.sentence[last.startUnit] !== units.sentence[match.startUnit]) return false;
  // Glued by a space only: "the ISIS-Hamas murderers" pairs two names, the label still Hamas's.
  if (last.endUnit === match.startUnit) return !units.barrierAfter[last.endUnit - 1] && /^\s+$/.test(text.slice(last.end, units.start[match.startUnit]));
  const reach = compiled.voice.context.appositionWords;
  if (match.startUnit - last.endUnit > reach + 1 || !units.barrierAfter[last.endUnit - 1] ||
      !APPOSITION_COMMA.test(text.slice(last.end, units.start[last.endUnit])) || !ARTICLES.has(units.normal[last.endUnit])) return false;
  if (!onePhrase(units, last.endUnit, match.startUnit)) return false;
  const e = match.endUnit - 1;
  return closesApposition(units, e);
}

/** Whether an apposition ends after unit `e`: punctuation, or a word that continues the sentence after one ("who", "which"). */
function closesApposition(units: Units, e: number): boolean {
  return Boolean(units.barrierAfter[e]) || (e + 1 < units.count && APPOSITION_CONTINUATIONS.has(units.normal[e + 1]));
}

/**
 * The referent of a name that a fixed label stands in apposition to, when it is another referent than the label's own:
 * "Hamas, the Iran-backed terrorist organization in Gaza, applauded …" describes Hamas (the Palestinian group), though
 * the lexicon gives the patron label to the regional armed groups, as "the Iran-backed group Hamas" does (analyze.ts
 * nameAfterGroupLabel). The apposition is read as rule 2 and describesUntracked read it: the name right before a comma,
 * an article or "another" opening one noun phrase up to the label, and the phrase closing after it. Only a singular
 * group noun (one body, as the name is) and only a name, ending in a capitalised word ("Hamas", "Islamic Jihad"; not
 * "Palestinian militants", a label whose own words say whom it names).
 */
export function apposedName(text: string, units: Units, match: Match, last: Mention | undefined, own: string, compiled: CompiledLexicon): string | null {
  if (!last || last.referent === null || last.referent === own || last.event || last.endUnit > match.startUnit) return null;
  // A proper name ends in a capitalised word ("Hamas", "Islamic Jihad"); a label's noun does not ("Palestinian militants").
  if (!/^\p{Lu}/u.test(text.slice(units.start[last.endUnit - 1], units.end[last.endUnit - 1]))) return null;
  if (units.sentence[last.startUnit] !== units.sentence[match.startUnit]) return null;
  const head = units.normal[match.endUnit - 1];
  if (head.endsWith('s') || !groupHead(compiled, head)) return null;
  const reach = compiled.voice.context.appositionWords;
  if (match.startUnit - last.endUnit > reach + 1 || last.endUnit >= match.startUnit || !units.barrierAfter[last.endUnit - 1] ||
      !APPOSITION_COMMA.test(text.slice(last.end, units.start[last.endUnit])) ||
      !(ARTICLES.has(units.normal[last.endUnit]) || units.normal[last.endUnit] === 'another')) return null;
  if (!onePhrase(units, last.endUnit, match.startUnit)) return null;
  return closesApposition(units, match.endUnit - 1) ? last.referent : null;
}

/**
 * The side a first-person label in speech names: a speaker with a side (`side` in the lexicon: "Defense Secretary
 * Lloyd Austin said", "a White House spokesman said") in the label's own sentence, where speech tags stand; else the
 * nearest speaker looking back `speaker_sentences` sentences (the tag of a quotation's first paragraph covers the
 * paragraphs that go on with it): a name with a side, or a tracked actor a speech verb follows ("the IDF said"). A
 * speaking actor of another side ("Hezbollah said") leaves the label unresolved, and so does a story that names the
 * side but no speaker of it: "our forces" in a Houthi spokesman's words are not the US forces named before. Bounded
 * by look_back_mentions each way.
 */
function speakerSide(
  text: string, hit: Hit, match: Match, candidates: ReadonlySet<string>, seen: Mention[], mentions: Mention[], next: number,
  units: Units, speech: ReadonlySet<string>, rules: ContextWindows,
): string | null {
  for (let k = next; k < mentions.length && k < next + rules.lookBackMentions && mentions[k].sentence === hit.sentence; k++) {
    const s = mentions[k].side;
    if (s !== undefined && candidates.has(s)) return s;
  }
  // The tag after a quotation that goes on past the label's sentence: "“Our troops have been attacked … The mullahs
  // understand only strength,” a senior Republican senator said."
  const close = closingQuote(text, hit.end);
  if (close >= 0) {
    for (let k = next; k < mentions.length && k < next + rules.lookBackMentions && mentions[k].start <= close + TAG_CHARS; k++) {
      const m = mentions[k];
      if (m.start < close || text.slice(close, m.start).includes('\n')) continue;
      if (m.side !== undefined) return candidates.has(m.side) ? m.side : null;
    }
  }
  const introduced = introducedSide(text, match, seen, units, speech, mentions, next);
  if (introduced !== undefined) return introduced !== null && candidates.has(introduced) ? introduced : null;
  for (let k = seen.length - 1, visited = 0; k >= 0 && visited < rules.lookBackMentions; k--, visited++) {
    const m = seen[k];
    if (m.sentence < hit.sentence - rules.speakerSentences) break;
    // A name with a side is the speaker only where it speaks ("Defense Secretary Lloyd Austin said", "President Biden
    // on X:"); named as a topic ("The Pentagon sent more jets", "Biden urged Israel …") it says nothing of whose
    // troops the quotation's "our troops" are.
    if (m.side !== undefined) {
      if (speechVerbBetween(units, m.endUnit, units.count, speech) || colonAfter(text, units, m)) return candidates.has(m.side) ? m.side : null;
      continue;
    }
    if (m.referent === null) continue;
    // A tracked actor that speaks ("the IDF said", "Hezbollah said") is the speaker: its side, or none of the label's.
    // Not across punctuation: in "attacks on US troops, Israeli general Yaron Finkelman said" the general speaks.
    if (speechVerbBetween(units, m.endUnit, units.count, speech, true)) return candidates.has(m.referent) ? m.referent : null;
  }
  return null;
}

/**
 * The referent (or side) of a tracked actor that speaks in the tag after a label in speech: the first mention after
 * the quotation's closing mark (within TAG_CHARS characters, same paragraph) or, for reported speech without marks,
 * after a comma that follows the label in its sentence, when only the closing mark, commas and an article stand before
 * it and a speech verb follows it ("…,” the IDF said", "…, the army said") or stands right before it ("…,” said the
 * IDF"). undefined when there is no such tag. Bounded by look_back_mentions mentions.
 */
function taggedSpeaker(
  text: string, hit: Hit, mentions: Mention[], next: number, units: Units, speech: ReadonlySet<string>,
): string | undefined {
  const close = hit.voice === 'quoted' ? closingQuote(text, hit.end) : -1;
  if (hit.voice === 'quoted' && close < 0) return undefined;
  for (let k = next; k < mentions.length && k < next + TAG_MENTIONS; k++) {
    const m = mentions[k];
    if (m.referent === null && m.side === undefined) continue;
    let from: number;
    if (close >= 0) {
      if (m.start <= close) continue;
      if (m.start > close + TAG_CHARS) return undefined;
      from = close + 1;
    } else {
      if (m.sentence !== hit.sentence) return undefined;
      from = text.lastIndexOf(',', m.start);
      if (from < hit.end) continue;
    }
    const gap = text.slice(from, m.start);
    if (gap.includes('\n')) return undefined;
    const shape = /^[\s,”"’']*(?:(?!the\s)(\p{L}+)\s+)?(?:the\s+)?$/iu.exec(gap);
    if (!shape) continue;
    const inverted = shape[1] !== undefined && speech.has(shape[1].toLowerCase());
    if (shape[1] !== undefined && !inverted) continue;
    if (inverted || speechVerbBetween(units, m.endUnit, units.count, speech, true)) return m.side ?? m.referent ?? undefined;
  }
  return undefined;
}

/** Mentions after a label read for its speech tag. */
const TAG_MENTIONS = 4;

/** Characters a quotation's tag may take after its closing mark before the speaker's name ("…,” a senior Republican senator"). */
const TAG_CHARS = 40;
/** Characters after a label searched for the closing mark of its quotation (a few sentences of one paragraph). */
const QUOTE_REACH = 400;

/**
 * The offset of the closing quotation mark after a label in a quotation: the first ” or " within QUOTE_REACH
 * characters, in the same paragraph, that no opening mark precedes; -1 when there is none. A constant per label.
 */
function closingQuote(text: string, from: number): number {
  const end = Math.min(text.length, from + QUOTE_REACH);
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '\n' || c === '“') return -1;
    if (c === '”' || c === '"') return i;
  }
  return -1;
}

/** Units around a label searched for its speech tag ("…,” Ryder said"), and back for where the speaker was introduced. */
const TAG_REACH = 40;
const INTRODUCTION_REACH = 600;

/**
 * The side of a speaker tagged by surname in the label's own sentence ("…ensure our forces are protected,” Ryder said"),
 * taken from where the story introduced that person ("Air Force Brig. Gen. Pat Ryder, the top Pentagon spokesman"): a
 * name with a side or a tracked actor within SPEAKER_REACH units of the earlier occurrence, in its sentence. undefined
 * when there is no such tag or introduction; null when the introduction names an actor without a side. Bounded by
 * TAG_REACH and INTRODUCTION_REACH units: a constant per label.
 */
function introducedSide(
  text: string, match: Match, seen: Mention[], units: Units, speech: ReadonlySet<string>, mentions: Mention[], next: number,
): string | null | undefined {
  const sentence = units.sentence[match.startUnit];
  const capitalised = (u: number): boolean => u >= 0 && u < units.count && units.sentence[u] === sentence &&
    !ENGLISH_STOPWORDS.has(units.normal[u]) && /^\p{Lu}\p{Ll}/u.test(text.slice(units.start[u], units.end[u]));
  let surname = -1;
  let pronoun = false;
  const from = Math.max(0, match.startUnit - TAG_REACH);
  const to = Math.min(units.count, match.endUnit + TAG_REACH);
  for (let u = from; u < to && surname < 0 && !pronoun; u++) {
    if (units.sentence[u] !== sentence || !speech.has(units.normal[u])) continue;
    if (capitalised(u - 1) && !units.barrierAfter[u - 1]) surname = u - 1;
    else if (capitalised(u + 1) && !units.barrierAfter[u]) surname = u + 1;
    else if (u > 0 && PERSONAL.has(units.normal[u - 1]) && !units.barrierAfter[u - 1]) pronoun = true;
  }
  if (pronoun) return lastIntroduced(text, sentence, seen, units);
  if (surname < 0) return undefined;
  const word = units.normal[surname];
  // The introduction is the first time the story names the person, after a given name or a title ("Pat Ryder",
  // "Gen. Ryder"; not "Syria, Iraq"); later tags ("…,” Netanyahu said) sit beside what the person said, not beside
  // whom the person speaks for.
  let first = -1;
  for (let k = surname - 1; k >= Math.max(1, surname - INTRODUCTION_REACH); k--) {
    if (units.normal[k] === word && units.sentence[k] !== sentence && !units.barrierAfter[k - 1] &&
        /^\p{Lu}/u.test(text.slice(units.start[k - 1], units.end[k - 1]))) first = k;
  }
  // Named for the first time in the tag itself ("…,” Badr spokesman Kareem Nuri said): the actor right before the
  // name in the tag is the one the speaker speaks for.
  if (first < 0) return surname > match.endUnit ? tagActor(units, mentions, next, surname) : undefined;
  // The mention of that sentence nearest the introduction, within SPEAKER_REACH; `seen` is in document order.
  let best: Mention | undefined;
  for (let i = seen.length - 1; i >= 0 && seen[i].sentence >= units.sentence[first]; i--) {
    const m = seen[i];
    if (m.sentence !== units.sentence[first] || (m.side === undefined && m.referent === null)) continue;
    // An actor before the name says whom the person speaks for only inside the name's noun phrase ("Iran's Foreign
    // Minister Hossein Amir-Abdollahian"); one before a comma ("attacks on US troops, Israeli general Yaron
    // Finkelman said") ends another phrase. After the name, an apposition is set off by a comma ("Pat Ryder, the
    // top Pentagon spokesman").
    if (m.endUnit <= first && punctuatedBetween(units, m.endUnit - 1, first - 1)) continue;
    const distance = m.startUnit > first ? m.startUnit - first : first - m.endUnit;
    if (distance <= SPEAKER_REACH && (!best || distance < (best.startUnit > first ? best.startUnit - first : first - best.endUnit))) best = m;
  }
  return best ? best.side ?? best.referent : undefined;
}

/** Whether a colon follows a mention within SPEAKER_REACH units of its sentence ("President Biden on X: …"). */
function colonAfter(text: string, units: Units, m: Mention): boolean {
  for (let u = m.endUnit - 1; u < units.count - 1 && u < m.endUnit + SPEAKER_REACH && units.sentence[u + 1] === m.sentence; u++) {
    if (units.barrierAfter[u] && text.slice(units.end[u], units.start[u + 1]).includes(':')) return true;
  }
  return false;
}

/** Whether punctuation stands after any unit from `from` up to (not including) `to`. Callers keep the span short. */
function punctuatedBetween(units: Units, from: number, to: number): boolean {
  for (let u = from; u < to; u++) if (units.barrierAfter[u]) return true;
  return false;
}

/**
 * The first mention ahead (up to sentence `last`) that the label may mean and that repeats its head noun, unless an
 * untracked actor it may mean or a mention of another referent with that head comes first. At most `cap` mentions.
 */
function sameHeadAhead(
  units: Units, mentions: Mention[], next: number, last: number, head: string,
  fit: (x: Mention) => 'yes' | 'other' | 'no', cap: number,
): Mention | undefined {
  for (let k = next; k < mentions.length && k < next + cap && mentions[k].sentence <= last; k++) {
    const f = fit(mentions[k]);
    if (f === 'other') return undefined;
    if (containsUnit(units, mentions[k], head)) return f === 'yes' ? mentions[k] : undefined;
  }
  return undefined;
}

/**
 * The side of the actor named in a speech tag after the label, right before the speaker's name ("Badr spokesman
 * Kareem Nuri said": within SPEAKER_REACH units before the surname, same sentence): its side or referent, or undefined.
 * Visits the mentions between the label and the surname only.
 */
function tagActor(units: Units, mentions: Mention[], next: number, surname: number): string | null | undefined {
  let found: Mention | undefined;
  for (let k = next; k < mentions.length && mentions[k].startUnit < surname; k++) {
    const m = mentions[k];
    if (m.endUnit <= surname && surname - m.endUnit <= SPEAKER_REACH && m.sentence === units.sentence[surname] &&
        (m.side !== undefined || m.referent !== null)) found = m;
  }
  return found ? found.side ?? found.referent : undefined;
}

/** Pronouns of a speech tag that stand for the person the story named last ("…,” he said). */
const PERSONAL = new Set(['he', 'she']);
/** Sentences back that a pronoun tag's person may have been named in. */
const PRONOUN_SENTENCES = 2;

/**
 * The side of the person a pronoun tag stands for: the last actor, in the PRONOUN_SENTENCES sentences before, that a
 * person's name follows within SPEAKER_REACH units without punctuation between ("Iran's Supreme Leader Ali Khamenei
 * spoke on Wednesday. “…,” he said"). The name is two capitalised words that are no mention themselves. undefined
 * when no such introduction is near. Bounded by the mentions of those sentences and SPEAKER_REACH units each.
 */
function lastIntroduced(text: string, sentence: number, seen: Mention[], units: Units): string | null | undefined {
  const upper = (u: number): boolean => !ENGLISH_STOPWORDS.has(units.normal[u]) && /^\p{Lu}\p{Ll}/u.test(text.slice(units.start[u], units.end[u]));
  for (let i = seen.length - 1; i >= 0; i--) {
    const m = seen[i];
    if (m.sentence >= sentence) continue;
    if (m.sentence < sentence - PRONOUN_SENTENCES) break;
    if (m.side === undefined && m.referent === null) continue;
    const nextMention = i + 1 < seen.length ? seen[i + 1].startUnit : units.count;
    for (let u = m.endUnit; u + 1 < units.count && u + 1 < m.endUnit + SPEAKER_REACH && u + 1 < nextMention; u++) {
      if (units.barrierAfter[u - 1] || units.sentence[u + 1] !== m.sentence) break;
      if (upper(u) && upper(u + 1) && !units.barrierAfter[u]) return m.side ?? m.referent;
    }
  }
  return undefined;
}

/** Nouns of what is left of an actor: "mop up remnants of Islamic State", "the fight against the remnants of ISIS". */
const REMNANT_NOUNS = new Set(['remnants', 'remnant', 'remains', 'cells', 'elements', 'holdouts']);
/** Particles of a phrasal verb of fighting before its object ("mop up", "root out"). */
const PARTICLES = new Set(['up', 'out']);
/**
 * Whether an untracked actor is a campaign's target, not the topic (rules 5 and 5c): a word of the `opposing-word`
 * class right before it ("the coalition against ISIS", "anti-ISIS operations"), or before a phrase of its remnants
 * ("mop up remnants of Islamic State", "fight the remnants of the Islamic State"), without punctuation between.
 */
function campaignTarget(units: Units, m: Mention, opposing: ReadonlySet<string>): boolean {
  const at = (u: number): string => (u >= 0 && !units.barrierAfter[u] ? units.normal[u] : '');
  let u = m.startUnit - 1;
  if (opposing.has(at(u))) return true;
  if (at(u) === 'the') u--;
  if (at(u) !== 'of' || !REMNANT_NOUNS.has(at(u - 1))) return false;
  u -= 2;
  if (at(u) === 'the') u--;
  if (PARTICLES.has(at(u))) u--;
  return opposing.has(at(u));
}

/** Possessive determiners of a person ("his regime", "her government"). */
export const PERSONAL_POSSESSIVES = new Set(['his', 'her']);
/** Words that may stand between a personal possessive and the label ("his own regime"). */
const OWN = new Set(['own']);
/** Capitalised words of dates, which name no person ("On Sunday his regime …"). */
const CALENDAR_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
/** Words of a person's title that may stand between the title's actor and the name ("Israel's prime minister Benjamin"). */
const TITLE_EXTRA = new Set(["'s", "'", 'prime', 'former', 'then', 'vice', 'acting', 'deputy', 'de', 'facto']);
/** Units looked back from a personal possessive for the person it stands for. */
const POSSESSOR_REACH = 60;

/** The unit of "his"/"her" that owns the label: its first word ("his regime") or glued before it ("his own regime"), else -1. */
function personalPossessiveAt(units: Units, match: Match): number {
  if (PERSONAL_POSSESSIVES.has(units.normal[match.startUnit])) return match.startUnit;
  let u = match.startUnit - 1;
  if (u >= 0 && !units.barrierAfter[u] && OWN.has(units.normal[u])) u--;
  return u >= 0 && !units.barrierAfter[u] && PERSONAL_POSSESSIVES.has(units.normal[u]) ? u : -1;
}

/**
 * The side of the person a personal possessive at unit `at` stands for (rule 0b), or null when the text names no
 * person before it within PRONOUN_SENTENCES sentences and POSSESSOR_REACH units, or one the lexicon ties to no side.
 * Looking back: a mention with a side ("Israel Katz", "President Biden") is the person; "he"/"she" stand for the
 * person introduced last (lastIntroduced); a capitalised word that is no mention is a person's name, whose side is
 * that of the actor of the title right before it or, for a surname alone, where the story introduced the person.
 * Bounded by POSSESSOR_REACH units and the mentions among them.
 */
function possessorSide(text: string, units: Units, seen: Mention[], at: number, sentence: number, compiled: CompiledLexicon): string | null {
  const person = (u: number): boolean => !ENGLISH_STOPWORDS.has(units.normal[u]) && !CALENDAR_WORDS.has(units.normal[u]) &&
    /^\p{Lu}\p{Ll}/u.test(text.slice(units.start[u], units.end[u]));
  let k = seen.length - 1;
  const covering = (u: number): Mention | undefined => {
    while (k >= 0 && seen[k].startUnit > u) k--;
    return k >= 0 && seen[k].endUnit > u && !seen[k].taken ? seen[k] : undefined;
  };
  for (let u = at - 1; u >= 0 && u >= at - POSSESSOR_REACH && units.sentence[u] >= sentence - PRONOUN_SENTENCES; u--) {
    const m = covering(u);
    if (m) {
      // A person or speaker with a side, or an actor the lexicon does not track that may be a person ("Bashar al-Assad").
      if (m.side !== undefined) return m.side;
      if (m.referent === null && !m.label) return null;
      u = m.startUnit;
      continue;
    }
    if (PERSONAL.has(units.normal[u])) return lastIntroduced(text, units.sentence[u], seen, units) ?? null;
    // A singular title without a name ("Iran's president said his regime …", "the Israeli prime minister"): the
    // office holder is the person, and the title's actor the side.
    const w = units.normal[u];
    if (compiled.voice.words.speakerNouns.has(w) && !w.endsWith('s') && !TITLE_EXTRA.has(w)) return titleActor(text, units, seen, u + 1, compiled) ?? null;
    if (!person(u)) continue;
    // A capitalised word alone before a comma that opens its sentence is an adverb or a place ("Yesterday, …").
    const opens = u === 0 || units.sentence[u - 1] !== units.sentence[u];
    if (opens && units.barrierAfter[u]) continue;
    return titleActor(text, units, seen, u, compiled) ?? introducedActor(text, units, seen, u, compiled) ?? null;
  }
  return null;
}

/**
 * The side of the actor whose title stands right before the person's name ending at unit `name`: the nearest mention
 * before the name with only capitalised words, a possessive and title words between, without punctuation ("Israeli
 * Prime Minister Benjamin Netanyahu", "Iran's Supreme Leader Ali Khamenei", "Israel's prime minister Benjamin
 * Netanyahu"), within SPEAKER_REACH units. undefined when there is none.
 */
function titleActor(text: string, units: Units, seen: Mention[], name: number, compiled: CompiledLexicon): string | undefined {
  const titles = compiled.voice.words.speakerNouns;
  let k = seen.length - 1;
  while (k >= 0 && seen[k].startUnit > name) k--;
  for (let u = name - 1; u >= 0 && u >= name - SPEAKER_REACH && !units.barrierAfter[u]; u--) {
    while (k >= 0 && seen[k].startUnit > u) k--;
    if (k >= 0 && seen[k].endUnit > u && !seen[k].taken) {
      const m = seen[k];
      return m.side ?? m.referent ?? undefined;
    }
    const w = units.normal[u];
    // The nationality of one theatre's one actor, which the lexicon reads as no mention on its own ("Israeli Prime
    // Minister", "Iranian President"); a compound's end ("pro-Iranian") is no nationality.
    const people = demonymBefore(text, units, u + 1, compiled);
    if (people && people.size === 1) return [...people][0];
    if (!(/^\p{Lu}/u.test(text.slice(units.start[u], units.end[u])) || titles.has(w) || TITLE_EXTRA.has(w))) return undefined;
  }
  return undefined;
}

/**
 * The side of a person named by surname (unit `name`) where the story introduced the person: the first earlier
 * occurrence of the word after another capitalised word ("Benjamin Netanyahu"), read by titleActor. undefined when
 * there is none within INTRODUCTION_REACH units.
 */
function introducedActor(text: string, units: Units, seen: Mention[], name: number, compiled: CompiledLexicon): string | undefined {
  const word = units.normal[name];
  let first = -1;
  for (let u = name - 1; u >= 1 && u >= name - INTRODUCTION_REACH; u--) {
    if (units.normal[u] === word && !units.barrierAfter[u - 1] && /^\p{Lu}/u.test(text.slice(units.start[u - 1], units.end[u - 1]))) first = u;
  }
  if (first < 0) return undefined;
  return titleActor(text, units, seen, first, compiled);
}

/** Possessive determiners that name a label's owner ("their resistance", "its fighters"). */
const POSSESSIVES = new Set(['their', 'its']);
/** Words at most between the possessive and the label ("their valiant and honourable resistance"). */
const POSSESSIVE_REACH = 4;

/**
 * Whether a mention the label may take stands in its sentence before it (`seen` holds the mentions before it, in
 * order), among the last `cap` mentions (look_back_mentions: one huge sentence stays linear).
 */
function fittingInSentence(seen: Mention[], sentence: number, fit: (m: Mention) => 'yes' | 'other' | 'no', cap: number): boolean {
  for (let k = seen.length - 1; k >= 0 && k >= seen.length - cap && seen[k].sentence === sentence; k--) if (fit(seen[k]) === 'yes') return true;
  return false;
}

/**
 * The possessive before a label (rule 4b'): "their" or "its", or a "'s", at most POSSESSIVE_REACH words before the
 * label with only modifiers and "and" between (no barrier, no function word). Gives its owner — for "'s" the mention
 * ending right before the clitic ("Israel’s battle-hardened forces": no doubt whose), for "its"/"their" the nearest
 * mention of the sentence before the determiner (a guess) — and which of the two it was. undefined when there is no
 * such possessive or owner. Visits a constant number of units and the mentions of one sentence from the end of `seen`.
 */
function possession(units: Units, match: Match, seen: Mention[], sentence: number): { owner: Mention; clitic: boolean } | undefined {
  let at = -1;
  let clitic = false;
  for (let u = match.startUnit - 1, steps = 0; u >= 0 && steps <= POSSESSIVE_REACH && units.sentence[u] === sentence; u--, steps++) {
    if (units.barrierAfter[u]) return undefined;
    const w = units.normal[u];
    if (POSSESSIVES.has(w)) { at = u; break; }
    if (w === "'s" && u > 0 && !units.barrierAfter[u - 1]) { at = u; clitic = true; break; }
    if (w !== 'and' && ENGLISH_STOPWORDS.has(w)) return undefined;
  }
  if (at < 0) return undefined;
  for (let k = seen.length - 1; k >= 0 && seen[k].sentence === sentence; k--) {
    if (clitic) {
      if (seen[k].endUnit === at) return { owner: seen[k], clitic };
      if (seen[k].endUnit < at) return undefined;
      continue;
    }
    if (seen[k].endUnit <= at) return { owner: seen[k], clitic };
  }
  return undefined;
}

/** Units at most looked back from a label for the speech verb that reports it. */
const SPEECH_SCAN = 30;

/**
 * Whether the nearest speech verb before the label in its sentence (within SPEECH_SCAN units) is coordinated after
 * another verb by "and" ("condemned the strike and said …", "accused Israel of genocide and said …"). Constant work.
 */
function coordinatedSpeech(units: Units, match: Match, sentence: number, speech: ReadonlySet<string>): boolean {
  for (let u = match.startUnit - 1; u > 0 && u >= match.startUnit - SPEECH_SCAN && units.sentence[u] === sentence; u--) {
    if (speech.has(units.normal[u])) return units.normal[u - 1] === 'and' && units.sentence[u - 1] === sentence && !units.barrierAfter[u - 1];
  }
  return false;
}

/** Units at most between a sentence's start and its subject ("On Monday, the Houthis said …"). */
const SUBJECT_REACH = 12;

/**
 * Whether seen[k] is its sentence's subject: the sentence's first mention, within SUBJECT_REACH units of its start,
 * with no verb of speech, judgement or fighting (`clauseVerbs`) before it ("Nigeria's president condemned Israel's
 * strikes": Israel is the verb's object). Constant work.
 */
function sentenceSubject(units: Units, seen: Mention[], k: number, clauseVerbs: ReadonlySet<string>): boolean {
  const m = seen[k];
  if (k > 0 && seen[k - 1].sentence === m.sentence) return false;
  for (let u = m.startUnit - 1, n = 0; u >= 0 && units.sentence[u] === m.sentence; u--, n++) {
    if (n >= SUBJECT_REACH || clauseVerbs.has(units.normal[u])) return false;
  }
  return true;
}

/** Units at most looked back from a label for a word of another scene in its sentence (rule 4f). */
const ELSEWHERE_REACH = 40;

/**
 * Whether a capitalised word of `elsewhere` (rule 4f) stands in the label's sentence before it, within ELSEWHERE_REACH
 * units, and no mention (`last`, the nearest before the label) stands in that sentence before the label. A constant
 * number of units.
 */
function elsewhereBefore(text: string, units: Units, match: Match, sentence: number, last: Mention | undefined, elsewhere: ReadonlySet<string>): boolean {
  if (elsewhere.size === 0 || (last && last.sentence === sentence)) return false;
  for (let u = match.startUnit - 1; u >= 0 && u >= match.startUnit - ELSEWHERE_REACH && units.sentence[u] === sentence; u--) {
    if (elsewhere.has(units.normal[u]) && /^\p{Lu}/u.test(text.slice(units.start[u], units.end[u]))) return true;
  }
  return false;
}

/** Quantifiers that may stand with "of" between a coordinator and the possessive ("Iran or any of its allies"). */
const OF_QUANTIFIERS = new Set(['any', 'all', 'some', 'one', 'each', 'both', 'many', 'most', 'none']);

/**
 * Whether the possessive that opens a relation label ("its allies") is coordinated right after a mention of a sponsor
 * (`patron`: "Iran and its allies", "Tehran and its regional allies", "Iran or any of its allies"): the mention ends
 * right before "and"/"or"/"&", with at most a quantifier and "of" between that word and the possessive, and no
 * punctuation between, and no capitalised word right after the noun naming the allies. A constant number of units.
 */
function sponsorCoordinated(text: string, units: Units, match: Match, last: Mention | undefined, patron: ReadonlySet<string>): boolean {
  if (!last || !POSSESSIVES.has(units.normal[match.startUnit])) return false;
  let k = match.startUnit - 1;
  if (k >= 1 && units.normal[k] === 'of' && OF_QUANTIFIERS.has(units.normal[k - 1])) k -= 2;
  if (k < 1 || !COORDINATED_OWNER.has(units.normal[k]) || last.endUnit !== k) return false;
  for (let u = last.endUnit - 1; u < match.startUnit; u++) if (units.barrierAfter[u]) return false;
  // A capitalised word right after the noun names the allies ("Iran and its allies Russia and China"): no label.
  const e = match.endUnit;
  if (e < units.count && !units.barrierAfter[e - 1] && units.sentence[e] === units.sentence[e - 1] &&
      /^\p{Lu}/u.test(text.slice(units.start[e], units.end[e])) && !ENGLISH_STOPWORDS.has(units.normal[e])) return false;
  const name = text.slice(last.start, last.end).toLowerCase().replace(/\s+/gu, ' ');
  return patron.has(name) || patron.has(name.replace(/^the /u, ''));
}
const COORDINATED_OWNER = new Set(['and', 'or', '&']);

/** Units a definite label looks back for the last noun with its head (a constant per label). */
const HEAD_REACH = 120;

/**
 * The mention that the last earlier occurrence of a definite label's head noun describes, when that occurrence is no
 * mention itself: "a coalition of Iran-backed militias" (the mention after "of", within two words) or the apposition
 * "Kataib Hezbollah, a militia backed by Iran" (the mention before the comma, within `reach` words). undefined when
 * the head does not occur in the window (sentences from `floor`, HEAD_REACH units), occurs inside a mention (the
 * look-back reads those), or describes no mention. Bounded by HEAD_REACH units and the mentions among them.
 */
function headOwner(
  units: Units, text: string, match: Match, head: string, seen: Mention[], floor: number, reach: number,
): Mention | undefined {
  const plural = head.endsWith('s') ? head.slice(0, -1) : head + 's';
  let u = match.startUnit - 1;
  for (; u >= 0 && u >= match.startUnit - HEAD_REACH && units.sentence[u] >= floor; u--) {
    if (units.normal[u] === head || units.normal[u] === plural) break;
  }
  if (u < 0 || u < match.startUnit - HEAD_REACH || units.sentence[u] < floor) return undefined;
  let k = seen.length - 1;
  while (k >= 0 && seen[k].startUnit > u + 4) k--;
  // Inside a mention: the ordinary look-back decides.
  for (let i = k; i >= 0 && seen[i].endUnit > u - HEAD_REACH; i--) if (seen[i].startUnit <= u && u < seen[i].endUnit) return undefined;
  if (units.normal[u + 1] === 'of' && !units.barrierAfter[u]) {
    for (let i = k; i >= 0 && seen[i].startUnit > u + 1; i--) {
      if (seen[i].startUnit <= u + 4 && !punctuatedBetween(units, u + 1, seen[i].startUnit)) return seen[i];
    }
  }
  for (let i = k; i >= 0; i--) {
    const m = seen[i];
    if (m.endUnit > u) continue;
    if (m.sentence !== units.sentence[u] || u - m.endUnit > reach) break;
    if (text.slice(m.end, units.start[m.endUnit]).trim() !== ',') break;
    return punctuatedBetween(units, m.endUnit, u) ? undefined : m;
  }
  return undefined;
}

/** The one referent among `candidates` that acts in the places found, or null when none or several do. */
function onlyActor(candidates: ReadonlySet<string>, acting: ReadonlySet<string>): string | null {
  let only: string | null = null;
  for (const r of candidates) {
    if (!acting.has(r)) continue;
    if (only !== null) return null;
    only = r;
  }
  return only;
}

/** What may stand between the members of a list of names: "Hezbollah, Hamas, and the Houthis", "Hamas or Hezbollah". */
const LIST_SEPARATOR = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+)?$/i;
/** Members of a list looked at, each way from the mention a label takes up (a constant per label). */
const LIST_REACH = 6;

/** Whether a folded head noun is a plural ("groups", "militias", "fighters"; not "the resistance", "the enemy"). */
/** Units at most looked back for the label's own words (sameWordsUntaken). */
const SAME_WORDS_REACH = 120;

/**
 * Whether the nearest earlier occurrence of the label's words (after its determiner: "rebels" of "the rebels",
 * "militant groups" of "the militant groups"), in the window from sentence `minSentence` on, stands outside every
 * mention of a referent the label may take: a bare noun ("fight rebels who seized Aleppo"), another actor's men
 * ("ISIS militants", "Kurdish fighters" left unresolved). False when there is no such occurrence, when the nearest
 * one is inside a fitting mention (then the look-back takes that mention up as before), or when it is itself definite
 * ("the occupiers … the occupiers": a repeat introduces nobody). Bounded by SAME_WORDS_REACH
 * units and `reach` mentions.
 */
function sameWordsUntaken(
  units: Units, match: Match, seen: Mention[], minSentence: number, reach: number,
  fit: (x: Mention) => 'yes' | 'other' | 'no',
): boolean {
  let first = match.startUnit;
  while (first < match.endUnit - 1 && (DEFINITE.has(units.normal[first]) || POINTING_DETERMINERS.has(units.normal[first]))) first++;
  const n = match.endUnit - first;
  const stop = Math.max(0, match.startUnit - SAME_WORDS_REACH);
  for (let u = match.startUnit - n; u >= stop; u--) {
    if (units.sentence[u] < minSentence) return false;
    let same = true;
    for (let i = 0; i < n && same; i++) same = units.normal[u + i] === units.normal[first + i] && (i === n - 1 || !units.barrierAfter[u + i]);
    if (!same) continue;
    // A definite repeat ("… the occupiers are still obstructing … pressure on the occupiers") introduces nobody: it
    // takes up what the label itself would, so the look-back decides as before.
    if (u > 0 && !units.barrierAfter[u - 1] && (DEFINITE.has(units.normal[u - 1]) || POINTING_DETERMINERS.has(units.normal[u - 1]))) return false;
    for (let k = seen.length - 1, visited = 0; k >= 0 && visited < reach; k--, visited++) {
      const m = seen[k];
      if (m.startUnit <= u && u + n <= m.endUnit) return fit(m) !== 'yes';
    }
    return true;
  }
  return false;
}

/**
 * Whether the label is a bare plural (its first word no determiner or possessive, its head plural) right after a
 * two-word `beneficiary-phrase` ("interests of", "hands of"), with no punctuation between: a kind of actor named as
 * the one who gains, not a mention of a referent (rule 1d').
 */
function beneficiaryKind(units: Units, match: Match, phrases: ReadonlySet<string>): boolean {
  const u = match.startUnit;
  if (phrases.size === 0 || u < 2 || units.barrierAfter[u - 1] || units.barrierAfter[u - 2]) return false;
  if (!phrases.has(`${units.normal[u - 2]} ${units.normal[u - 1]}`)) return false;
  if (DEFINITE.has(units.normal[u]) || POINTING_DETERMINERS.has(units.normal[u]) || units.normal[u] === 'a' || units.normal[u] === 'an') return false;
  return plural(units.normal[match.endUnit - 1]);
}

function plural(head: string): boolean {
  return /[^s]s$/.test(head);
}

/**
 * Whether the mention at `at` in `seen` stands in a list of mentions of one sentence (only commas, "and", "or" and
 * "the" between them) that names two referents the label may take ('yes' by `fit`). Looks at LIST_REACH members each
 * way at most.
 */
function listMixes(text: string, seen: Mention[], at: number, fit: (x: Mention) => 'yes' | 'other' | 'no'): boolean {
  if (at < 0) return false;
  const referents = new Set<string>();
  if (fit(seen[at]) === 'yes') referents.add(seen[at].referent as string);
  const joined = (a: Mention, b: Mention): boolean =>
    a.sentence === b.sentence && a.end <= b.start && LIST_SEPARATOR.test(text.slice(a.end, b.start));
  for (let i = at; i > 0 && i > at - LIST_REACH && joined(seen[i - 1], seen[i]); i--) {
    if (fit(seen[i - 1]) === 'yes') referents.add(seen[i - 1].referent as string);
  }
  for (let i = at; i + 1 < seen.length && i < at + LIST_REACH && joined(seen[i], seen[i + 1]); i++) {
    if (fit(seen[i + 1]) === 'yes') referents.add(seen[i + 1].referent as string);
  }
  return referents.size > 1;
}

/** Whether a referent other than `best` has at least `ratio` times the salience of `best`. */
function rivalled(salience: ReadonlyMap<string, number>, best: string, ratio: number): boolean {
  const bestScore = salience.get(best) ?? 0;
  for (const [referent, score] of salience) if (referent !== best && score >= ratio * bestScore) return true;
  return false;
}

/**
 * Whether the units from `from` (the preposition) up to `to` (a name) read as the start of one noun phrase: no
 * punctuation, and every word between an article, a capitalised word, a group noun or another word that is neither a
 * function word nor a past form ("the radical Islamic movement"; not "the area killed"). At most a few units.
 */
function nounPhraseBetween(text: string, units: Units, from: number, to: number, words: ResolveWords): boolean {
  for (let u = from; u < to; u++) {
    if (units.barrierAfter[u]) return false;
    if (u === from) continue;
    const w = units.normal[u];
    if (w === 'the' || w === 'a' || w === 'an' || words.phraseNouns.has(w) || /^\p{Lu}/u.test(text.slice(units.start[u], units.end[u]))) continue;
    if (ENGLISH_STOPWORDS.has(w) || w.endsWith('ed')) return false;
  }
  return true;
}

/**
 * The name a possessive mention owns, when it is the head of the owner's noun phrase: "Iran’s “axis of resistance”",
 * "Iran's proxy Hezbollah" (the possessive right after `owner`, then at most `reach` capitalised words or phrase nouns,
 * an opening quotation mark allowed). undefined otherwise.
 */
function possessedName(text: string, units: Units, owner: Mention, owned: Mention, reach: number, words: ResolveWords): Mention | undefined {
  const mark = owner.endUnit;
  if (mark >= units.count || !possessive(units.normal[mark]) || owned.sentence !== owner.sentence) return undefined;
  if (owned.startUnit <= mark || owned.startUnit > mark + 1 + reach) return undefined;
  for (let u = mark; u < owned.startUnit; u++) {
    if (units.barrierAfter[u] && !(u + 1 === owned.startUnit && OPENING_QUOTE.test(text.slice(units.end[u], units.start[u + 1])))) return undefined;
    if (u > mark && !words.phraseNouns.has(units.normal[u]) && !/^\p{Lu}/u.test(text.slice(units.start[u], units.end[u]))) return undefined;
  }
  return owned;
}

/** Whether a mention's words include the (folded) word `head`. Mentions are short, so this is bounded. */
function containsUnit(units: Units, m: Mention, head: string): boolean {
  for (let u = m.startUnit; u < m.endUnit; u++) if (sameNoun(units.normal[u], head)) return true;
  return false;
}

/**
 * Whether two words are one noun in either number ("terrorist" and "terrorists", "militia" and "militias", "force"
 * and "forces"): a label repeats a mention's noun whatever its number ("Two Hezbollah terrorists were killed … The
 * other terrorist was …" takes up the Hezbollah men, not "Hamas terrorist infrastructure" further back).
 */
function sameNoun(word: string, head: string): boolean {
  if (word === head) return true;
  const [short, long] = word.length < head.length ? [word, head] : [head, word];
  if (long.length - short.length === 1) return long === `${short}s`;
  if (long.length - short.length === 2) return long === `${short.slice(0, -1)}ies` || long === `${short}es`;
  return false;
}

/**
 * How far (in units) after a mention its speech verb may stand for the mention to be the speaker (the rest of the
 * speaker's noun phrase: "Iran's Ambassador to Damascus Hossein Akbari confirmed …"). A verb further on belongs to
 * another clause ("the US forces will pay … and that its fighters would continue …").
 */
const SPEAKER_REACH = 8;

/** Coordinators that open a new clause after punctuation (", and the army said …"), as voice rule U-AND reads them. */
const NEW_CLAUSE_JOINERS = new Set(['and', 'but']);

const speechCache = new WeakMap<CompiledLexicon, ReadonlySet<string>>();

/** The verbs after which a mention is an object, not a subject (rule 5's speaker of a coordinated "and said"). */
function clauseVerbsOf(compiled: CompiledLexicon): ReadonlySet<string> {
  const w = compiled.voice.words;
  return new Set([...w.reporting, ...w.zeroThat, ...w.tag, ...w.condemn, ...w.blame, ...w.accuse, ...w.demand,
    ...w.directive, ...w.call, ...w.content, ...w.vow, ...classWords(compiled, COMBAT_VERB_CLASS)]);
}

/** The voice vocabulary's verbs that introduce speech (reporting, zero-that and tag verbs, every form). */
function speechVerbsOf(compiled: CompiledLexicon): ReadonlySet<string> {
  let set = speechCache.get(compiled);
  if (!set) {
    const w = compiled.voice.words;
    set = new Set([...w.reporting, ...w.zeroThat, ...w.tag]);
    speechCache.set(compiled, set);
  }
  return set;
}

/**
 * Whether a speech verb stands within SPEAKER_REACH units after a mention that ends at `from`, before the label at
 * `to`: the mention is then the speaker. `unbroken`: with no punctuation between. Bounded, so the check costs a constant per mention visited.
 */
function speechVerbBetween(units: Units, from: number, to: number, speech: ReadonlySet<string>, unbroken = false): boolean {
  const end = Math.min(to, from + SPEAKER_REACH);
  for (let u = from; u < end; u++) {
    if (unbroken && units.barrierAfter[u - 1]) return false;
    if (u > 0 && units.sentence[u] !== units.sentence[u - 1]) return false;
    const w = units.normal[u];
    // ", and" / ", but" opens a clause with a subject of its own ("Boko Haram attacked a school, and the army said the
    // terrorists fled"): a speech verb after it is that subject's, and the mention before it no speaker (1.3.38).
    if (u > from && units.barrierAfter[u - 1] && NEW_CLAUSE_JOINERS.has(w)) return false;
    // "The IDF said its jets struck Hezbollah targets, adding that the terrorist organization …": a participle after
    // a comma goes on with the speaker named before; the mention before it is no new speaker.
    if (speech.has(w) && !(w.endsWith('ing') && u > 0 && units.barrierAfter[u - 1])) return true;
  }
  return false;
}

/**
 * Prepositions that put a label in a place: "the enemy in Gaza", "forces inside Syria", "militias across Iraq", and
 * where it comes from: "Iran-backed Islamists from Iraq" are of the Iraqi theatre as "militants in Iraq" are.
 */
const PLACE_PREPOSITIONS = new Set(['in', 'inside', 'within', 'across', 'throughout', 'from']);

interface TheatreIndex {
  byFirst: Map<string, Array<{ words: string[]; actors: ReadonlySet<string> }>>;
  /** Folded demonym ("yemeni") to the actors of its theatre. */
  byDemonym: Map<string, ReadonlySet<string>>;
}
const theatreCache = new WeakMap<CompiledLexicon, TheatreIndex>();

function theatreIndex(compiled: CompiledLexicon): TheatreIndex {
  let index = theatreCache.get(compiled);
  if (!index) {
    index = { byFirst: new Map(), byDemonym: new Map() };
    for (const t of compiled.lexicon.theatres ?? []) {
      const actors = new Set(t.actors);
      // A nationality says who the men are, not only where they act: the place's own people when the lexicon names them.
      const people = t.people?.length ? new Set(t.people) : actors;
      for (const d of t.demonyms ?? []) index.byDemonym.set(d.toLowerCase(), people);
      for (const place of t.places) {
        const words = place.toLowerCase().replace(/[’‘]/g, "'").split(/\s+/).filter(Boolean);
        if (words[0] === 'the' && words.length > 1) words.shift();
        const list = index.byFirst.get(words[0]) ?? [];
        list.push({ words, actors });
        index.byFirst.set(words[0], list);
      }
    }
    // Longest place first, so "Gaza Strip" is tried before "Gaza".
    for (const list of index.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    theatreCache.set(compiled, index);
  }
  return index;
}

/**
 * The actors of the place named right after a label ("in (the) <place>", same sentence, no punctuation between), or
 * undefined. Looks at a few units only: a constant per label.
 */
function theatreAfter(units: Units, end: number, compiled: CompiledLexicon): ReadonlySet<string> | undefined {
  if (end >= units.count || units.barrierAfter[end - 1] || !PLACE_PREPOSITIONS.has(units.normal[end])) return undefined;
  let u = end + 1;
  if (u < units.count && !units.barrierAfter[end] && units.normal[u] === 'the') u++;
  if (u >= units.count || units.barrierAfter[u - 1]) return undefined;
  const found = theatreAt(units, u, compiled);
  // "in the northern Gaza Strip", "in eastern Iraq": a compass word only says where in the place.
  if (found === undefined && classWords(compiled, COMPASS_WORD_CLASS).has(units.normal[u]) && u + 1 < units.count && !units.barrierAfter[u]) return theatreAt(units, u + 1, compiled);
  return found;
}


/** The actors of the theatre place that starts at unit u (longest place first), or undefined. A constant per call. */
function theatreAt(units: Units, u: number, compiled: CompiledLexicon): ReadonlySet<string> | undefined {
  return placeAt(units, u, compiled)?.actors;
}

/**
 * The theatre place that starts at unit u (longest first): its actors and its number of units. Not a place that an
 * of-phrase makes part of another ("in the region of Rafah", "the region of the Kurds"): that is where the other
 * place is (1.3.36).
 */
function placeAt(units: Units, u: number, compiled: CompiledLexicon): { actors: ReadonlySet<string>; length: number } | undefined {
  const list = theatreIndex(compiled).byFirst.get(units.normal[u]);
  if (!list) return undefined;
  for (const { words, actors } of list) {
    let ok = u + words.length <= units.count;
    for (let k = 0; ok && k < words.length; k++) {
      if (units.normal[u + k] !== words[k] || (k < words.length - 1 && units.barrierAfter[u + k])) ok = false;
    }
    const after = u + words.length;
    if (ok && after < units.count && !units.barrierAfter[after - 1] && units.normal[after] === 'of') ok = false;
    if (ok) return { actors, length: words.length };
  }
  return undefined;
}

/**
 * The actors of the theatre whose demonym is the unit right before `start`, glued to it ("Yemeni militants"), or
 * undefined. Not the end of a compound ("pro-Iranian Hezbollah", "Saudi-Yemeni border"): that word is no nationality.
 */
function demonymBefore(text: string, units: Units, start: number, compiled: CompiledLexicon): ReadonlySet<string> | undefined {
  if (start <= 0 || units.barrierAfter[start - 1]) return undefined;
  const at = units.start[start - 1];
  if (at > 0 && isHyphenChar(text[at - 1])) return undefined;
  return theatreIndex(compiled).byDemonym.get(units.normal[start - 1]);
}

interface PlaceAt { unit: number; sentence: number; actors: ReadonlySet<string> }

/**
 * Every theatre place of the text where at most `maxActors` referents act, in order; not a part of a compound ("the Israel-Gaza war", "Iran-backed"), which
 * names no scene. One look-up per unit: linear in the text.
 */
function theatrePlaces(text: string, units: Units, compiled: CompiledLexicon, maxActors: number): PlaceAt[] {
  const out: PlaceAt[] = [];
  if (maxActors === 0 || !(compiled.lexicon.theatres ?? []).length) return out;
  for (let u = 0; u < units.count; u++) {
    const place = placeAt(units, u, compiled);
    if (!place) continue;
    // Where three referents fight (Syria, Yemen, southern Lebanon), sides the lexicon does not track fight too (Syria's
    // and Yemen's civil wars): the place alone does not say whose men "the militants" are.
    if (place.actors.size > maxActors) {
      u += place.length - 1;
      continue;
    }
    const at = units.start[u];
    const after = units.end[u + place.length - 1];
    if ((at > 0 && isHyphenChar(text[at - 1])) || (after < text.length && isHyphenChar(text[after]))) continue;
    out.push({ unit: u, sentence: units.sentence[u], actors: place.actors });
    u += place.length - 1;
  }
  return out;
}


/**
 * The one referent the label may take that the theatre places before it (back to sentence `from`) leave, or null:
 * null too when the places' actors together leave two ("Gaza … Syria" for "the enemy").
 */
function sceneActor(places: PlaceAt[], before: number, from: number, candidates: ReadonlySet<string>): string | null {
  let found: string | null = null;
  let any = false;
  for (let k = before - 1; k >= 0 && places[k].sentence >= from; k--) {
    any = true;
    for (const r of places[k].actors) {
      if (!candidates.has(r)) continue;
      if (found !== null && found !== r) return null;
      found = r;
    }
  }
  return any ? found : null;
}

/** Words a clause may run past the apposition window before its place ("stormed several cities in the West Bank"). */
const CLAUSE_PLACE_EXTRA = 3;

/**
 * The actors of the first theatre place after a place preposition within `reach` units after a label, in its clause
 * (no punctuation between): "occupation forces stormed several cities in the West Bank". A constant per label.
 */
function theatreInClause(units: Units, end: number, compiled: CompiledLexicon, reach: number): ReadonlySet<string> | undefined {
  for (let u = end; u < units.count && u < end + reach; u++) {
    if (units.barrierAfter[u - 1]) return undefined;
    if (PLACE_PREPOSITIONS.has(units.normal[u])) return theatreAfter(units, u, compiled);
  }
  return undefined;
}

/**
 * Whether the label's clause, within `reach` units after it and with no punctuation between, names the place of a
 * theatre where two referents or more act and `referent` does not (rule 5'). A place of one actor is skipped, and so
 * is a part of a compound ("Iran-backed", "the Israel-Gaza war"). A constant per label.
 */
function clausePlaceExcludes(text: string, units: Units, end: number, compiled: CompiledLexicon, reach: number, referent: string): boolean {
  // Only a place right after a word of place or motion ("in Syria", "entering Syria and Lebanon", "crossing into
  // Syria", "fled to Yemen"; articles, compass words, "and"/"or" and other places may stand between) says where the men
  // are: any other place is what they act on ("the resistance will not leave Gaza alone": gold a09's Hezbollah).
  const compass = classWords(compiled, COMPASS_WORD_CLASS);
  let located = false;
  for (let u = end; u < units.count && u < end + reach; u++) {
    if (units.barrierAfter[u - 1]) return false;
    const w = units.normal[u];
    const place = located ? placeAt(units, u, compiled) : undefined;
    if (!place) {
      located = LOCATING_WORDS.has(w) || (located && (w === 'the' || w === 'and' || w === 'or' || compass.has(w)));
      continue;
    }
    const at = units.start[u];
    const after = units.end[u + place.length - 1];
    const compound = (at > 0 && isHyphenChar(text[at - 1])) || (after < text.length && isHyphenChar(text[after]));
    if (!compound && place.actors.size >= 2 && !place.actors.has(referent)) return true;
    u += place.length - 1;
  }
  return false;
}

/** Prepositions of place and motion, and verbs of entering, before a place that says where the men are (rule 5'). */
const LOCATING_WORDS = new Set([...PLACE_PREPOSITIONS, 'into', 'to', 'toward', 'towards', 'through', 'enter', 'enters', 'entered',
  'entering', 'cross', 'crosses', 'crossed', 'crossing', 'infiltrate', 'infiltrates', 'infiltrated', 'infiltrating']);

/**
 * Whether the label's sentence opens with a place adjunct set off by a comma before the label ("In Yemen, Israeli jets
 * hit terrorists", "In the Gaza Strip, …"), of a theatre where two referents or more act and `referent` does not
 * (rule 5'). A constant per label.
 */
function frontedPlaceExcludes(units: Units, start: number, compiled: CompiledLexicon, referent: string): boolean {
  let s = start;
  while (s > 0 && units.sentence[s - 1] === units.sentence[start]) s--;
  if (s >= start || !PLACE_PREPOSITIONS.has(units.normal[s])) return false;
  let u = s + 1;
  if (u < start && !units.barrierAfter[s] && units.normal[u] === 'the') u++;
  if (u >= start || units.barrierAfter[u - 1]) return false;
  // "In southern Lebanon,": a compass word only says where in the place.
  const actors = theatreAt(units, u, compiled) ??
    (classWords(compiled, COMPASS_WORD_CLASS).has(units.normal[u]) && !units.barrierAfter[u] ? theatreAt(units, u + 1, compiled) : undefined);
  if (!actors || actors.size < 2 || actors.has(referent)) return false;
  for (let u = s + 1; u < start && u <= s + FRONTED_PLACE_UNITS; u++) if (units.barrierAfter[u]) return true;
  return false;
}

/** Units a fronted place adjunct may run before its comma ("In the northern Gaza Strip,"). */
const FRONTED_PLACE_UNITS = 5;

/** The lexicon's classes of group nouns: a nationality before one of their nouns is where the group is from. */
const GROUP_NOUN_CLASSES = ['group-noun', 'irregular-noun', 'terror-noun', 'proxy-noun'];
/** The class of descriptive words (nationalities, sects) that name nobody. */
const DESCRIPTOR_CLASS = 'descriptor';

interface OriginWords { descriptors: Set<string>; groupHeads: Set<string> }
const originCache = new WeakMap<CompiledLexicon, OriginWords>();

/**
 * Whether `modifier` is a one-word member of the lexicon's `descriptor` class and `head` the last word of a member of
 * a group-noun class (in any inflection): "Lebanese … organization", "Yemeni … militia". A lexicon without these
 * classes keeps every capitalised modifier as a specifier.
 */
function originOfGroup(compiled: CompiledLexicon, modifier: string, head: string): boolean {
  const words = originWords(compiled);
  // A theatre's demonym is a nationality the lexicon knows as well ("Gazan terrorists"): rule 4b reads it.
  if (!words.descriptors.has(modifier) && !theatreIndex(compiled).byDemonym.has(modifier)) return false;
  return groupHead(compiled, head);
}

/** The descriptor words and group-noun heads of the lexicon's classes, built once per compiled lexicon. */
function originWords(compiled: CompiledLexicon): OriginWords {
  let words = originCache.get(compiled);
  if (!words) {
    words = { descriptors: new Set(), groupHeads: new Set() };
    for (const cls of compiled.lexicon.classes ?? []) {
      const isDescriptor = cls.name === DESCRIPTOR_CLASS;
      if (!isDescriptor && !GROUP_NOUN_CLASSES.includes(cls.name)) continue;
      for (const m of cls.members) {
        const parts = m.source.trim().split(/\s+/);
        if (isDescriptor) {
          if (parts.length === 1 && !/[|()*{]/.test(parts[0])) words.descriptors.add(parts[0].toLowerCase());
        } else words.groupHeads.add(canonical(compiled.variantOf, parts[parts.length - 1].toLowerCase()));
      }
    }
    originCache.set(compiled, words);
  }
  return words;
}

/** Whether `head` is the last word of a member of a group-noun class, in any inflection ("group", "militants"). */
export function groupHead(compiled: CompiledLexicon, head: string): boolean {
  const words = originWords(compiled);
  const h = canonical(compiled.variantOf, head);
  if (words.groupHeads.has(h)) return true;
  return (compiled.baseOf.get(head) ?? []).some((b) => words.groupHeads.has(b));
}

/** Only an opening quotation mark (and spaces) between a label and the name right after it. */
const OPENING_QUOTE = /^\s*["“‘«]\s*$/;

/**
 * Whether the noun phrase that starts with the label ends in the name `after`: right after it ("Iran-backed
 * Hezbollah") or after a few capitalised words or group nouns ("the Iranian-backed Lebanese militia Hezbollah",
 * "Lebanon's Iran-aligned Al Mayadeen TV"), with no punctuation between.
 */
function nameInPhrase(text: string, units: Units, match: Match, after: Mention, reach: number, words: ResolveWords): boolean {
  if (after.startUnit < match.endUnit || after.startUnit > match.endUnit + reach) return false;
  for (let u = match.endUnit - 1; u < after.startUnit; u++) {
    // A name in quotation marks right after the label is its name: "the terrorist organization “ISIS”".
    if (units.barrierAfter[u] && !(u === match.endUnit - 1 && u + 1 === after.startUnit && OPENING_QUOTE.test(text.slice(units.end[u], units.start[u + 1])))) return false;
    if (u >= match.endUnit && !words.phraseNouns.has(units.normal[u]) && !/^\p{Lu}/u.test(text.slice(units.start[u], units.end[u]))) return false;
  }
  return true;
}

/**
 * The name a label stands in apposition to, if any:
 * - after the name's comma: "Kataib Hezbollah, an Iran-backed militia" (a few words may open the phrase);
 * - before a name set off by commas: "an Iran-backed militia, Kataib Hezbollah, said" (not "the militants, Hezbollah
 *   said", where the name is the speaker);
 * - before a naming phrase: "a group calling itself the Islamic Resistance in Iraq", "militias known as the PMF".
 */
/** Words at most between a compound modifier and the attack noun it modifies (rule before 2). */
const MODIFIER_GAP = 2;

/**
 * Whether, from unit `e` on, one to MODIFIER_GAP words that are no group noun lead to an attack noun heading its
 * phrase: punctuation after it, a word of ATTACK_OBJECT, or a copula ("attacks are ongoing"). No punctuation between.
 */
function eventHeadAfterGap(
  units: Units, e: number, eventNouns: ReadonlySet<string>, copulas: ReadonlySet<string>, compiled: CompiledLexicon,
): boolean {
  for (let u = e, gap = 0; u < units.count && gap <= MODIFIER_GAP; u++, gap++) {
    if (units.barrierAfter[u - 1]) return false;
    const w = units.normal[u];
    if (gap > 0 && eventNouns.has(w)) {
      return Boolean(units.barrierAfter[u]) || u + 1 >= units.count || ATTACK_OBJECT.has(units.normal[u + 1]) || copulas.has(units.normal[u + 1]);
    }
    if (gap >= MODIFIER_GAP || groupHead(compiled, w) || ENGLISH_STOPWORDS.has(w)) return false;
  }
  return false;
}

/** The first mention in the label's of-phrase: in its sentence, starting within three units after "of". */
function ofPhraseMention(mentions: Mention[], next: number, match: Match, sentence: number): Mention | undefined {
  for (let k = next; k < mentions.length && mentions[k].startUnit <= match.endUnit + 3; k++) {
    if (mentions[k].startUnit > match.endUnit && mentions[k].sentence === sentence) return mentions[k];
  }
  return undefined;
}

/** Words at most that may stand between a cause phrase and the mention it governs ("support of the steadfast …"). */
const CAUSE_GAP = 2;

/**
 * Whether a mention is governed by a phrase of the class `cause-phrase` ("in support of the steadfast Palestinian
 * people", "in solidarity with Gaza"): the phrase ends right before the mention or at most CAUSE_GAP words before it,
 * with no punctuation between.
 */
function causeObject(units: Units, m: Mention, causePhrases: ReadonlySet<string>): boolean {
  if (causePhrases.size === 0) return false;
  for (let u = m.startUnit - 1, gap = 0; u >= 1 && gap <= CAUSE_GAP; u--, gap++) {
    if (units.barrierAfter[u] || units.barrierAfter[u - 1]) return false;
    if (causePhrases.has(`${units.normal[u - 1]} ${units.normal[u]}`)) return true;
  }
  return false;
}

/** Sentences a label of the text's first two sentences looks ahead for its actor (rule 6). */
const LEAD_LOOKAHEAD = 2;

/** Whether punctuation or a sentence end stands between a mention and the label after it. */
function closedBetween(units: Units, m: Mention, match: Match): boolean {
  for (let u = m.endUnit - 1; u < match.startUnit; u++) if (units.barrierAfter[u]) return true;
  return false;
}

function appositionOf(
  text: string, units: Units, match: Match, before: Mention | undefined, after: Mention | undefined,
  mentions: Mention[], next: number, rules: ContextWindows, words: ResolveWords,
): Mention | undefined {
  const reach = rules.appositionWords;
  const sentence = units.sentence[match.startUnit];
  if (before && before.sentence === sentence && before.endUnit <= match.startUnit && match.startUnit - before.endUnit <= reach + 1 &&
      units.barrierAfter[before.endUnit - 1] && APPOSITION_COMMA.test(text.slice(before.end, units.start[before.endUnit]))) {
    const plain = (APPOSITION_OPENERS.has(units.normal[before.endUnit]) || before.endUnit === match.startUnit) &&
      onePhrase(units, before.endUnit, match.startUnit);
    // The phrase must close as an apposition does ("…, an Iran-backed militia, said"; "…, a pro-Iranian channel.");
    // "attacked US forces, the militants said" is speech, not an apposition.
    const e = match.endUnit - 1;
    const closes = units.barrierAfter[e] || (e + 1 < units.count && (APPOSITION_CONTINUATIONS.has(units.normal[e + 1]) ||
      (units.barrierAfter[e + 1] && !words.speech.has(units.normal[e + 1])))) ||
      coordinatedNounCloses(units, e, reach, mentions, next, words);
    if (plain && closes) return before;
  }
  if (after && after.sentence === sentence && after.startUnit <= match.endUnit + 1 && units.barrierAfter[match.endUnit - 1]) {
    const between = text.slice(match.end, after.start);
    if (/^\s*,\s*(?:the\s+)?$/i.test(between) && /^\s*(?:[,;:()—–]|\.(?:\s|$)|$)/.test(text.slice(after.end, after.end + 3))) return after;
  }
  // "calling itself", "known as": the phrase starts within `reach` units after the label, in the same sentence.
  for (let u = match.endUnit; u < match.endUnit + reach && u + 1 < units.count && units.sentence[u] === sentence; u++) {
    const pair = units.normal[u] + ' ' + units.normal[u + 1];
    const nameStart = words.namingPhrases.has(pair) ? u + 2 : words.naming.has(units.normal[u]) ? u + 1 : -1;
    if (nameStart < 0) continue;
    const first = units.normal[nameStart] === 'the' ? nameStart + 1 : nameStart;
    for (let k = next; k < mentions.length && mentions[k].startUnit <= first; k++) {
      if (mentions[k].startUnit === nameStart || mentions[k].startUnit === first) return mentions[k];
    }
    return undefined;
  }
  return undefined;
}

/**
 * Whether the label ending at unit `e` is coordinated with a bare noun that closes the apposition ("Hezbollah, a Shia
 * Islamist political party and militant group, said"): "and" or "or", then at most `reach` words ending in punctuation
 * or the text's end, none of them a mention, a speech verb or a verb that takes an object. "Israel struck Hezbollah, the
 * militant group and its allies said" goes on as a clause, not an apposition.
 */
function coordinatedNounCloses(units: Units, e: number, reach: number, mentions: Mention[], next: number, words: ResolveWords): boolean {
  if (units.barrierAfter[e] || e + 1 >= units.count || !COORDINATORS.has(units.normal[e + 1])) return false;
  const sentence = units.sentence[e];
  const nextMention = next < mentions.length ? mentions[next].startUnit : units.count;
  for (let u = e + 2; u <= e + 1 + reach && u < units.count && units.sentence[u] === sentence; u++) {
    if (u >= nextMention || words.speech.has(units.normal[u]) || words.clauseVerbs.has(units.normal[u])) return false;
    if (units.barrierAfter[u] || u + 1 >= units.count) return true;
  }
  return false;
}

/** The sentence index of the unit that starts at or after `offset` (the first sentence after a headline). */
function sentenceAt(units: Units, text: string, offset: number): number {
  let lo = 0;
  let hi = units.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (units.start[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  void text;
  return lo < units.count ? units.sentence[lo] : units.count ? units.sentence[units.count - 1] : 0;
}

/**
 * Sets a context label's referent and makes it an antecedent in its own right, so a chain of context labels
 * ("the occupation army … the enemy … the occupation") stays resolved beyond the reach of the first explicit name.
 */
function resolveTo(hit: Hit, referent: string, seen: Mention[], match: Match, units: Units): void {
  hit.referent = referent;
  hit.resolution = 'context';
  seen.push({
    referent, start: hit.start, end: hit.end, startUnit: match.startUnit, endUnit: match.endUnit, sentence: hit.sentence,
    head: units.normal[match.endUnit - 1], taken: true,
  });
}

/**
 * Whether a mention stands in an adverbial phrase that opens its sentence and ends with the comma right before unit
 * `main` (the main clause's first word): the sentence's first word is one of `openers` ("In the wake of the attack
 * on Israel, these militants …") and no punctuation stands inside the phrase. Bounded by the phrase's length.
 */
function inFrontedAdverbial(units: Units, m: Mention, main: number, openers: ReadonlySet<string>): boolean {
  if (main < 1 || units.sentence[main] !== m.sentence || m.endUnit > main || !units.barrierAfter[main - 1]) return false;
  let first = m.startUnit;
  while (first > 0 && units.sentence[first - 1] === m.sentence) first--;
  if (!openers.has(units.normal[first])) return false;
  for (let u = first; u < main - 1; u++) if (units.barrierAfter[u]) return false;
  return true;
}

/** Whether unit u opens its sentence, alone or after "The" ("Hezbollah fired …", "The Houthis said …"). */
function opensSentence(units: Units, u: number): boolean {
  const first = (k: number): boolean => k === 0 || units.sentence[k - 1] !== units.sentence[k];
  return first(u) || (u > 0 && units.normal[u - 1] === 'the' && first(u - 1));
}

/**
 * The end of the headline: a first line (before the first line break) that reads as a title, without a full stop,
 * question mark or colon at its end, and short. 0 when the text opens with running prose.
 */
export function headlineEnd(text: string): number {
  const lead = text.match(/^\s*/)?.[0].length ?? 0;
  const eol = text.indexOf('\n', lead);
  if (eol < 0) return 0;
  const line = text.slice(lead, eol).trim();
  if (line.length === 0 || line.length > 200 || /[.:;]["”’']?$/.test(line)) return 0;
  return eol;
}

/** Whether a unit is a possessive ending ("'s", or the apostrophe after a plural). */
function possessive(word: string): boolean {
  return word === "'s" || word === "'";
}

/**
 * Rule 1d: the label heads a list's name (a list noun right after it, or after one bracketed acronym: "Foreign
 * Terrorist Organization (FTO) list") or is what a list holds ("list of …", "list against …", one lowercase word
 * allowed between: "list of banned terrorist organizations"), with no punctuation between.
 */
function listNoun(text: string, units: Units, match: Match, listNouns: ReadonlySet<string>, designationNouns: ReadonlySet<string>): boolean {
  if (listNouns.size === 0 && designationNouns.size === 0) return false;
  // A list or a designation (class `designation-noun`, session 24) right after the label, or after one bracketed acronym.
  const heads = (w: string): boolean => listNouns.has(w) || designationNouns.has(w);
  const e = match.endUnit;
  if (e < units.count && !units.barrierAfter[e - 1] && heads(units.normal[e])) return true;
  if (e + 1 < units.count && /^\s*\(\s*$/u.test(text.slice(units.end[e - 1], units.start[e])) &&
      /^\p{Lu}{2,6}$/u.test(text.slice(units.start[e], units.end[e])) &&
      /^\s*\)\s*$/u.test(text.slice(units.end[e], units.start[e + 1])) && heads(units.normal[e + 1])) return true;
  // Before the label only a list holds a category ("its list of banned terrorist organizations"): "the designation of
  // the terrorist group" names the designated group.
  let k = match.startUnit - 1;
  if (k >= 0 && !units.barrierAfter[k] && !LIST_OBJECT.has(units.normal[k]) && /^\p{Ll}/u.test(text[units.start[k]] ?? '')) k--;
  return k >= 1 && !units.barrierAfter[k] && !units.barrierAfter[k - 1] && LIST_OBJECT.has(units.normal[k]) && listNouns.has(units.normal[k - 1]);
}
