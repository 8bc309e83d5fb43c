/**
 * Shared data types of framelens. Every stage of the pipeline speaks these types:
 * corpus readers produce `Document`s, the lexicon loader produces a `Lexicon`, `analyzeDocument`
 * produces a `DocAnalysis`, and the aggregate/report stages consume those.
 */

/** One article, as read from a file, a JSONL line or a CSV row. `text` is never altered after reading. */
export interface Document {
  id: string;
  outlet: string;
  text: string;
  title?: string;
  /** ISO date (YYYY-MM-DD or a full ISO timestamp) when known. */
  date?: string;
  url?: string;
  language?: string;
  /** Event key from the metadata, when the source supplies one (used for same-event grouping). */
  event?: string;
  /** Where the document came from, for error messages and audit trails. */
  source: SourceRef;
  /** All other metadata fields, passed through untouched. */
  meta: Record<string, unknown>;
}

export interface SourceRef {
  file: string;
  /** 1-based line (front matter line, JSONL line or CSV record line) where it applies. */
  line?: number;
}

/** A document that could not be analyzed, with the reason. Never dropped silently. */
export interface SkippedDocument {
  file: string;
  line?: number;
  id?: string;
  reason: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Lexicon

/** Label categories: the default lexicon uses 'actor-label', 'event' and 'casualty'; imported dictionaries bring their own. */
export type LabelCategory = string;
export type DeviceType = 'distancing' | 'hedge' | 'booster' | 'attribution' | 'negation';
export type NameType = 'actor' | 'place' | 'incident' | 'operation';

export interface Referent {
  id: string;
  label: string;
  description?: string;
}

/** A compiled pattern: a sequence of token tests. Produced by the lexicon loader from a pattern string. */
export interface PatternSpec {
  /** The pattern as written in the lexicon. */
  source: string;
  caseSensitive: boolean;
  /** Where it was written (lexicon file and 1-based line/column), for error messages. */
  file?: string;
  line?: number;
}

interface EntryBase {
  id: string;
  patterns: PatternSpec[];
  rationale?: string;
  sources?: string[];
  /** Lexicon name this entry came from. */
  lexicon: string;
  file?: string;
  line?: number;
}

/** A framing label: a way of naming a referent or an event, with a weight in [-2, +2]. */
export interface LabelEntry extends EntryBase {
  kind: 'label';
  /** The referent this label names. Absent when `resolve` is set: then the referent comes from context. */
  referent?: string;
  /** For context-dependent labels ("the regime"): the referents it may resolve to, nearest explicit mention wins. */
  resolve?: string[];
  /**
   * Agentless wording ("were killed", "died"): counts only when no agent is named in its clause ("were killed in a
   * US drone strike" names one). See lexicons/README.md, "How framelens decides who a label names".
   */
  agentless?: boolean;
  /**
   * The pattern's last word is a noun here only: "terrorist" counts in "killed a terrorist in Lebanon" but not in "a
   * terrorist cell" (an adjective). See lexicons/README.md, "Descriptors vs labels".
   */
  noun?: boolean;
  /**
   * A first-person label ("our troops"): in the outlet's narration the outlet's side, in speech the speaker's side,
   * found from the speaker named in the sentence or just before it.
   */
  firstPerson?: boolean;
  /**
   * A place named for its government ("Tel Aviv"): counts only where the place speaks or acts as a government does,
   * right before a speech or judging verb ("Tel Aviv terms the attack …") or as the object of a directive ("ordered
   * Tel Aviv to …"); elsewhere it is the city.
   */
  metonym?: boolean;
  weight: number;
  category: LabelCategory;
}

/** A proper name that contains frame words ("Islamic Resistance in Iraq"). Matched first, never scored. */
export interface NameEntry extends EntryBase {
  kind: 'name';
  type: NameType;
  /** The referent the name denotes, if any; used as an antecedent for context-dependent labels. */
  referent?: string;
  /**
   * For an actor the lexicon does not track (no `referent`: the Islamic State, Syria's government): the context
   * labels that may mean it. A mention of it is then a competing antecedent that leaves those labels unresolved.
   */
  antecedentOf?: string[];
  /**
   * For an untracked speaker (a defence secretary, the White House): the referent whose side it speaks for. A
   * first-person label in its words ("our troops") names that side.
   */
  side?: string;
}

/** A framing device: distancing, hedge, booster, attribution verb or negation cue. */
export interface DeviceEntry extends EntryBase {
  kind: 'device';
  type: DeviceType;
  /** Optional signed strength: for attribution verbs, -1 casts doubt ("claimed"), +1 presupposes truth ("revealed"). */
  weight?: number;
}

export type LexiconEntry = LabelEntry | NameEntry | DeviceEntry;

/** One lexicon file as loaded: reported with every result so that a result names exactly what produced it. */
export interface LexiconSource {
  name: string;
  version: string;
  /** sha256 of the file's bytes, hex. */
  sha256: string;
  file: string;
  description?: string;
  /** Language of the lexicon's patterns (BCP 47, e.g. "en"), when it says. */
  language?: string;
}

/** One or more lexicon files merged into one set of referents and entries. */
export interface Lexicon {
  sources: LexiconSource[];
  referents: Referent[];
  /** Groups of spellings that are equivalent in every pattern (lowercase, single tokens). */
  variants: string[][];
  entries: LexiconEntry[];
  /** Named word classes that patterns refer to as {name} (lexicons/README.md "Pattern language"). */
  classes?: WordClass[];
  /** Places and the referents that act there (lexicons/README.md "How framelens decides who a label names"). */
  theatres?: Theatre[];
}

/**
 * A place where only some referents act: a context label followed by "in <place>" ("the enemy in the Gaza Strip",
 * "the occupation forces in Iraq") can only mean one of them.
 */
export interface Theatre {
  /** Place names as written (case-insensitive, "the" before them optional in the text). */
  places: string[];
  /** Referent ids of the actors of this place. */
  actors: string[];
  /**
   * One-word nationality adjectives of the place ("Yemeni"): a group noun right after one is read as "from <place>"
   * ("Yemeni militants"), and a name right after one that none of the actors is ("Palestinian Islamic Resistance") is
   * not that name's actor. Left out where the people's own armed groups are no actor (Syria's civil war).
   */
  demonyms?: string[];
  /**
   * The referents a demonym names by who the men are, where that is fewer than the actors of the place: "Gazan
   * terrorists" are Gaza's own armed groups, never the army fighting there. Absent: the demonym stands for the actors.
   */
  people?: string[];
  note?: string;
  lexicon: string;
  file?: string;
  line?: number;
}

/** A named word class: phrases any of which may stand where a pattern writes {name}. */
export interface WordClass {
  name: string;
  members: PatternSpec[];
  note?: string;
  lexicon: string;
  file?: string;
  line?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Analysis

export type Voice = 'author' | 'quoted' | 'attributed';

export interface Span {
  start: number;
  end: number;
}

/** A label hit: one framing label found in a document. `text === doc.text.slice(start, end)`. */
export interface Hit {
  /** Label entry id. */
  label: string;
  /** Resolved referent id; `null` for event/casualty words without a referent and for unresolved context labels. */
  referent: string | null;
  category: LabelCategory;
  weight: number;
  start: number;
  end: number;
  text: string;
  /** 0-based sentence index in the document. */
  sentence: number;
  voice: Voice;
  /** The outlet keeps its distance from the label (so-called, self-styled, scare quotes...). */
  distanced: boolean;
  negated: boolean;
  /** For context-resolved labels: how the referent was found. */
  resolution?: 'fixed' | 'context' | 'unresolved';
  /** Which device(s) made it distanced/negated, for the audit trail. */
  cues?: string[];
}

/** What a keyword-in-context line needs of a hit: which label it is, of whom, its weight and where it stands. */
export type SpanHit = Pick<Hit, 'label' | 'referent' | 'weight' | 'start' | 'end'>;

/** A name hit (never scored; kept so that every masked span is visible). */
export interface NameHit {
  name: string;
  type: NameType;
  referent: string | null;
  start: number;
  end: number;
  text: string;
  sentence: number;
  voice: Voice;
  /** The outlet keeps its distance from the name ("calling itself …", scare quotes). */
  distanced: boolean;
  cues?: string[];
}

/** A device hit: distancing, hedge, booster, attribution verb or negation cue. */
export interface DeviceHit {
  device: string;
  type: DeviceType;
  weight?: number;
  start: number;
  end: number;
  text: string;
  sentence: number;
  voice: Voice;
  /** For attribution verbs and hedges that introduce a claim about a referent. */
  referent?: string | null;
}

export interface VoiceSpan extends Span {
  voice: Exclude<Voice, 'author'>;
}

export interface DocAnalysis {
  id: string;
  outlet: string;
  title?: string;
  date?: string;
  url?: string;
  event?: string;
  words: number;
  tokens: number;
  sentences: Span[];
  /**
   * Quotations everywhere; reported speech in the sentences that hold a lexicon match (what the hits need). For the
   * voice of other words, run findVoiceSpans over the whole text (as kwic does).
   */
  voiceSpans: VoiceSpan[];
  hits: Hit[];
  names: NameHit[];
  devices: DeviceHit[];
  /** Warnings raised while analyzing (e.g. a long run without spaces that was guarded). */
  warnings: string[];
  /**
   * Blocks (lines or runs of lines: a headline, caption, paragraph) repeated verbatim later in the document, whose
   * later copies were not analyzed again. Absent when none.
   */
  collapsedBlocks?: number;
}
