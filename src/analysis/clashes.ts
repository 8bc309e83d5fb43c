/**
 * Patterns claimed by two labels. The compiler finds two labels that write the same spelling; this finds the ones
 * only the matcher can see: a pattern of one label that another label's pattern matches word for word through a
 * class, an inflection or a variant ("Iran-backed militants" written in one label, "{patron}-{patron-tie} …
 * {irregular-noun}" in another). Both then match the same words with the same length, and the order of the file
 * decides which counts, so `framelens lexicon check` reports it as an error.
 */
import type { LexiconProblem } from '../lexicon/errors.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { expandPieces, parsePattern } from '../lexicon/pattern.js';
import { tokenize } from '../nlp/nlp.js';
import { collectCandidates } from './match.js';

export function patternClashes(compiled: CompiledLexicon): LexiconProblem[] {
  const problems: LexiconProblem[] = [];
  const reported = new Set<string>();
  for (const entry of compiled.lexicon.entries) {
    if (entry.kind !== 'label') continue;
    for (const pattern of entry.patterns) {
      const parsed = parsePattern(pattern.source);
      // Wildcards and classes stand for many words; their spelled-out forms are tried from the other side.
      if (typeof parsed === 'string' || parsed.classes.length || pattern.source.includes('*')) continue;
      for (const seq of expandPieces(parsed.pieces)) {
        const text = seq.map((p) => ('text' in p ? p.text : '')).join(' ');
        const tok = tokenize(text);
        const n = tok.units.count;
        for (const c of collectCandidates(text, tok.units, compiled)) {
          const other = c.terminal.entry;
          if (c.startUnit !== 0 || c.endUnit !== n || other.kind !== 'label' || other.id === entry.id) continue;
          const key = [entry.id, other.id].sort().join('\u0000') + '\u0000' + text.toLowerCase();
          if (reported.has(key)) continue;
          reported.add(key);
          const w = (e: typeof entry) => (e.kind === 'label' ? ` (weight ${e.weight})` : '');
          problems.push({
            file: pattern.file ?? entry.file ?? entry.lexicon,
            line: pattern.line,
            column: 1,
            message: `"${text}" is claimed by label "${entry.id}"${w(entry)} and by label "${other.id}"${w(other)} ` +
              `(its pattern "${c.terminal.pattern.source}", ${c.terminal.pattern.file ?? other.lexicon}:${c.terminal.pattern.line ?? '?'}); ` +
              'the first one listed wins, so remove it from one of them',
          });
        }
      }
    }
  }
  return problems;
}
