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
 * 4. Wire copy and translated news:
 *    - A dateline ("BAGHDAD (Reuters) -", "JERUSALEM, Jan 5 (AFP) —", "ERBIL, Kurdistan Region -") is author voice and
 *      cut off before the sentence is read, so the sentence's first segment is the claim.
 *    - Tags: present-tense "…, officials say.", "…, a commander told Reuters." (the object of "told" is skipped),
 *      "…, the statement read." ("read" only after a document noun); "told the prime minister, X, that …" finds its
 *      "that" past a longer object, and "told …" at a segment start is no inverted tag. After an inverted tag, an
 *      appositive on the speaker ("…, said Yahya Saree, a spokesman for …") stays author; after any tag or source,
 *      a segment opened by a participle or a time/concessive adjunct ("…, officials said, marking …", "…, quoted by
 *      Saba") is the outlet's continuation, not the claim.
 *    - Zero-"that" clauses also open with a named subject and a finite verb ("said Israel would …", "says Hamas
 *      uses …"), a number ("said five fighters had …", "said at least …"), or a pronoun after an adjunct ("said on
 *      Friday it had …"); "believe", "think" and "deny" take them too.
 *    - "vowed / pledged / promised / swore / claimed to …": the infinitive, ending where the outlet's account of the
 *      occasion starts ("… after a strike killed …"). "urged / ordered / asked / called on X to …": the infinitive.
 *    - Naming and condemning: "called / dubbed / termed Y Z" marks object and complement (at most CALL_WINDOW words,
 *      not "called on/for", not a sentence-initial hypothetical "To call …"); "condemned / denounced / blamed /
 *      demanded the …" mark the object (to the end of the comma segment or a coordinated verb: "… and said");
 *      "describe / see / present / designate / … X as Y" mark X too unless X is a pronoun; "accuse X of Y" marks X
 *      too unless the outlet glosses X with an appositive. Passive framing counts only with its agent ("is
 *      considered a terrorist organization by the US", up to "by"); "are seen as …" alone is the outlet's hedge.
 *    - Perspective adjuncts at the start of a sentence without any other cue: "In Tehran's state media, …",
 *      "In Israeli newspapers they are …", "To them the groups are …".
 *    - Colon-introduced quotations without marks: "The group said: We will …" (a capital after the colon) is quoted;
 *      a unit ending "… said:" / "The statement read:" makes the next paragraph quoted unless it opens with a mark.
 *      A headline or subhead "Sanaa: The American enemy is the aggressor" (at most HEADLINE_SPEAKER_MAX capitalised
 *      words before the colon, no kicker such as "Analysis:", no final punctuation) is attributed.
 * 5. Scope:
 *    - A trailing comma segment opened by "despite" or "even as/though/while" is the outlet's context, not the claim.
 *    - "…, killing about 1,200 people, according to Israeli tallies": a source of figures backs only the participle
 *      segment with the figure. An appositive after a trailing source ("…, according to the ministry, a formula …")
 *      stays author.
 *    - A sentence is read in parts split at semicolons: a part with its own cue is attributed on its own ("The IDF
 *      says …; the Hamas-run ministry says …"), a part without one continues a forward clause left open before it.
 *    - Numbers with thousands separators ("1,200") are one word, so their comma is no segment boundary.
 *    - Cues with a bounded clause ("what Iran calls its 'axis of resistance'") let the search for a forward cue go on
 *      after their clause.
 *    - is/fair/needless "to say that", "that is to say" are the outlet's own discourse.
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

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

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
  /** The characters between the previous word and this one contain a semicolon. */
  semiBefore: boolean;
  /** The characters between the previous word and this one contain a colon. */
  colonBefore: boolean;
}

/** Words of text[start, end) in one linear pass. */
export function scanWords(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  let i = start;
  let comma = false;
  let mark = false;
  let semi = false;
  let colon = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      if (c === 0x2c || c === 0x3b || c === 0x3a) {
        comma = true;
        if (c === 0x3b) semi = true;
        else if (c === 0x3a) colon = true;
      } else if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x2e) mark = true;
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
      } else if ((d === 0x2c || d === 0x2e) && isDigit(text.charCodeAt(i - 1)) && i + 1 < end && isDigit(text.charCodeAt(i + 1))) {
        i += 2; // 1,200 and 2.5 are one word: the comma is no clause boundary
      } else break;
    }
    const lower = text.slice(ws, i).toLowerCase();
    words.push({
      lower: curly ? lower.replace(/\u2019/g, "'") : lower,
      start: ws,
      end: i,
      commaBefore: comma,
      markBefore: mark,
      semiBefore: semi,
      colonBefore: colon,
    });
    comma = false;
    mark = false;
    semi = false;
    colon = false;
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
  'arguing', 'alleged', 'alleging', 'maintained', 'maintaining', 'believe', 'believes', 'believed', 'think', 'thinks',
  'deny', 'denies', 'denied', 'denying',
]);

/** Verb forms that make a trailing speech tag ("…, he added.", "…, officials say.", "…, a commander told Reuters."). */
const TAG_VERBS = new Set([
  'said', 'says', 'say', 'added', 'adds', 'add', 'stressed', 'stresses', 'noted', 'notes', 'note', 'explained',
  'explains', 'warned', 'warns', 'warn', 'stated', 'states', 'claimed', 'claims', 'claim', 'insisted', 'insists',
  'insist', 'wrote', 'writes', 'tweeted', 'announced', 'confirmed', 'confirms', 'confirm', 'declared', 'affirmed',
  'asserted', 'argued', 'argues', 'argue', 'maintained', 'maintain', 'reported', 'reports', 'report', 'acknowledged',
  'admitted', 'continued', 'concluded', 'emphasized', 'emphasised', 'alleged', 'allege', 'reiterated', 'told',
  'recalled', 'vowed', 'pledged', 'believe', 'believes', 'believed', 'estimate', 'estimates', 'estimated', 'contend',
  'contends', 'contended', 'read', 'reads',
]);

