/**
 * Reported speech: the parts of a sentence the outlet passes on as someone else's claim ("the group said that …").
 *
 * Works on words found by a linear character scan of each sentence unit (no regexes over the text, no
 * backtracking), with cue windows bounded by small constants, so the cost is linear in the text length.
 *
 * Rules (each marks character ranges as `attributed`; the cue words themselves stay author voice):
 *
 * 1. Forward cue + content clause. A reporting verb ("said", "stated", "explained", "warned", "stressed", "noted",
 *    "claimed", "insisted" …, also -ing forms such as ", saying …", ", warning that …") followed within
 *    THAT_WINDOW words by the complementizer "that" (not "that" used as a pronoun: "said that." / "said that,")
 *    marks from the word after "that" to the end of the sentence. "said during a media briefing on Tuesday that …"
 *    counts. For the say-family only (say/says/said/saying, added, stated, insisted, argued, alleged, maintained),
 *    a zero-"that" clause counts too when the next word opens a clause: a determiner, pronoun or auxiliary
 *    ("said the latest attacks were …", "facilities it says were linked …"). "said in a statement, …" skips a
 *    short prepositional phrase first. Verbs with an object noun phrase ("claimed responsibility",
 *    "announced the formation") are NOT attribution: only their "that" clause is.
 *    Other forward cues: "insist(ed) on …", "accuse(d) X of …", "describe(d) X as …" (also condemn / brand /
 *    label / characterize / portray … as), "according to X, …" at the start of a sentence.
 *    Impersonal passives of the outlet's own discourse ("it should be added that", "it is noted that") are not
 *    cues; reporting passives ("it was reported / claimed / alleged that") are.
 * 2. Backward cues, only when no forward cue stands earlier in the same sentence (then the forward clause already
 *    holds the claim and the part before the verb is the outlet's framing of who speaks):
 *    - a trailing or parenthetical speech tag, a comma-delimited segment that is a short subject + reporting verb
 *      ("…, a US military official said.", "…, he added.", "…, the official said, were …") or the inverted
 *      "…, said the spokesman." marks the rest of the sentence (before the tag, and after a parenthetical one);
 *    - "…, according to X." marks the part before it; a mid-sentence "…, according to X, …" marks both sides
 *      (the source phrase itself stays author, as does a relative clause on it: "according to the official, who
 *      spoke on condition of anonymity").
 * 3. Cues inside a quotation are ignored (the quotation is quoted voice already, and a quoted speaker's "said that"
 *    must not leak attribution past the closing mark).
 */
import type { Span } from '../types.js';

// ---------------------------------------------------------------------------------------------------------------
// Characters and words

/** Letters and digits (any script). ASCII fast path; the Unicode test only for non-ASCII characters. */
export function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  return WORD_CHAR.test(String.fromCharCode(code));
}
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Apostrophes and hyphens that join word characters into one word (Kata'ib, Gaza's, al-Shuhada, anti-terror). */
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x2010 || code === 0x2011;
}

export interface Word {
  /** Lowercase form, with curly apostrophes folded to straight ones. */
  lower: string;
  start: number;
  end: number;
  /** The characters between the previous word (or the unit start) and this word contain a comma/semicolon/colon. */
  commaBefore: boolean;
  /** A quotation mark or bracket stands between the previous word and this one. */
  markBefore: boolean;
}

/** Words of text[start, end) in one linear pass. */
export function scanWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  let i = start;
  let comma = false;
  let mark = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      if (c === 0x2c || c === 0x3b || c === 0x3a) comma = true;
      else if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x2e) mark = true;
      i++;
      continue;
    }
    const ws = i;
    let curly = false;
    i++;
    while (i < end) {
      const d = text.charCodeAt(i);
      if (isWordChar(d)) i++;
      else if (isJoiner(d) && i + 1 < end && isWordChar(text.charCodeAt(i + 1))) {
        if (d === 0x2019) curly = true;
        i += 2;
      } else break;
    }
    const lower = text.slice(ws, i).toLowerCase();
    words.push({
      lower: curly ? lower.replace(/\u2019/g, "'") : lower,
      start: ws,
      end: i,
      commaBefore: comma,
      markBefore: mark,
    });
    comma = false;
    mark = false;
  }
  return words;
}

