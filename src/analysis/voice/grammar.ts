/**
 * Closed-class words of English grammar that the voice rules test: articles, pronouns, auxiliaries, relative words.
 * They describe the language, not a reporting style, so they stay in code; the vocabulary a linguist extends
 * (reporting verbs, tags, nouns, kickers, windows; since voice 1.15.0 also clause_openers and not_finite_words, which
 * mix in content words) is in lexicons/voice.yml. docs/voice.md gives the reason per table.
 */

/** Subject pronouns that open a clause after an adjunct: "said on Friday it had struck …" (V-ZERO). */
export const PRONOUN_OPENERS = new Set(['it', 'its', 'they', 'their', 'he', 'his', 'she', 'her', 'we', 'our', 'i', 'there']);
export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Relative words after which a source set off by commas vouches for the relative clause ("the attack in which, according to …,"). */
export const SOURCE_RELATIVES = new Set(['which', 'whom', 'where']);
/** Days named relative to the report, which stand where a weekday does ("announced yesterday the launch of …"). */
export const RELATIVE_DAYS = new Set(['yesterday', 'today', 'tonight']);
/** Words of time that end an adjunct before a clause as a weekday does ("said earlier today the …", "said last night …"). */
export const TIME_WORDS = new Set([...RELATIVE_DAYS, 'morning', 'afternoon', 'evening', 'night', 'week', 'weekend']);
export const BE_FORMS = new Set(['be', 'been', 'being', 'is', 'was', 'are', 'were', "it's"]);
export const SAY_FORMS = new Set(['say', 'says', 'said', 'saying']);
/** Words that open a relative or subordinate clause: a comma segment starting with one is not a speech tag. */
export const NOT_TAG_START = new Set(['which', 'who', 'whom', 'whose', 'that', 'and', 'but', 'or', 'while', 'when', 'where',
  'if', 'because', 'although', 'though', 'since', 'after', 'before', 'until', 'so', 'whereas', 'unless', 'whether',
  'what', 'how', 'why', 'not', 'nor', 'yet', 'then', 'to', 'for', 'with', 'without', 'by',
  // "…, No Injuries Reported", "…, none reported": a negative subject names no speaker.
  'no', 'none', 'nobody']);
/** Relative words: "according to the official, who spoke …" — the relative clause is about the source, not the claim. */
export const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'that', 'where', 'when']);
/** Object pronouns: "describing it as …" names nothing, so only the characterisation is the speaker's. */
export const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her', 'this', 'that', 'these', 'those', 'what', 'which',
  'itself', 'themselves', 'himself', 'herself', 'us', 'me', 'you', 'whom', 'who']);
export const PERSPECTIVE_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us']);
export const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'had', 'has', 'have', 'would', 'will', 'could', 'can',
  'should', 'might', 'may', 'must', 'did', 'does', 'do', 'be', 'been']);
export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'one', 'another']);
/** The articles alone, without possessives: after one a verb's form is a noun ("the warning of", F-INSIST); one opens a series' next item. */
export const ARTICLES = new Set(['a', 'an', 'the']);