/** "read" reports only a document: "the statement read", "The message reads: …". */
const DOCUMENT_NOUNS = new Set(['statement', 'statements', 'message', 'letter', 'post', 'communique', 'communiqué',
  'text', 'note', 'banner', 'sign', 'tweet', 'leaflet', 'release', 'notice', 'declaration', 'caption', 'headline',
  'placard', 'poster', 'slogan', 'decree', 'order', 'memo', 'email', 'report']);

/** Words that open a clause after a zero-"that" say-verb. */
const CLAUSE_OPENERS = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'it', 'its', 'they', 'their', 'them', 'he', 'his', 'she', 'her', 'we',
  'our', 'you', 'your', 'i', 'my', 'there', 'all', 'some', 'no', 'none', 'any', 'every', 'each', 'both', 'most',
  'many', 'several', 'such', 'if', 'whether', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'would', 'will',
  'could', 'can', 'should', 'might', 'may', 'must', 'did', 'does', 'not', 'only', 'more', 'fewer', 'at', 'us', 'washington',
]);
/** Subject pronouns that open a clause after an adjunct: "said on Friday it had struck …". */
const PRONOUN_OPENERS = new Set(['it', 'its', 'they', 'their', 'he', 'his', 'she', 'her', 'we', 'our', 'i', 'there']);

/** A short adjunct that may stand between a say-verb and its clause: "said in a statement, …", "said on Friday …". */
const ADJUNCT_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'from', 'late', 'earlier', 'later',
  'yesterday', 'today', 'tonight', 'last', 'this', 'again', 'also', 'repeatedly', 'previously', 'recently', 'publicly',
  'however', 'further', 'then', 'now', 'already', 'once', 'firmly', 'clearly', 'explicitly', 'separately', 'told',
  'to', 'reporters', 'journalists']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Passive participles that are the outlet's own discourse ("it should be noted that"), not reported speech. */
const PASSIVE_REPORTING = new Set(['reported', 'claimed', 'alleged', 'announced', 'stated', 'rumored', 'rumoured',
  'believed', 'thought', 'said', 'estimated', 'revealed', 'confirmed']);
/** Verbs whose object may stand before "that": "told reporters that", "warned Washington that". */
const OBJECT_VERBS = new Set(['tell', 'tells', 'told', 'telling', 'warn', 'warns', 'warned', 'warning', 'assure',
  'assures', 'assured', 'inform', 'informs', 'informed', 'remind', 'reminds', 'reminded', 'convince', 'convinced']);
const OBJECT_MAX = 3;
/** "told the prime minister, Benjamin Netanyahu, that …": words the object of tell/warn may take before "that". */
const OBJECT_THAT_MAX = 6;
/** Lowercase words that may make up the object of "told" in a tag: "told reporters", "told state television". */
const TOLD_OBJECTS = new Set(['reporters', 'journalists', 'the', 'a', 'an', 'news', 'agency', 'media', 'press',
  'television', 'tv', 'radio', 'state', 'newspaper', 'channel', 'broadcaster', 'local', 'us', 'him', 'her', 'them',
  'me', 'crowd', 'parliament', 'lawmakers', 'supporters', 'troops', 'mourners', 'audience']);
const BE_FORMS = new Set(['be', 'been', 'being', 'is', 'was', 'are', 'were', "it's"]);
/** "it is fair to say that", "needless to say": the outlet's own discourse. */
const DISCOURSE_ADJECTIVES = new Set(['fair', 'safe', 'needless', 'true', 'hard', 'difficult', 'easy', 'wrong',
  'right', 'accurate', 'suffice', 'reasonable', 'impossible', 'possible']);
const SAY_FORMS = new Set(['say', 'says', 'said', 'saying']);

/** Words that open a relative or subordinate clause: a comma segment starting with one is not a speech tag. */
const NOT_TAG_START = new Set(['which', 'who', 'whom', 'whose', 'that', 'and', 'but', 'or', 'while', 'when', 'where',
  'if', 'because', 'although', 'though', 'since', 'after', 'before', 'until', 'so', 'whereas', 'unless', 'whether',
  'what', 'how', 'why', 'not', 'nor', 'yet', 'then', 'to', 'for', 'with', 'without', 'by']);
/** Relative words: "according to the official, who spoke …" — the relative clause is about the source, not the claim. */
const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'that', 'where', 'when']);

/** "describe X as", "condemn X as", "see X as": the characterisation after "as" (and the object named) is the subject's. */
const AS_VERBS = new Set(['describe', 'describes', 'described', 'describing', 'condemn', 'condemns', 'condemned',
  'condemning', 'brand', 'brands', 'branded', 'branding', 'label', 'labels', 'labelled', 'labeled', 'labelling',
  'labeling', 'characterize', 'characterizes', 'characterized', 'characterizing', 'characterise', 'characterised',
  'portray', 'portrays', 'portrayed', 'portraying', 'denounce', 'denounces', 'denounced', 'denouncing', 'hail',
  'hails', 'hailed', 'hailing', 'see', 'sees', 'saw', 'view', 'views', 'viewed', 'viewing', 'regard', 'regards',
  'regarded', 'regarding', 'consider', 'considers', 'considered', 'considering', 'present', 'presents', 'presented',
  'presenting', 'depict', 'depicts', 'depicted', 'depicting', 'cast', 'casts', 'casting', 'frame', 'frames', 'framed',
  'framing', 'paint', 'paints', 'painted', 'painting', 'designate', 'designates', 'designated', 'designating',
  'decry', 'decries', 'decried', 'decrying']);
/** "condemn the …", "denounce the …": the object is named as the speaker condemns it, even without "as". */
const CONDEMN = new Set(['condemn', 'condemns', 'condemned', 'condemning', 'denounce', 'denounces', 'denounced',
  'denouncing', 'decry', 'decries', 'decried', 'decrying']);