// ---------------------------------------------------------------------------------------------------------------
// Cue lexicon

/** Verb forms that report speech or a claim and take a "that" clause. */
const REPORTING_FORMS: readonly string[] = [
  'say says said saying',
  'state states stated stating',
  'explain explains explained explaining',
  'warn warns warned warning',
  'stress stresses stressed stressing',
  'claim claims claimed claiming',
  'note notes noted noting',
  'add adds added adding',
  'announce announces announced announcing',
  'affirm affirms affirmed affirming',
  'reaffirm reaffirms reaffirmed reaffirming',
  'reiterate reiterates reiterated reiterating',
  'confirm confirms confirmed confirming',
  'declare declares declared declaring',
  'insist insists insisted insisting',
  'assert asserts asserted asserting',
  'argue argues argued arguing',
  'allege alleges alleged alleging',
  'maintain maintains maintained maintaining',
  'tell tells told telling',
  'report reports reported reporting',
  'reveal reveals revealed revealing',
  'vow vows vowed vowing',
  'pledge pledges pledged pledging',
  'promise promises promised promising',
  'threaten threatens threatened threatening',
  'indicate indicates indicated indicating',
  'emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising',
  'underline underlines underlined underlining',
  'underscore underscores underscored underscoring',
  'acknowledge acknowledges acknowledged acknowledging',
  'admit admits admitted admitting',
  'deny denies denied denying',
  'suggest suggests suggested suggesting',
  'estimate estimates estimated estimating',
  'recall recalls recalled recalling',
  'write writes wrote writing',
  'tweet tweets tweeted tweeting',
  'post posts posted posting',
  'mention mentions mentioned mentioning',
  'clarify clarifies clarified clarifying',
  'boast boasts boasted boasting',
  'contend contends contended contending',
  'concede concedes conceded conceding',
  'complain complains complained complaining',
  'predict predicts predicted predicting',
  'believe believes believed believing',
  'think thinks thought thinking',
  'charge charges charged charging',
  'demand demands demanded demanding',
  'conclude concludes concluded concluding',
].flatMap((line) => line.split(' '));

const REPORTING = new Set(REPORTING_FORMS);

/** Verbs that may introduce a clause without "that" ("the group said the attacks were …"). */
const ZERO_THAT = new Set([
  'say', 'says', 'said', 'saying', 'added', 'adding', 'stated', 'stating', 'insisted', 'insisting', 'argued',
  'arguing', 'alleged', 'alleging', 'maintained', 'maintaining', 'believes', 'believed', 'thinks',
]);

/** Verb forms that make a trailing speech tag ("…, he added."). */
const TAG_VERBS = new Set([
  'said', 'says', 'added', 'adds', 'stressed', 'stresses', 'noted', 'notes', 'explained', 'explains', 'warned', 'warns',
  'stated', 'states', 'claimed', 'claims', 'insisted', 'insists', 'wrote', 'writes', 'tweeted', 'announced',
  'confirmed', 'confirms', 'declared', 'affirmed', 'asserted', 'argued', 'argues', 'maintained', 'reported',
  'reports', 'acknowledged', 'admitted', 'continued', 'concluded', 'emphasized', 'emphasised', 'alleged',
  'reiterated', 'told', 'recalled', 'vowed', 'pledged', 'insisted',
]);

/** Words that open a clause after a zero-"that" say-verb. */
const CLAUSE_OPENERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'it', 'its', 'they', 'their', 'them', 'he', 'his', 'she', 'her', 'we',
  'our', 'you', 'your', 'i', 'my', 'there', 'all', 'some', 'no', 'none', 'any', 'every', 'each', 'both', 'most',
  'many', 'several', 'such', 'if', 'whether', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'would', 'will',
  'could', 'can', 'should', 'might', 'may', 'must', 'did', 'does', 'not', 'only', 'more', 'fewer', 'at', 'us', 'washington',
]);

