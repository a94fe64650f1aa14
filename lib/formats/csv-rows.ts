/// CSV rows as spreadsheets read them: RFC 4180 reading and writing (csv-parse and
/// csv-stringify do the quoting), with the one guard every CSV the app writes goes through.
///
/// The guard: a spreadsheet runs a cell as a formula when it starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return, and a spreadsheet set to another locale splits an unquoted cell on
/// its own separator (`;` in French, tab when pasted), so `ok;=1+2` is two cells there, the
/// second a formula. So every cell holding a separator of any locale (`,` `;` tab), a quote, a
/// line break or surrounding spaces is quoted, and an apostrophe is put before every formula
/// start — at the start of the cell and after each separator (spaces allowed between). Reading
/// removes exactly those apostrophes again (`unguardCell(guardCell(x)) === x` for every x).

import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/// One row of a CSV file.
export interface CsvRecord {
  /// 1-based line the row starts on.
  line: number;
  /// Its fields, unquoted, as written (not trimmed).
  fields: string[];
}

/// A problem reading CSV: `line` is where the row (or the quote) that fails starts.
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

// A position where a spreadsheet starts reading a value: the cell's start, or right after a
// separator of any locale and any spaces.
const FORMULA_AT = /(^|[,;\t] *)('*[=+\-@\t\r])/g;
const GUARDED_AT = /(^|[,;\t] *)'('*[=+\-@\t\r])/g;

/// The cell as written: an apostrophe before every formula start (see the module comment).
export function guardCell(value: string): string {
  return value.replace(FORMULA_AT, "$1'$2");
}

/// The value of a guarded cell: the apostrophes `guardCell` added removed.
export function unguardCell(cell: string): string {
  return cell.replace(GUARDED_AT, '$1$2');
}

/// Writes rows as CSV: every cell guarded, quoted when it holds a separator of any locale, a
/// quote, a line break or surrounding spaces; CRLF line ends (and a byte-order mark when asked,
/// so spreadsheets read the accents).
export function writeCsvRows(rows: readonly (readonly unknown[])[], { bom = false }: { bom?: boolean } = {}): string {
  const cells = rows.map((row) => row.map((v) => guardCell(v === null || v === undefined ? '' : String(v))));
  const text = stringify(cells, { record_delimiter: '\r\n', quoted_match: /[,;\t"\r\n]|^\s|\s$/, eof: true });
  return (bom ? '\ufeff' : '') + text;
}

/// Line ends outside quoted fields as `\n`, so that rows may end in CRLF, LF or CR within one
/// file (inside quotes, text is kept as written).
function uniformLineEnds(text: string): string {
  let out = '';
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\r' && !quoted) {
      out += text.slice(from, i) + '\n';
      if (text[i + 1] === '\n') i++;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

/// Splits CSV text into rows of fields (RFC 4180; any line end; a leading byte-order mark is
/// skipped; a blank line is a row of one empty field). Throws CsvSyntaxError for a quote that is
/// never closed, a quote inside an unquoted field, or text after a closing quote.
export function readCsvRows(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  // The line the last row ended on, counted here (a CRLF inside quotes is one line break), and
  // as csv-parse counts it, to place an error inside the next row.
  let ended = 0;
  let endedForParser = 0;
  const at = (lines: number | undefined) => (lines === undefined ? ended + 1 : ended + Math.max(1, lines - endedForParser));
  try {
    parse(uniformLineEnds(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), {
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (fields: string[], context: { lines: number }) => {
        records.push({ line: ended + 1, fields });
        ended += 1 + fields.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        endedForParser = context.lines;
        return null;
      },
    });
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number; column?: number };
    switch (err.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        throw new CsvSyntaxError('a quoted field starts here but its closing double quote is missing.', ended + 1);
      case 'INVALID_OPENING_QUOTE':
        throw new CsvSyntaxError(
          `a double quote inside an unquoted field (field ${(err.column ?? 0) + 1}); put the whole field in double quotes and double the quote ("").`,
          at(err.lines),
        );
      case 'CSV_INVALID_CLOSING_QUOTE':
        throw new CsvSyntaxError(
          'unexpected text after a closing double quote; a quote inside a quoted field must be doubled ("").',
          at(err.lines),
        );
      default:
        throw new CsvSyntaxError(`unreadable CSV: ${err.message}`, at(err.lines));
    }
  }
  return records;
}