/** "call X Y": object and complement are the speaker's naming. */
const CALL = new Set(['call', 'calls', 'called', 'calling', 'dub', 'dubs', 'dubbed', 'dubbing', 'term', 'terms',
  'termed', 'terming']);
/** Particles that make "call" another verb: "called on", "called for", "called off". */
const CALL_PARTICLES = new Set(['on', 'upon', 'for', 'off', 'up', 'in', 'out', 'back', 'into', 'at', 'to']);
/** Passive framing with an agent: "is considered a terrorist organization by the United States". */
const PASSIVE_FRAMING = new Set(['considered', 'regarded', 'seen', 'viewed', 'designated', 'described', 'labelled',
  'labeled', 'branded', 'deemed', 'called', 'termed', 'dubbed', 'characterized', 'characterised', 'portrayed',
  'depicted', 'denounced', 'condemned']);
/** "vowed to …", "pledged to …", "claiming to act …": the infinitive is the speaker's announced intent or claim. */
const VOW_TO = new Set(['vow', 'vows', 'vowed', 'vowing', 'pledge', 'pledges', 'pledged', 'pledging', 'promise',
  'promises', 'promised', 'promising', 'swear', 'swears', 'swore', 'sworn', 'swearing', 'claim', 'claims', 'claimed',
  'claiming']);
/** "blamed X for Y", "blamed Y on X": whom the speaker blames, and for what. */
const BLAME = new Set(['blame', 'blames', 'blamed', 'blaming']);
/** "demanded the withdrawal of occupation troops": a demand names what is demanded in the speaker's terms. */
const DEMAND = new Set(['demand', 'demands', 'demanded', 'demanding']);
/** "urged Biden to hit Iran", "ordered Tel Aviv to …": the infinitive is the speaker's demand. */
const DIRECTIVE = new Set(['urge', 'urges', 'urged', 'urging', 'order', 'orders', 'ordered', 'ordering', 'ask', 'asks',
  'asked', 'asking', 'press', 'presses', 'pressed', 'pressing', 'implore', 'implored', 'instruct', 'instructs',
  'instructed', 'exhort', 'exhorted']);
const DIRECTIVE_WINDOW = 6;
/** "X called Y Z": object and complement are short; a longer stretch is the outlet's elaboration. */
const CALL_WINDOW = 5;
/** Number words that open a clause after a say-verb: "said five fighters had been killed". */
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'dozens', 'hundreds', 'thousands', 'scores', 'millions', 'nearly', 'almost', 'about', 'around', 'over',
  'roughly', 'some']);
/**
 * Words that open a comma segment after a trailing tag or source which is the outlet's own continuation, not more of
 * the claim: "…, U.S. officials said Sunday, marking the first …", "…, the White House said, after weeks of …",
 * "…, al-Ezzi said, quoted by the rebels' Saba news agency."
 */
const AFTER_TAG_ADJUNCT = new Set(['after', 'before', 'amid', 'despite', 'following', 'days', 'weeks', 'hours',
  'months', 'years', 'quoted', 'cited', 'carried', 'as', 'while', 'even', 'in', 'since', 'when']);
/** Kickers that stand before a colon in a headline without being a speaker: "Analysis: …". */
const KICKERS = new Set(['analysis', 'exclusive', 'update', 'updated', 'live', 'explainer', 'opinion', 'breaking',
  'watch', 'video', 'photos', 'timeline', 'factbox', 'editorial', 'comment', 'interview', 'review', 'profile',
  'podcast', 'correction', 'feature', 'focus', 'special', 'report', 'news', 'read', 'also', 'note', 'source',
  'sources', 'related', 'update']);
const HEADLINE_SPEAKER_MAX = 4;

/** Object pronouns: "describing it as …" names nothing, so only the characterisation is the speaker's. */
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her', 'this', 'that', 'these', 'those', 'what', 'which',
  'itself', 'themselves', 'himself', 'herself', 'us', 'me', 'you', 'whom', 'who']);
const ACCUSE = new Set(['accuse', 'accuses', 'accused', 'accusing']);
const INSIST = new Set(['insist', 'insists', 'insisted', 'insisting']);
/** "In Tehran's state media, …", "In Israeli newspapers they are …": whose view the sentence gives. */
const PERSPECTIVE_NOUNS = new Set(['media', 'press', 'newspapers', 'papers', 'outlets', 'coverage', 'view', 'views',
  'eyes', 'words', 'telling', 'version', 'account', 'accounts', 'narrative', 'parlance', 'vocabulary', 'rhetoric',
  'propaganda', 'reading', 'opinion', 'estimation', 'mind', 'minds', 'lexicon', 'language', 'broadcasts']);
const PERSPECTIVE_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us']);
/** Sources of figures: "…, killing about 1,200 people, according to Israeli tallies" backs the figure only. */
const FIGURE_NOUNS = new Set(['tally', 'tallies', 'figures', 'figure', 'count', 'counts', 'toll', 'tolls', 'data',
  'statistics', 'estimates', 'estimate', 'numbers', 'records']);

/** Words between a reporting verb and "that": "said during a media briefing on Tuesday that". */
const THAT_WINDOW = 8;
const AS_WINDOW = 6;
const ACCUSE_WINDOW = 14;
const VOW_WINDOW = 3;
const PASSIVE_BY_WINDOW = 8;
const PERSPECTIVE_WINDOW = 5;
/** Speech tag: at most this many subject words before the verb and adjunct words after it. */
const TAG_SUBJECT_MAX = 8;
const TAG_ADJUNCT_MAX = 6;
/** A dateline ("BAGHDAD (Reuters) -") is at most this many characters before its dash. */
const DATELINE_MAX = 60;

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
  /** One past the last word of the clause; the end of the unit part when absent. */
  end?: number;
  /** The clause is a colon-introduced quotation without marks ("The group said: We will …"). */
  quoted?: boolean;
}

