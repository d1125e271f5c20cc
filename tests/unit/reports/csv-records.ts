/**
 * Records of CSV text as a reader splits them, for the tests: RFC 4180 (fields split at `,`,
 * records ended by CRLF), as Excel reads it where the list separator is `,` (a record ended by any
 * line break outside quotes, a lone CR too), or where it is `;` (much of Europe: fields split at
 * `;`, a record ended by any line break outside quotes). Either way a field is quoted only when it
 * starts with a quote, and `""` inside quotes is one quote.
 */
export type CsvDialect = 'rfc4180' | 'excel' | 'semicolon-excel';

export interface CsvRecords {
  records: string[][];
  /** The text ends with a whole record and its line break (nothing left open after the last). */
  complete: boolean;
}

export function csvRecords(text: string, dialect: CsvDialect = 'rfc4180'): CsvRecords {
  const separator = dialect === 'semicolon-excel' ? ';' : ',';
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const crlf = c === '\r' && text[i + 1] === '\n';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) row.push(cell), (cell = '');
    else if (crlf || (dialect !== 'rfc4180' && (c === '\r' || c === '\n'))) {
      if (crlf) i++;
      row.push(cell), records.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  return { records, complete: cell === '' && row.length === 0 && !quoted };
}
