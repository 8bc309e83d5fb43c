import { FramelensError, listProblems } from '../errors.js';

/** A problem in a lexicon file, with the place it was found. The message already names file, line and column. */
export class LexiconError extends FramelensError {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Every problem found in the file (the message shows the first few). */
  readonly problems: LexiconProblem[];

  constructor(problems: LexiconProblem[]) {
    super(listProblems(problems, formatProblem), 2);
    this.name = 'LexiconError';
    this.problems = problems;
    this.file = problems[0]?.file ?? '';
    this.line = problems[0]?.line;
    this.column = problems[0]?.column;
  }

  override describe(): string {
    return `framelens: invalid lexicon:\n${this.message}\n`;
  }
}

export interface LexiconProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatProblem(p: LexiconProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}: ${p.message}`;
}