function isUpper(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase();
}

const capitalised = (text: string, w: Word): boolean => isUpper(text.charCodeAt(w.start));

/** End of the comma segment that starts at or contains word i. */
function segmentEnd(words: Word[], i: number): number {
  let j = i + 1;
  while (j < words.length && !words[j].commaBefore) j++;
  return j;
}

/**
 * End of a bounded clause that starts at word `from`: the comma segment, at most `max` words, cut before a
 * coordinated verb phrase ("called it 'a massacre' and said …": at "and" or "but" outside quotations) or another
 * reporting verb.
 */
function boundedEnd(words: Word[], from: number, max: number, quoted: Span[]): number {
  const end = Math.min(segmentEnd(words, from), from + max);
  for (let k = from + 1; k < end; k++) {
    const lk = words[k].lower;
    if (insideAny(quoted, words[k].start)) continue;
    if (REPORTING.has(lk) || ACCUSE.has(lk)) return k;
    if ((lk === 'and' || lk === 'but') && k + 1 < words.length && verbLike(words[k + 1].lower)) return k;
  }
  return end;
}
const CLAUSE_MAX = 40;

/** A word that starts a coordinated verb phrase: "… and said", "… and accusing", "… and vowed". */
function verbLike(w: string): boolean {
  return REPORTING.has(w) || ACCUSE.has(w) || CALL.has(w) || BLAME.has(w) || AS_VERBS.has(w) || DIRECTIVE.has(w)
    || (w.length > 4 && (w.endsWith('ed') || w.endsWith('ing')));
}
/** Words that end the clause of "vowed to …": what follows is the outlet's account of the occasion. */
const VOW_CLAUSE_END = new Set(['after', 'following', 'amid', 'despite', 'days', 'hours', 'weeks', 'since']);

/** Is the reporting verb at i a passive of the outlet's own discourse ("it should be added that")? */
function isDiscoursePassive(words: Word[], i: number): boolean {
  const w = words[i].lower;
  if (PASSIVE_REPORTING.has(w)) return false;
  const prev = words[i - 1]?.lower;
  return prev !== undefined && BE_FORMS.has(prev);
}

/** "is to say that", "fair to say", "that is to say": the outlet's own discourse, not a report. */
function isDiscourseInfinitive(words: Word[], i: number): boolean {
  if (!SAY_FORMS.has(words[i].lower) || words[i - 1]?.lower !== 'to') return false;
  const before = words[i - 2]?.lower;
  return before !== undefined && (BE_FORMS.has(before) || DISCOURSE_ADJECTIVES.has(before));
}

/**
 * A clause with a named subject after a zero-"that" say-verb: "said Israel would not allow …", "says Hamas uses …".
 * Up to four capitalised words (with "of", "the", "al" inside), then a lowercase word that looks finite: an auxiliary
 * or a verb form in -s / -ed.
 */
function namedSubjectClause(text: string, words: Word[], j: number): boolean {
  if (!capitalised(text, words[j])) return false;
  let k = j + 1;
  while (k < words.length && k <= j + 4 && !words[k].commaBefore && !words[k].markBefore
    && (capitalised(text, words[k]) || words[k].lower === 'of' || words[k].lower === 'al')) k++;
  const v = words[k];
  if (!v || v.commaBefore || v.markBefore || capitalised(text, v)) return false;
  if (AUXILIARIES.has(v.lower)) return true;
  const w = v.lower;
  return w.length >= 4 && !NOT_FINITE.has(w) && (w.endsWith('ed') || (w.endsWith('s') && !w.endsWith('ss')));
}
const NOT_FINITE = new Set(['this', 'thus', 'these', 'those', 'unless', 'across', 'plus', 'news', 'whereas',
  'towards', 'afterwards', 'besides', 'perhaps', 'various', 'numerous', 'serious', 'previous', 'always', 'sometimes',
  'needed', 'indeed', 'based', 'led', 'backed', 'linked', 'allied', 'aligned', 'armed', 'sponsored', 'funded',
  'affiliated', 'supported']);