/** A short adjunct that may stand between a say-verb and its clause: "said in a statement, …", "said on Friday …". */
const ADJUNCT_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'from', 'late', 'earlier', 'later',
  'yesterday', 'today', 'tonight', 'last', 'this', 'again', 'also', 'repeatedly', 'previously', 'recently', 'publicly',
  'however', 'further', 'then', 'now', 'already', 'once', 'firmly', 'clearly', 'explicitly', 'separately', 'told',
  'to', 'reporters', 'journalists']);

/** Passive participles that are the outlet's own discourse ("it should be noted that"), not reported speech. */
const PASSIVE_REPORTING = new Set(['reported', 'claimed', 'alleged', 'announced', 'stated', 'rumored', 'rumoured',
  'believed', 'thought', 'said', 'estimated', 'revealed', 'confirmed']);
/** Verbs whose object may stand before "that": "told reporters that", "warned Washington that". */
const OBJECT_VERBS = new Set(['tell', 'tells', 'told', 'telling', 'warn', 'warns', 'warned', 'warning', 'assure',
  'assures', 'assured', 'inform', 'informs', 'informed', 'remind', 'reminds', 'reminded', 'convince', 'convinced']);
const OBJECT_MAX = 3;
const BE_FORMS = new Set(['be', 'been', 'being', 'is', 'was', 'are', 'were', "it's"]);

/** Words that open a relative or subordinate clause: a comma segment starting with one is not a speech tag. */
const NOT_TAG_START = new Set(['which', 'who', 'whom', 'whose', 'that', 'and', 'but', 'or', 'while', 'when', 'where',
  'if', 'because', 'although', 'though', 'since', 'after', 'before', 'until', 'so', 'whereas', 'unless', 'whether',
  'what', 'how', 'why', 'not', 'nor', 'yet', 'then', 'to', 'for', 'with', 'without', 'by']);
/** Relative words: "according to the official, who spoke …" — the relative clause is about the source, not the claim. */
const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'that', 'where', 'when']);

/** "describe X as", "condemn X as": the characterisation after "as" is the subject's. */
const AS_VERBS = new Set(['describe', 'describes', 'described', 'describing', 'condemn', 'condemns', 'condemned',
  'condemning', 'brand', 'brands', 'branded', 'branding', 'label', 'labels', 'labelled', 'labeled', 'labelling',
  'labeling', 'characterize', 'characterizes', 'characterized', 'characterizing', 'characterise', 'characterised',
  'portray', 'portrays', 'portrayed', 'portraying', 'denounce', 'denounces', 'denounced', 'denouncing', 'hail',
  'hails', 'hailed', 'hailing']);
const ACCUSE = new Set(['accuse', 'accuses', 'accused', 'accusing']);
const INSIST = new Set(['insist', 'insists', 'insisted', 'insisting']);

/** Words between a reporting verb and "that": "said during a media briefing on Tuesday that". */
const THAT_WINDOW = 8;
const AS_WINDOW = 6;
const ACCUSE_WINDOW = 14;
/** Speech tag: at most this many subject words before the verb and adjunct words after it. */
const TAG_SUBJECT_MAX = 8;
const TAG_ADJUNCT_MAX = 6;

/**
 * Whether text[start, end) contains a reporting cue word (any reporting verb form, "according to", "statement").
 * Used as evidence that a paragraph is reported speech (see quotes.ts, lost opening marks).
 */
