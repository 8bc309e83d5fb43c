/**
 * A small RFC 4180 CSV reader that keeps going after a broken record.
 *
 * Why not csv-parse: an unclosed quote there swallows the rest of the file into one failed record, and the line it
 * reports is where parsing ended, not where the record began. Here every record knows its first line, and a
 * record that breaks is reported and parsing resumes on the line after the one where it began, so one stray quote
 * costs one row, not the rest of the file.
 *
 * Lenient where real exports are sloppy: a quote inside an unquoted field is kept as a literal character; CRLF, LF
 * and a final line without a line break are all accepted.
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** 1-based line where it ends (differs from `line` when a quoted field holds line breaks). */
  endLine: number;
}

export interface CsvError {
  line: number;
  reason: string;
}

export interface CsvParseResult {
  records: CsvRecord[];
  errors: CsvError[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvOptions {
  delimiter?: string;
  /**
   * Treat the first record as a header and report records with a different number of fields (extra empty
   * trailing fields are allowed). A record spanning several lines with the wrong count is most likely an
   * unclosed quote that swallowed the lines after it, so parsing resumes on its second line.
   */
  header?: boolean;
}

export function parseCsv(text: string, options: CsvOptions = {}): CsvParseResult {
  const delim = (options.delimiter ?? ',').charCodeAt(0);
  let columns = -1;
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  const n = text.length;
  let pos = 0;
  let line = 1;

  // Skip to just after the line break that ends the line containing `from`; returns [pos, line].
  const nextLineStart = (from: number, fromLine: number): [number, number] => {
    const nl = text.indexOf('\n', from);
    return nl === -1 ? [n, fromLine] : [nl + 1, fromLine + 1];
  };

  while (pos < n) {
    const startPos = pos;
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let broken: string | undefined;
    let recordDone = false;
    let endLine = line;

    while (!recordDone) {
      if (pos >= n) {
        endLine = line;
        fields.push(field);
        break;
      }
      let c = text.charCodeAt(pos);
      if (c === QUOTE && field === '') {
        // Quoted field: runs to the matching quote; "" is an escaped quote; line breaks are part of the value.
        pos++;
        let closed = false;
        while (pos < n) {
          const q = text.indexOf('"', pos);
          const segmentEnd = q === -1 ? n : q;
          for (let i = pos; i < segmentEnd; i++) if (text.charCodeAt(i) === LF) line++;
          field += text.slice(pos, segmentEnd);
          if (q === -1) {
            pos = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            field += '"';
            pos = q + 2;
            continue;
          }
          pos = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          broken = `unclosed quote: field ${fields.length + 1} opens a quote that never closes: add the closing " or double any quote inside the field ("")`;
          break;
        }
        // After a closing quote only a delimiter or a line break may follow.
        c = pos < n ? text.charCodeAt(pos) : LF;
        if (c !== delim && c !== LF && c !== CR) {
          if (line > startLine) {
            broken = `unclosed quote: the quote that opens field ${fields.length + 1} runs on to line ${line} and ends in the middle of a field there: add the missing closing " on line ${startLine}, or double any quote inside the field ("")`;
            break;
          }
          broken = `stray character after the closing quote of field ${fields.length + 1}: a quoted field must end right before a comma or the end of the line; double quotes inside a quoted field ("")`;
          break;
        }
        continue;
      }
      if (c === delim) {
        fields.push(field);
        field = '';
        pos++;
      } else if (c === CR && text.charCodeAt(pos + 1) === LF) {
        endLine = line;
        fields.push(field);
        pos += 2;
        line++;
        recordDone = true;
      } else if (c === LF) {
        endLine = line;
        fields.push(field);
        pos++;
        line++;
        recordDone = true;
      } else {
        let end = pos + 1;
        while (end < n) {
          const d = text.charCodeAt(end);
          if (d === delim || d === LF || (d === CR && text.charCodeAt(end + 1) === LF)) break;
          end++;
        }
        field += text.slice(pos, end);
        pos = end;
      }
    }

    if (broken !== undefined) {
      errors.push({ line: startLine, reason: broken });
      [pos, line] = nextLineStart(startPos, startLine);
      continue;
    }
    // A blank line is not a record.
    if (fields.length === 1 && fields[0] === '') continue;
    if (options.header) {
      if (columns < 0) {
        columns = fields.length;
      } else if (fields.length < columns || fields.slice(columns).some((f) => f.trim() !== '')) {
        const count = `${fields.length} fields but the header has ${columns}`;
        if (endLine > startLine) {
          errors.push({
            line: startLine,
            reason: `${count}, and the row runs on over lines ${startLine}-${endLine}: probably an unclosed quote on line ${startLine}; close it, or double any quote inside a quoted field ("")`,
          });
          [pos, line] = nextLineStart(startPos, startLine);
        } else {
          errors.push({
            line: startLine,
            reason: `${count}: quote fields that contain commas ("..."), and give every row all ${columns} columns`,
          });
        }
        continue;
      }
    }
    records.push({ fields, line: startLine, endLine });
  }
  return { records, errors };
}