/** Is word i a figure source: "according to Israeli tallies"? */
function figureSource(words: Word[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (FIGURE_NOUNS.has(words[k].lower)) return true;
  return false;
}

/** The forward cue starting at word i, if any. */
function forwardCueAt(text: string, words: Word[], i: number, quoted: Span[]): ForwardCue | null {
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
      if (words[j].lower !== 'of' || j + 1 >= n) continue;
      // The accused is named by the accuser ("accuse Israel of …") unless the outlet glosses the object with an
      // appositive ("accused Kataeb Hezbollah and al-Nujaba, another pro-Iranian group, of …"), or it is a pronoun.
      let glossed = false;
      for (let k = i + 1; k <= j; k++) if (words[k].commaBefore) glossed = true;
      const object = !glossed && i + 1 < j && !OBJECT_PRONOUNS.has(words[i + 1].lower);
      return { cue: i, clause: object ? i + 1 : j + 1 };
    }
    return null;
  }
  const prev = words[i - 1]?.lower;
  // Passive framing needs its agent: "is considered a terrorist organization by the United States" (the agent's
  // framing, up to "by"); without one ("are seen as a response") it is the outlet's own hedge.
  if (prev !== undefined && BE_FORMS.has(prev) && (PASSIVE_FRAMING.has(w) || CALL.has(w))) {
    if (!PASSIVE_FRAMING.has(w) && !CALL.has(w)) return null;
    let start = i + 1;
    if (words[start]?.lower === 'as') start++;
    for (let j = start + 1; j < n && j <= start + PASSIVE_BY_WINDOW; j++) {
      if (words[j].commaBefore) break;
      if (words[j].lower === 'by') return start < j ? { cue: i, clause: start, end: j } : null;
    }
    return null;
  }
  if (AS_VERBS.has(w)) {
    for (let j = i + 1; j < n && j <= i + AS_WINDOW; j++) {
      if (words[j].lower === 'as' && j + 1 < n) {
        // The object is named by the speaker too ("described the US Navy as …"), unless it is a pronoun.
        const object = i + 1 < j && !OBJECT_PRONOUNS.has(words[i + 1].lower) && !words[i + 1].commaBefore;
        return { cue: i, clause: object ? i + 1 : j + 1 };
      }
    }
    if (CONDEMN.has(w) && i + 1 < n && !words[i + 1].commaBefore && !OBJECT_PRONOUNS.has(words[i + 1].lower)) {
      return { cue: i, clause: i + 1, end: boundedEnd(words, i + 1, CLAUSE_MAX, quoted) };
    }
    return null;
  }
  if (CALL.has(w) && words[i + 1]?.lower !== 'on' && words[i + 1]?.lower !== 'upon') {
    const next = words[i + 1];
    // "To call it 'resistance' is to say …": a sentence-initial infinitive is hypothetical, not a report.
    const hypothetical = prev === 'to' && i === 1;
    if (!next || next.commaBefore || CALL_PARTICLES.has(next.lower) || hypothetical) return null;
    return { cue: i, clause: i + 1, end: boundedEnd(words, i + 1, CALL_WINDOW, quoted) };
  }
  if ((BLAME.has(w) || DEMAND.has(w)) && i + 1 < n && !words[i + 1].commaBefore && !OBJECT_PRONOUNS.has(words[i + 1].lower)) {
    if (DEMAND.has(w) && words[i + 1].lower === 'that') return { cue: i, clause: i + 2 };
    return { cue: i, clause: i + 1, end: boundedEnd(words, i + 1, CLAUSE_MAX, quoted) };
  }
  // "called on the Islamic nation to boycott …": a directive like "urged X to".
  const callOn = CALL.has(w) && (words[i + 1]?.lower === 'on' || words[i + 1]?.lower === 'upon');
  if (DIRECTIVE.has(w) || callOn) {
    for (let j = i + (callOn ? 2 : 1); j < n && j <= i + DIRECTIVE_WINDOW; j++) {
      if (words[j].commaBefore && words[j].lower !== 'to') break;
      if (words[j].lower === 'to') return j > i + 1 && j + 1 < n ? { cue: i, clause: j + 1 } : null;
      if (REPORTING.has(words[j].lower) || AUXILIARIES.has(words[j].lower)) break;
    }
    return null;
  }
  if (VOW_TO.has(w)) {
    for (let j = i + 1; j < n && j <= i + VOW_WINDOW + 1; j++) {
      if (words[j].commaBefore || words[j].markBefore) break;
      const lj = words[j].lower;
      if (lj === 'to') {
        if (j + 1 >= n) break;
        for (let k = j + 2; k < n; k++) {
          if (VOW_CLAUSE_END.has(words[k].lower) && !insideAny(quoted, words[k].start)) return { cue: i, clause: j + 1, end: k };
        }
        return { cue: i, clause: j + 1 };
      }
      if (!ADJUNCT_PREPOSITIONS.has(lj) && !WEEKDAYS.has(lj) && lj !== 'not' && lj !== 'never') break;
    }
  }
  // "the statement read", "The message reads: …": a document's wording.
  if ((w === 'read' || w === 'reads') && prev !== undefined && DOCUMENT_NOUNS.has(prev)) {
    if (i + 1 >= n) return null;
    const next = words[i + 1];
    return { cue: i, clause: i + 1, quoted: next.colonBefore && !next.markBefore && capitalised(text, next) };
  }
  if (!REPORTING.has(w) || isDiscoursePassive(words, i) || isDiscourseInfinitive(words, i)) return null;
  // "that" within the window; "that" directly followed by punctuation or the end is a pronoun ("said that.").
  // What stands between must be an adjunct ("said during a briefing on Tuesday that", "said, however, that") or a
  // short object of tell/warn ("told reporters that"); otherwise "that" is likely a relative pronoun on an object
  // ("claimed the attack that killed …").
  const next = words[i + 1];
  const between = next === undefined ? 0
    : next.lower === 'that' ? 1
      : ADJUNCT_PREPOSITIONS.has(next.lower) || next.commaBefore ? THAT_WINDOW + 1
        : OBJECT_VERBS.has(w) ? OBJECT_THAT_MAX + 1 : 1;
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
  // Zero-"that" clause: skip a short adjunct ("in a statement," / "on Friday it …"), then a clause opener must follow.
  let j = i + 1;
  const atLeast = words[j]?.lower === 'at' && (words[j + 1]?.lower === 'least' || words[j + 1]?.lower === 'most');
  if (j < n && !atLeast && (ADJUNCT_PREPOSITIONS.has(words[j].lower) || WEEKDAYS.has(words[j].lower))) {
    let k = j + 1;
    while (k < n && k <= j + 5 && !words[k].commaBefore && !words[k].markBefore && !PRONOUN_OPENERS.has(words[k].lower)) k++;
    if (k < n && (words[k].commaBefore || words[k].markBefore || PRONOUN_OPENERS.has(words[k].lower))) j = k;
    else return null;
  }
  if (j >= n) return null;
  const c = words[j];
  // "The group said: We will …" — a colon and a capital: a quotation whose marks were left out.
  if (c.colonBefore && !c.markBefore && capitalised(text, c)) return { cue: i, clause: j, quoted: true };
  if (c.markBefore || c.commaBefore || CLAUSE_OPENERS.has(c.lower) || NUMBER_WORDS.has(c.lower) || isDigit(c.lower.charCodeAt(0))
    || namedSubjectClause(text, words, j)) {
    return { cue: i, clause: j };
  }
  return null;
}

