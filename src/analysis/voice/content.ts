/**
 * Claims made as a noun phrase (docs/voice.md, rule F-CLAIM): "claimed responsibility for the attack on US
 * occupation bases", "announced a suspension of military operations against US troops", "affirmed its solidarity
 * with the Palestinian Resistance". What the speaker claims, announces or affirms is the speaker's account, so the
 * object is attributed like a that-clause, bounded like the object of a condemning verb. Read only when the verb has
 * no clause of its own (V-THAT, V-ZERO win).
 */
import type { ForwardCue } from './forward.js';
import { boundedEnd } from './framing.js';
import { occasion } from './intent.js';
import { BE_FORMS, DETERMINERS, NOT_TAG_START, OBJECT_PRONOUNS, RELATIVE_DAYS, WEEKDAYS } from './grammar.js';
import { attributiveParticiple, isHeadline, withholdingDeny, type Reading } from './words.js';

/** The content cue at word i, or null. */
export function contentCue(r: Reading, i: number): ForwardCue | null {
  const { words } = r;
  const v = r.rules.words;
  const w = words[i].lower;
  if (!v.content.has(w)) return null;
  const prev = words[i - 1]?.lower;
  // "was announced", "the reported attack", "Iran's declared aim": a passive or a participle used as an adjective
  // has no speaker of its own in the clause.
  if (prev !== undefined && !words[i].commaBefore && (BE_FORMS.has(prev) || DETERMINERS.has(prev) || prev.endsWith("'s"))) return null;
  // "several reported drone attacks", "the latest reported incident", "two confirmed strikes": after a quantifier, a
  // number, or a determiner and an adjective of order, the participle is an adjective too (V-ATTRIBUTE; session 24,
  // batch ay).
  if (attributiveParticiple(r, i)) return null;
  // "an umbrella group … that has claimed more than 165 attacks": a relative clause describes its noun for the
  // outlet; it is not the report of a claim.
  if (inRelativeClause(r, i)) return null;
  // "did not claim responsibility", "never confirmed": a claim not made reports nothing. Nor does one with a
  // negative subject: "No one has claimed responsibility for plans to attack US military bases" has no speaker.
  if (prev !== undefined && (NEGATIONS.has(prev) || prev.endsWith("n't"))) return null;
  // V-WITHHOLD: "deny the Palestinian people their right …" withholds; nothing is claimed.
  if (withholdingDeny(r, i)) return null;
  if (negativeSubject(r, i)) return null;
  // "an announcement confirming the deaths of …": a participle right after a noun is the outlet's summary of a
  // document, not a speaker's claim (after a comma, "…, emphasizing their commitment to …", it is the speaker's).
  if (w.endsWith('ing') && i > 0 && !words[i].commaBefore) return null;
  // A headline ("Iraqi Group Claims Drone Attack On US Base") is the outlet's summary of the claim.
  if (isHeadline(r)) return null;
  let j = i + 1;
  // "confirmed Sunday the deaths …", "announced on Tuesday the suspension of …" (gold README C-ANNOUNCE, C-VOICE).
  if (words[j]?.lower === 'on' && !words[j].commaBefore && j + 1 < words.length && WEEKDAYS.has(words[j + 1].lower) && !words[j + 1].commaBefore) j++;
  // "announced yesterday the launch of …": a day named relative to the report stands there as a weekday does
  // (voice 1.15.2).
  if (j < words.length && (WEEKDAYS.has(words[j].lower) || RELATIVE_DAYS.has(words[j].lower)) && !words[j].commaBefore) j++;
  const obj = words[j];
  if (obj === undefined || obj.commaBefore) return null;
  const o = obj.lower;
  // Not an object: a preposition, conjunction or adverb ("reported on", "confirmed as", "reported yesterday"), a
  // pronoun that names nothing ("denied it"), an infinitive. A gerund ("reported hearing explosions") tells what the
  // speaker did, not what they claim about others.
  // "reported this as Iran's largest-ever strike": a pronoun named as something is the speaker's characterisation of it
  // (as F-AS reads "described it as"; voice 1.15.4).
  const namedAs = OBJECT_PRONOUNS.has(o) && words[j + 1]?.lower === 'as' && !words[j + 1].commaBefore && !words[j + 1].markBefore
    && j + 2 < words.length && !AS_NOT_NAMING.has(words[j + 2].lower);
  if (!namedAs && (v.adjuncts.has(o) || NOT_TAG_START.has(o) || OBJECT_PRONOUNS.has(o)) || o === 'as' || o === 'of' || o === 'about'
    || o.endsWith('ly') || o.endsWith('ing')) return null;
  // "the strike claimed the lives of …": the object noun makes it another verb.
  const head = DETERMINERS.has(o) ? words[j + 1]?.lower : o;
  if (head !== undefined && v.notContentObjects.has(head)) return null;
  // "claimed responsibility for …", "claimed credit for …": the frame is the verb's; the claim is what follows "for".
  if (words[j + 1]?.lower === 'for' && !words[j + 1].commaBefore && j + 2 < words.length) j += 2;
  let end = boundedEnd(r, j, r.rules.windows.clause);
  // "declared new strikes on American occupation forces, targeting two US bases in eastern Syria": a participle of
  // the act (`claim_participles`) after the object goes on with what is claimed.
  const w2 = words[end];
  if (w2 && w2.commaBefore && !w2.semiBefore && !w2.colonBefore && w2.lower.endsWith('ing') && v.claimParticiples.has(w2.lower)) {
    end = boundedEnd(r, end, r.rules.windows.clause);
  }
  // "claimed more than a dozen attacks on US-manned bases … since the Israel-Hamas war flared up": the claimed object
  // ends where the outlet's account of the occasion starts (`vow_clause_end`, as F-VOW, F-DIRECT and F-INSIST).
  const occ = occasion(r, j + 1);
  if (occ !== undefined && occ < end) end = occ;
  return { cue: i, clause: j, end, keepsBackward: true, rule: 'F-CLAIM' };
}

const NEGATIONS = new Set(['not', 'never', 'neither', 'nor', 'no']);
/** Words after "it as"/"this as" that make "as" a comparison or a time, not a naming: "reported it as soon as …". */
const AS_NOT_NAMING = new Set(['soon', 'well', 'long', 'early', 'late', 'far', 'much', 'many', 'recently', 'quickly', 'often']);
/** Subjects that name no speaker. */
const NOBODY = new Set(['nobody', 'none', 'noone']);

/** The verb at i has a negative subject: "no one", "nobody", "none", "no group" (one noun after "no"). */
function negativeSubject(r: Reading, i: number): boolean {
  const { words } = r;
  const subjectGap = r.rules.words.subjectGap;
  let k = i - 1;
  while (k >= 0 && i - k <= r.rules.windows.subjectGap && subjectGap.has(words[k].lower)) k--;
  if (k < 0) return false;
  if (NOBODY.has(words[k].lower)) return true;
  return words[k - 1]?.lower === 'no' && !words[k].commaBefore;
}
const RELATIVES = new Set(['that', 'which', 'who', 'whose']);

/** The verb at i opens a relative clause: "that claimed", "which has claimed", "who had already announced". */
function inRelativeClause(r: Reading, i: number): boolean {
  const { words } = r;
  const relativeGap = r.rules.words.relativeGap;
  let k = i - 1;
  while (k >= 0 && i - k <= r.rules.windows.relativeGap && relativeGap.has(words[k].lower)) k--;
  return k >= 0 && RELATIVES.has(words[k].lower);
}
