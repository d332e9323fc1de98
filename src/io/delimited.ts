import { AozoraInputError } from "./errors";

/** One record of a delimited file with the 1-based file row (line) where it starts. */
export interface DelimitedRecord {
  row: number;
  fields: string[];
}

/** Field separators the reader understands. */
export type Delimiter = "," | "\t" | ";";

/**
 * Parse delimited text (RFC 4180: quoted fields, doubled quotes, CRLF/LF/CR line ends, line
 * breaks inside quotes). Blank lines are returned in `blankRows`, not as records.
 */
export function parseDelimited(text: string, file: string, delimiter: Delimiter): { records: DelimitedRecord[]; blankRows: number[] } {
  const records: DelimitedRecord[] = [];
  const blankRows: number[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordStart = 1;
  let inQuotes = false;
  let quotedField = false;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    if (fields.length === 1 && fields[0] === "" && !quotedField) blankRows.push(recordStart);
    else records.push({ row: recordStart, fields });
    fields = [];
    field = "";
    quotedField = false;
  };
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") {
      inQuotes = true;
      quotedField = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordStart = line;
    } else {
      field += ch;
    }
  }
  if (inQuotes) {
    throw new AozoraInputError({ file, row: recordStart, expected: "a closing quote (\") before the end of the file", found: "an unterminated quoted field" });
  }
  if (field !== "" || fields.length > 0 || quotedField) endRecord();
  return { records, blankRows };
}

/** Pick the delimiter from the header line: the most frequent of tab, comma, semicolon outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  let inQ = false;
  const counts: Record<Delimiter, number> = { ",": 0, "\t": 0, ";": 0 };
  for (const ch of firstLine) {
    if (ch === '"') inQ = !inQ;
    else if (!inQ && (ch === "," || ch === "\t" || ch === ";")) counts[ch]++;
  }
  if (counts["\t"] > counts[","] && counts["\t"] >= counts[";"]) return "\t";
  if (counts[";"] > counts[","]) return ";";
  return ",";
}

/** Throw if a record's field count differs from the header's (trailing empty fields beyond it are allowed). */
export function checkFieldCount(rec: DelimitedRecord, expected: number, file: string, delimiter: Delimiter): void {
  if (rec.fields.length === expected) return;
  if (rec.fields.length > expected && rec.fields.slice(expected).every((f) => f.trim() === "")) return;
  const name = delimiter === "\t" ? "tab" : `"${delimiter}"`;
  throw new AozoraInputError({
    file,
    row: rec.row,
    expected: `${expected} fields separated by ${name} (as in the header)`,
    found: `${rec.fields.length} fields`,
  });
}