/** Skips the object of "told" in a tag ("told Reuters", "told state television"); returns the first word after it. */
function skipToldObject(text: string, words: Word[], from: number, b: number): number {
  let k = from;
  while (k < b && k < from + OBJECT_MAX + 1 && !ADJUNCT_PREPOSITIONS.has(words[k].lower)
    && (TOLD_OBJECTS.has(words[k].lower) || capitalised(text, words[k]))) k++;
  return k;
}

/** A comma segment words[a, b) that is a speech tag: "he added", "a US military official said on Monday", "said the official". */
function isSpeechTag(text: string, words: Word[], a: number, b: number): boolean {
  if (b - a < 1 || NOT_TAG_START.has(words[a].lower)) return false;
  // Inverted: "said the spokesman", "added Singh": a determiner or a capitalised name after the verb.
  if (TAG_VERBS.has(words[a].lower) && !OBJECT_VERBS.has(words[a].lower)) {
    if (b - a < 2 || b - a - 1 > TAG_SUBJECT_MAX) return false;
    for (let k = a + 1; k < b; k++) {
      const lk = words[k].lower;
      if (REPORTING.has(lk) || lk === 'that' || AUXILIARIES.has(lk)) return false; // a clause, not a subject
    }
    const subj = words[a + 1];
    if ((words[a].lower === 'read' || words[a].lower === 'reads') && !DOCUMENT_NOUNS.has(words[b - 1].lower)) return false;
    return DETERMINERS.has(subj.lower) || capitalised(text, subj);
  }
  for (let v = a + 1; v < b && v - a <= TAG_SUBJECT_MAX; v++) {
    const lv = words[v].lower;
    if (!TAG_VERBS.has(lv)) continue;
    if (BE_FORMS.has(words[v - 1].lower)) return false;
    if ((lv === 'read' || lv === 'reads') && !DOCUMENT_NOUNS.has(words[v - 1].lower)) return false;
    let k = v + 1;
    if (OBJECT_VERBS.has(lv)) k = skipToldObject(text, words, k, b);
    const after = b - k;
    if (after === 0) return true;
    if (after > TAG_ADJUNCT_MAX || !(ADJUNCT_PREPOSITIONS.has(words[k].lower) || WEEKDAYS.has(words[k].lower))) return false;
    for (let m = k; m < b; m++) if (words[m].lower === 'that' || REPORTING.has(words[m].lower)) return false;
    return true;
  }
  return false;
}

const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'had', 'has', 'have', 'would', 'will', 'could', 'can',
  'should', 'might', 'may', 'must', 'did', 'does', 'do', 'be', 'been']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'one', 'another']);

/** Whether the comma segment starting at word a (ending at the next comma or the unit end) is a speech tag. */
function inSpeechTag(text: string, words: Word[], a: number): boolean {
  const max = a + TAG_SUBJECT_MAX + TAG_ADJUNCT_MAX + 2;
  let b = a + 1;
  while (b < words.length && b <= max && !words[b].commaBefore) b++;
  return b <= max && isSpeechTag(text, words, a, b);
}

/**
 * "In Tehran's state media, …", "In Israeli newspapers they are …", "To them the groups are …": a sentence-initial
 * perspective adjunct; returns the first word of the clause it governs, or -1.
 */
function perspectiveClause(text: string, words: Word[]): number {
  const first = words[0]?.lower;
  if (first === 'to' && words.length > 2 && PERSPECTIVE_PRONOUNS.has(words[1].lower)) {
    const c = words[2];
    return c.commaBefore || CLAUSE_OPENERS.has(c.lower) || capitalised(text, c) ? 2 : -1;
  }
  if (first !== 'in') return -1;
  for (let k = 1; k < words.length && k <= PERSPECTIVE_WINDOW; k++) {
    if (words[k].commaBefore || words[k].markBefore) return -1;
    if (!PERSPECTIVE_NOUNS.has(words[k].lower)) continue;
    const c = words[k + 1];
    if (!c) return -1;
    return c.commaBefore || CLAUSE_OPENERS.has(c.lower) ? k + 1 : -1;
  }
  return -1;
}

/** What one part of a unit (a sentence, or a stretch between semicolons) left open for what follows. */
interface PartResult {
  /** Some cue was found in the part. */
  cue: boolean;
  /** Reported speech runs to the end of the part (a forward clause), so a cue-less next part continues it. */
  open: boolean;
  /** The part ends with a speech verb and a colon: it introduces what follows ("The group said:"). */
  introduces: boolean;
}

/**
 * Attribution of one part: words of the part only (indices are part-relative). Pushes attributed ranges onto out and
 * unmarked colon quotations onto quotedOut.
 */
