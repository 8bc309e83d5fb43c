/**
 * LIWC-22 `.dicx`: a CSV whose first column holds the entries ("DicTerm") and whose other columns are categories;
 * a cell marked "X" (any non-empty mark) puts the entry in that category. Entries may end in "*" and may be
 * multi-word.
 */
import { parseCsv } from '../corpus/csv.js';
import { DictionaryImportError, type ParsedDictionary } from '../lexicon/import/index.js';

export function parseDicx(text: string, file: string): ParsedDictionary {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { records, errors } = parseCsv(source, { header: true });
  const problems = errors.map((e) => ({ line: e.line, message: `${e.reason}; fix the row (a .dicx file is CSV: entry, then one column per category)` }));
  if (records.length === 0) problems.push({ line: 1, message: 'the file is empty: export the dictionary again from LIWC-22' });
  if (problems.length) throw new DictionaryImportError(file, problems);
  const header = records[0].fields.map((h) => h.trim());
  if (header.length < 2) throw new DictionaryImportError(file, [{ line: 1, message: 'the header needs the entry column and at least one category column ("DicTerm,category1,category2,…")' }]);
  const categories = header.slice(1);
  const blank = categories.findIndex((c) => c === '');
  if (blank >= 0) throw new DictionaryImportError(file, [{ line: 1, message: `column ${blank + 2} of the header has no category name` }]);
  const out: ParsedDictionary = { categories, terms: [], skipped: [] };
  for (const record of records.slice(1)) {
    const entry = (record.fields[0] ?? '').trim().replace(/\s+/g, ' ');
    if (entry === '') continue;
    let any = false;
    for (let c = 0; c < categories.length; c++) {
      if ((record.fields[c + 1] ?? '').trim() === '') continue;
      out.terms.push({ category: categories[c], source: entry, pattern: entry, line: record.line });
      any = true;
    }
    if (!any) out.skipped.push({ source: entry, line: record.line, reason: 'marked in no category column' });
  }
  return out;
}