export function containsReportingCue(text: string, start: number, end: number): boolean {
  const words = scanWords(text, start, end);
  for (let i = 0; i < words.length; i++) {
    const w = words[i].lower;
    if (TAG_VERBS.has(w) || w === 'statement' || (w === 'according' && words[i + 1]?.lower === 'to')) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Attribution per sentence unit

/** Index of the first word with start >= pos (binary search). */
function firstWordAt(words: Word[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insideAny(spans: Span[], pos: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = spans[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

interface ForwardCue {
  /** First word index of the cue (the verb, "according", …). */
  cue: number;
  /** First word index of the reported clause; words.length when the clause is empty. */
  clause: number;
}

/** Is the reporting verb at i a passive of the outlet's own discourse ("it should be added that")? */
function isDiscoursePassive(words: Word[], i: number): boolean {
  const w = words[i].lower;
  if (PASSIVE_REPORTING.has(w)) return false;
  const prev = words[i - 1]?.lower;
  return prev !== undefined && BE_FORMS.has(prev);
}

/** The forward cue starting at word i, if any. */
function forwardCueAt(text: string, words: Word[], i: number): ForwardCue | null {
  const w = words[i].lower;
  const n = words.length;
  if (w === 'according' && words[i + 1]?.lower === 'to') {
    // Only the sentence-initial form is forward; "X, according to Y" is handled as a backward cue.
    if (i > 1 || (i === 1 && !ADJUNCT_PREPOSITIONS.has(words[0].lower) && words[0].lower !== 'but')) return null;
    for (let j = i + 2; j < n; j++) if (words[j].commaBefore) return { cue: i, clause: j };
    return null;
  }
  if (INSIST.has(w) && words[i + 1]?.lower === 'on' && i + 2 < n) return { cue: i, clause: i + 2 };
  if (ACCUSE.has(w)) {
    for (let j = i + 1; j < n && j <= i + ACCUSE_WINDOW; j++) {
      if (words[j].lower === 'of' && j + 1 < n) return { cue: i, clause: j + 1 };
    }
    return null;
  }
  if (AS_VERBS.has(w)) {
    for (let j = i + 1; j < n && j <= i + AS_WINDOW; j++) {
      if (words[j].lower === 'as' && j + 1 < n) return { cue: i, clause: j + 1 };
    }
    return null;
  }
  if (!REPORTING.has(w) || isDiscoursePassive(words, i)) return null;
  // "that" within the window; "that" directly followed by punctuation or the end is a pronoun ("said that.").
  // What stands between must be an adjunct ("said during a briefing on Tuesday that", "said, however, that") or a
  // short object of tell/warn ("told reporters that"); otherwise "that" is likely a relative pronoun on an object
  // ("claimed the attack that killed …").
  const next = words[i + 1];
  const between = next === undefined ? 0
    : next.lower === 'that' ? 1
      : ADJUNCT_PREPOSITIONS.has(next.lower) || next.commaBefore ? THAT_WINDOW + 1
        : OBJECT_VERBS.has(w) ? OBJECT_MAX + 1 : 1;
  for (let j = i + 1; j < n && j <= i + between; j++) {
    const lj = words[j].lower;
    if (lj === 'that') {
      const after = words[j + 1];
      if (after && !after.commaBefore) return { cue: i, clause: j + 1 };
      return null;
    }
    if (j > i + 1 && (REPORTING.has(lj) || words[j].markBefore)) break; // another verb, or a quotation: not ours
  }
  if (!ZERO_THAT.has(w)) return null;
  // Zero-"that" clause: skip a short adjunct ("in a statement," / "on Friday"), then a clause opener must follow.
  let j = i + 1;
  if (j < n && ADJUNCT_PREPOSITIONS.has(words[j].lower)) {
    let k = j + 1;
    while (k < n && k <= j + 5 && !words[k].commaBefore && !words[k].markBefore) k++;
    if (k < n && (words[k].commaBefore || words[k].markBefore)) j = k;
    else return null;
  }
  if (j >= n) return null;
  if (words[j].markBefore || words[j].commaBefore || CLAUSE_OPENERS.has(words[j].lower)) return { cue: i, clause: j };
  return null;
}

/** A comma segment words[a, b) that is a speech tag: "he added", "a US military official said on Monday", "said the official". */
function isSpeechTag(text: string, words: Word[], a: number, b: number): boolean {
  if (b - a < 1 || NOT_TAG_START.has(words[a].lower)) return false;
  // Inverted: "said the spokesman", "added Singh": a determiner or a capitalised name after the verb.
  if (TAG_VERBS.has(words[a].lower)) {
    if (b - a < 2 || b - a - 1 > TAG_SUBJECT_MAX) return false;
    for (let k = a + 1; k < b; k++) {
      const lk = words[k].lower;
      if (REPORTING.has(lk) || lk === 'that' || AUXILIARIES.has(lk)) return false; // a clause, not a subject
    }
    const subj = words[a + 1];
    return DETERMINERS.has(subj.lower) || isUpper(text.charCodeAt(subj.start));
  }
  for (let v = a + 1; v < b && v - a <= TAG_SUBJECT_MAX; v++) {
    if (!TAG_VERBS.has(words[v].lower)) continue;
    if (BE_FORMS.has(words[v - 1].lower)) return false;
    const after = b - v - 1;
    if (after === 0) return true;
    if (after > TAG_ADJUNCT_MAX || !ADJUNCT_PREPOSITIONS.has(words[v + 1].lower)) return false;
    for (let k = v + 1; k < b; k++) if (words[k].lower === 'that' || REPORTING.has(words[k].lower)) return false;
    return true;
  }
  return false;
}

const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'had', 'has', 'have', 'would', 'will', 'could', 'can',
  'should', 'might', 'may', 'must', 'did', 'does', 'do', 'be', 'been']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'one', 'another']);

function isUpper(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase();
}

/** Whether the comma segment starting at word a (ending at the next comma or the unit end) is a speech tag. */
function inSpeechTag(text: string, words: Word[], a: number): boolean {
  const max = a + TAG_SUBJECT_MAX + TAG_ADJUNCT_MAX + 2;
  let b = a + 1;
  while (b < words.length && b <= max && !words[b].commaBefore) b++;
  return b <= max && isSpeechTag(text, words, a, b);
}

/** Attributed ranges of one sentence unit text[start, end). Pushes onto out. */
function attributeUnit(text: string, start: number, end: number, quoted: Span[], out: Span[]): void {
  const words = scanWords(text, start, end);
  const n = words.length;
  if (n < 2) return;
  const mark = (a: number, b: number): void => {
    if (a < b) out.push({ start: words[a].start, end: words[b - 1].end });
  };

  // Forward cues: the first one outside quotations wins; its clause runs to the end of the unit. A verb in a
  // comma segment that is a speech tag ("…, the official said, were …", "…, said the spokesman.") is not one.
  let forward: ForwardCue | null = null;
  let segHead = 0;
  for (let i = 0; i < n && !forward; i++) {
    if (words[i].commaBefore) segHead = i;
    if (insideAny(quoted, words[i].start)) continue;
    const cue = forwardCueAt(text, words, i);
    if (cue && !(segHead > 0 && TAG_VERBS.has(words[i].lower) && inSpeechTag(text, words, segHead))) forward = cue;
  }

  // Backward cues ("…, according to X" and speech tags) are looked for only before the forward cue.
  const limit = forward ? forward.cue : n;
  let segStart = 0;
  let before = 0; // words[0, before) are attributed by a backward cue
  for (let i = 1; i <= limit; i++) {
    if (i < limit && !words[i].commaBefore) continue;
    // The comma segment words[segStart, i); the first segment cannot be a trailing tag or source.
    if (segStart > 0 && !insideAny(quoted, words[segStart].start)) {
      const according = words[segStart].lower === 'according' && words[segStart + 1]?.lower === 'to';
      if (according || isSpeechTag(text, words, segStart, i)) {
        before = segStart;
        // What follows a parenthetical source or tag is the claim too, unless it is a relative clause on the source.
        if (i < limit && !RELATIVE.has(words[i].lower)) mark(i, limit);
      }
    }
    segStart = i;
  }
  mark(0, before);
  if (forward) {
    // A trailing "…, according to X" inside the clause names the source: that phrase stays author voice.
    let end = n;
    for (let j = forward.clause + 1; j < n; j++) {
      if (words[j].commaBefore && words[j].lower === 'according' && words[j + 1]?.lower === 'to') {
        end = j;
        let k = j + 2;
        while (k < n && !words[k].commaBefore) k++;
        if (k < n && !RELATIVE.has(words[k].lower)) mark(k, n);
        break;
      }
    }
    mark(forward.clause, end);
  }
}

/**
 * Attributed (reported-speech) spans of a text. `units` are sentence spans already cut at paragraph breaks, in
 * order; `quoted` are the top-level quotations, sorted (cues inside them are ignored). Returns sorted, merged spans
 * that may overlap quotations (the caller gives quoted voice precedence).
 */
export function attributionSpans(text: string, units: Span[], quoted: Span[]): Span[] {
  const raw: Span[] = [];
  for (const u of units) attributeUnit(text, u.start, u.end, quoted, raw);
  raw.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of raw) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}