function attributePart(text: string, words: Word[], partEnd: number, quoted: Span[], out: Span[], quotedOut: Span[]): PartResult {
  const n = words.length;
  const result: PartResult = { cue: false, open: false, introduces: false };
  if (n === 0) return result;
  const tail = text.slice(words[n - 1].end, partEnd).trim();
  const endsWithColon = tail.startsWith(':') && tail.length <= 2;
  if (endsWithColon) {
    // "The group said in a statement:" / "The statement read:" — introduces the next paragraph.
    for (let k = n - 1; k >= 0 && k >= n - TAG_ADJUNCT_MAX - 2; k--) {
      const lk = words[k].lower;
      if (words[k].commaBefore && k < n - 1 && !TAG_VERBS.has(lk)) break;
      if (TAG_VERBS.has(lk) || ((lk === 'read' || lk === 'reads') && DOCUMENT_NOUNS.has(words[k - 1]?.lower ?? ''))) {
        if (lk === 'read' || lk === 'reads' ? DOCUMENT_NOUNS.has(words[k - 1]?.lower ?? '') : true) {
          result.introduces = true;
          result.cue = true;
        }
        break;
      }
    }
  }
  if (n < 2) return result;
  const mark = (a: number, b: number): void => {
    if (a >= b) return;
    // A quotation right after the cue ("describing the base as 'an occupation base'") sits inside the reported
    // speech: the span starts right after the previous word so the mark is covered.
    const start = words[a].markBefore && a > 0 ? words[a - 1].end : words[a].start;
    out.push({ start: Math.min(start, words[a].start), end: words[b - 1].end });
  };
  // A trailing comma segment opened by "despite" after reported material is the outlet's own context
  // ("…, warning that a hot winter awaits them, despite the truce."; "…, analysts say, despite …").
  const trailingDespite = (() => {
    let last = 0;
    for (let k = 1; k < n; k++) if (words[k].commaBefore) last = k;
    if (last === 0) return n;
    const w = words[last].lower;
    const even = w === 'even' && ['as', 'though', 'while', 'if'].includes(words[last + 1]?.lower ?? '');
    return w === 'despite' || even ? last : n;
  })();
  const clip = (b: number): number => Math.min(b, trailingDespite);

  // Forward cues: the first one outside quotations wins; its clause runs to the end of the unit. A verb in a
  // comma segment that is a speech tag ("…, the official said, were …", "…, said the spokesman.") is not one.
  // A cue with a bounded clause ("what Iran calls its 'axis of resistance'", "blamed X for Y") lets the search go on
  // after its clause ("…, say they are targeting …").
  const bounded: ForwardCue[] = [];
  let forward: ForwardCue | null = null;
  let segHead = 0;
  for (let i = 0; i < n && !forward; i++) {
    if (words[i].commaBefore) segHead = i;
    if (insideAny(quoted, words[i].start)) continue;
    const cue = forwardCueAt(text, words, i, quoted);
    if (!cue || (segHead > 0 && TAG_VERBS.has(words[i].lower) && inSpeechTag(text, words, segHead))) continue;
    if (cue.end === undefined) forward = cue;
    else {
      bounded.push(cue);
      i = Math.max(i, cue.end - 1);
    }
  }
  if (!forward && bounded.length) forward = bounded.shift() as ForwardCue;

  // Backward cues ("…, according to X" and speech tags) are looked for only before the forward cue.
  const limit = Math.min(forward ? forward.cue : n, bounded.length ? bounded[0].cue : n);
  for (const b of bounded) {
    result.cue = true;
    mark(b.clause, clip(b.end as number));
  }
  let segStart = 0;
  let prevSegStart = 0;
  let before = 0; // words[beforeFrom, before) are attributed by a backward cue
  let beforeFrom = 0;
  for (let i = 1; i <= limit; i++) {
    if (i < limit && !words[i].commaBefore) continue;
    // The comma segment words[segStart, i); the first segment cannot be a trailing tag or source.
    if (segStart > 0 && !insideAny(quoted, words[segStart].start)) {
      const according = words[segStart].lower === 'according' && words[segStart + 1]?.lower === 'to';
      const tag = !according && isSpeechTag(text, words, segStart, i);
      if (tag && i === n && endsWithColon) {
        // "In a statement, the group said:" introduces what follows; nothing before it is reported.
      } else if (according || tag) {
        before = segStart;
        // "…, killing about 1,200 people, according to Israeli tallies": a source of figures backs the figure only.
        const figureOnly = according && prevSegStart > 0 && words[prevSegStart].lower.endsWith('ing')
          && words[prevSegStart].lower.length > 4 && figureSource(words, segStart + 2, i);
        beforeFrom = figureOnly ? prevSegStart : 0;
        // What follows a parenthetical source or tag is the claim too, unless it is a relative clause on the source
        // or an appositive on an inverted tag's speaker ("…, said Yahya Saree, a spokesman for the Houthis.").
        // (also after a source: "…, according to the ministry, a formula never applied to …").
        const appositive = (according || (tag && TAG_VERBS.has(words[segStart].lower))) && i < limit
          && DETERMINERS.has(words[i].lower);
        const adjunct = i < limit && (AFTER_TAG_ADJUNCT.has(words[i].lower)
          || (words[i].lower.endsWith('ing') && words[i].lower.length > 4 && !REPORTING.has(words[i].lower)));
        if (i < limit && !RELATIVE.has(words[i].lower) && !appositive && !adjunct) mark(i, clip(limit));
        if (appositive || adjunct) break;
      }
    }
    prevSegStart = segStart;
    segStart = i;
  }
  mark(beforeFrom, before);
  if (before > 0) result.cue = true;
  if (forward) {
    result.cue = true;
    // A trailing "…, according to X" inside the clause names the source: that phrase stays author voice.
    let end = forward.end ?? n;
    for (let j = forward.clause + 1; j < end; j++) {
      if (words[j].commaBefore && words[j].lower === 'according' && words[j + 1]?.lower === 'to') {
        let k = j + 2;
        while (k < n && !words[k].commaBefore) k++;
        if (k < end && !RELATIVE.has(words[k].lower) && !DETERMINERS.has(words[k].lower)) mark(k, clip(end));
        end = j;
        break;
      }
    }
    if (forward.quoted && forward.clause < end) {
      quotedOut.push({ start: words[forward.clause].start, end: words[end - 1].end });
    } else {
      if (forward.end === undefined && end === n && trailingDespite === n) result.open = true;
      mark(forward.clause, clip(end));
    }
  } else if (before === 0) {
    const p = perspectiveClause(text, words);
    if (p > 0) {
      result.cue = true;
      result.open = trailingDespite === n;
      mark(p, clip(n));
    }
  }
  return result;
}

/**
 * Where a dateline ends: "BAGHDAD (Reuters) - …", "JERUSALEM, Jan 5 (AFP) — …", "Baghdad (CPA) - …",
 * "ERBIL, Kurdistan Region - …". The place starts the unit in capitals, or the agency in brackets ends the dateline;
 * the dash follows within DATELINE_MAX characters. Returns the offset after the dash, or `start`.
 */
