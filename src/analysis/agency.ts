/**
 * Agentless wording ("were killed", "died", "lost their lives") frames a death as having no killer. It does so only
 * when the clause names none: "were killed in a US drone strike" and "was killed by Israeli fire" name the agent, and
 * scoring them as agentless would count the clearest wording as the most evasive.
 */
import type { Units } from '../nlp/nlp.js';

/** Prepositions that introduce the agent or the attack of a passive killing. */
const AGENT_PREPOSITIONS = new Set(['by', 'in', 'during', 'under', 'from', 'after', 'amid', 'when', 'as']);
/** Units after the wording searched for its agent: a clause, not a paragraph. */
const CLAUSE_UNITS = 10;

/**
 * Whether the clause after the wording (which ends before unit `endUnit`) names who killed: "by" followed within a few
 * words by an actor the lexicon knows (`actorUnit`) or a capitalised word ("by Hamas gunmen", "by an Iranian drone"),
 * or another preposition (in, during, when …) followed by such a word standing before an attack noun ("in a US drone
 * strike", "in Israeli shelling"). The clause ends at the first comma, full stop or line break. `agentNouns`: the
 * lexicon's `agent-noun` class (nouns of attack and of armed men).
 */
export function namesAgent(text: string, units: Units, endUnit: number, actorUnit: Uint8Array, agentNouns: ReadonlySet<string>): boolean {
  if (endUnit <= 0 || units.barrierAfter[endUnit - 1]) return false;
  const sentence = units.sentence[endUnit - 1];
  const last = Math.min(units.count, endUnit + CLAUSE_UNITS);
  for (let u = endUnit; u < last && units.sentence[u] === sentence; u++) {
    if (AGENT_PREPOSITIONS.has(units.normal[u])) {
      const by = units.normal[u] === 'by';
      for (let k = u + 1; k < Math.min(last, u + 5) && units.sentence[k] === sentence; k++) {
        // "by Hamas", "by Israeli fire"; but "in the besieged enclave" names a place, so after in/during/when the
        // actor must stand before an attack noun ("in a US drone strike", "in Israeli aggression").
        const actor = actorUnit[k] === 1 || /^\p{Lu}/u.test(text.slice(units.start[k], units.end[k]));
        if (actor && (by || (k + 1 < units.count && agentNouns.has(units.normal[k + 1])))) return true;
        if (units.barrierAfter[k]) break;
      }
    }
    if (units.barrierAfter[u]) break;
  }
  return false;
}
