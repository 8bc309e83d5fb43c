/**
 * Errors of `framelens lexicon import`. A dictionary that cannot be read as its format (wrong structure, unknown
 * category, bad encoding) is an input error: the CLI prints it and exits with code 2.
 */
import { InputError, listProblems } from '../../errors.js';

export interface ImportProblem {
  line?: number;
  message: string;
}

export class DictionaryImportError extends InputError {
  /** Line (1-based) of the first problem, when it has one. */
  readonly line: number | undefined;
  readonly problems: ImportProblem[];

  constructor(file: string, problems: ImportProblem[]) {
    const where = (p: ImportProblem) => (p.line ? `${file}:${p.line}` : file);
    super(listProblems(problems, (p) => `${where(p)}: ${p.message}`), file);
    this.problems = problems;
    this.line = problems[0]?.line;
  }
}

/** Collects structural problems of one file so that a user sees all of them in one run. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  constructor(readonly file: string) {}

  add(line: number | undefined, message: string): void {
    this.items.push({ line, message });
  }

  /** Throws when anything was collected. */
  throwIfAny(): void {
    if (this.items.length) throw new DictionaryImportError(this.file, this.items);
  }
}