export function datelineEnd(text: string, start: number, end: number): number {
  const limit = Math.min(end, start + DATELINE_MAX);
  let dash = -1;
  for (let i = start + 2; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2014 || c === 0x2013 || c === 0x2015
      || (c === 0x2d && text.charCodeAt(i - 1) === 0x20 && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x2d))) {
      dash = i;
      break;
    }
  }
  if (dash < 0) return start;
  const prefix = text.slice(start, dash).trim();
  // Every word of a dateline is capitalised or a number: "JERUSALEM, Jan 5 (AFP)", "ERBIL, Kurdistan Region".
  const tokens = prefix.split(/[\s,/()]+/).filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 8) return start;
  for (const t of tokens) if (!/^[\p{Lu}\p{N}]/u.test(t)) return start;
  const first = tokens[0].replace(/[^\p{L}]/gu, '');
  const allCaps = first.length >= 3 && first === first.toUpperCase() && first !== first.toLowerCase();
  const agency = prefix.endsWith(')');
  if (!allCaps && !agency) return start;
  let after = dash + 1;
  while (after < end && (text[after] === '-' || text[after] === ' ' || text[after] === '\u00A0')) after++;
  return after;
}

/**
 * Attributed (reported-speech) spans of a text. `units` are sentence spans already cut at paragraph breaks, in
 * order; `quoted` are the top-level quotations, sorted (cues inside them are ignored). Returns sorted, merged spans
 * that may overlap quotations (the caller gives quoted voice precedence). Colon-introduced quotations without marks
 * ("The group said: We will …", a paragraph after "The statement read:") are pushed onto `quotedOut` when given.
 */
export function attributionSpans(text: string, units: Span[], quoted: Span[], quotedOut: Span[] = [], wanted?: Span[]): Span[] {
  const raw: Span[] = [];
  let introduces = false; // the previous unit ended "… said:"
  let introduced = false; // this paragraph is the one introduced
  let w = 0;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    if (wanted) {
      // Only units that hold a wanted span are read in full. A unit that ends with a colon is read anyway (it may
      // introduce the next paragraph), and so is every unit while an introduction is pending: that is the only
      // state carried from one unit to the next, so wanted units get exactly the spans a full reading gives them.
      while (w < wanted.length && wanted[w].end <= unit.start) w++;
      const holdsWanted = w < wanted.length && wanted[w].start < unit.end;
      const pending = introduces || introduced;
      if (!holdsWanted && !pending && !endsWithColonAt(text, unit.end)) continue;
    }
    const newParagraph = u > 0 && hasLineBreak(text, units[u - 1].end, unit.start);
    if (newParagraph) introduced = false;
    if (introduces && newParagraph && !'"\u201C\u201E\u00AB\u2018\'\u2014\u2015'.includes(text[unit.start])) introduced = true;
    introduces = false;
    if (introduced) {
      // A paragraph that opens with a mark is quoted by its marks already.
      quotedOut.push({ start: unit.start, end: unit.end });
      continue;
    }
    introduces = attributeUnit(text, unit.start, unit.end, quoted, raw, quotedOut).introduces;
  }
  raw.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of raw) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  quotedOut.sort((a, b) => a.start - b.start);
  return merged;
}

/** The unit's text ends with a colon (allowing a closing space or mark), as a speech tag that introduces. */
function endsWithColonAt(text: string, end: number): boolean {
  for (let i = end - 1; i >= 0 && i >= end - 3; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x22 && c !== 0x201d) return false;
  }
  return false;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d) return true;
  return false;
}

/**
 * A headline or subhead that gives a speaker's words after a colon: "Sanaa: The American and British enemy is the
 * aggressor", "Hezbollah chief: Israel will pay". The unit is a whole line without final punctuation; at most
 * HEADLINE_SPEAKER_MAX capitalised words stand before the colon, and the first is not a kicker ("Analysis:").
 * Returns the index of the first word after the colon, or -1.
 */
function headlineSpeaker(text: string, words: Word[], end: number): number {
  if (words.length < 3) return -1;
  const last = text[end - 1];
  if ('.!?"\u201D\u2019\'\u00BB)'.includes(last)) return -1;
  if (end < text.length && text[end] !== '\n' && text[end] !== '\r') return -1;
  for (let k = 1; k < words.length && k <= HEADLINE_SPEAKER_MAX; k++) {
    if (words[k].colonBefore) {
      if (KICKERS.has(words[0].lower)) return -1;
      for (let m = 0; m < k; m++) if (!capitalised(text, words[m]) && words[m].lower !== 'of' && words[m].lower !== 'al') return -1;
      return k < words.length - 1 ? k : -1;
    }
    if (words[k].commaBefore || words[k].markBefore) return -1;
  }
  return -1;
}

/**
 * One sentence unit: the dateline is cut off, the rest is split at semicolons outside quotations into parts that are
 * attributed one by one; a part without a cue of its own continues a forward clause left open by the part before
 * ("He said the attacks would go on; the occupiers must leave.").
 */
function attributeUnit(text: string, start: number, end: number, quoted: Span[], out: Span[], quotedOut: Span[]): PartResult {
  const from = datelineEnd(text, start, end);
  const words = scanWords(text, from, end);
  const headline = headlineSpeaker(text, words, end);
  if (headline > 0) {
    out.push({ start: words[headline].start, end: words[words.length - 1].end });
    return { cue: true, open: false, introduces: false };
  }
  let open = false;
  let last: PartResult = { cue: false, open: false, introduces: false };
  let p = 0;
  while (p < words.length) {
    let q = p + 1;
    while (q < words.length && !(words[q].semiBefore && !insideAny(quoted, words[q].start))) q++;
    const part = words.slice(p, q);
    const partEnd = q < words.length ? words[q].start : end;
    const sub: Span[] = [];
    last = attributePart(text, part, partEnd, quoted, sub, quotedOut);
    if (open && !last.cue) {
      out.push({ start: part[0].start, end: part[part.length - 1].end });
      last.open = true;
    } else {
      for (const s of sub) out.push(s);
    }
    open = last.open;
    p = q;
  }
  return last;
}
