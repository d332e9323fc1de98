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
export function parseDelimited(
  text: string,
  file: string,
  delimiter: Delimiter,
): { records: DelimitedRecord[]; blankRows: number[] } {
  // Fields without quotes (nearly all of them) are cut out with one `slice`; a field that starts
  // with a quote is built character by character (doubled quotes, line breaks inside quotes).
  const records: DelimitedRecord[] = [];
  const blankRows: number[] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let fields: string[] = [];
  let line = 1;
  let recordStart = 1;
  let i = 0;
  for (;;) {
    // one field starts at i
    let field: string;
    let quotedField = false;
    if (i < n && text.charCodeAt(i) === 34 /* " */) {
      quotedField = true;
      let inQuotes = true;
      field = "";
      i++;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (inQuotes) {
          if (c === 34) {
            if (text.charCodeAt(i + 1) === 34) {
              field += '"';
              i++;
            } else inQuotes = false;
          } else {
            if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
            field += text[i];
          }
        } else if (c === d || c === 10 || c === 13) break;
        else if (c === 34 && field === "")
          inQuotes = true; // `""` then a quote opens quotes again
        else field += text[i];
      }
      if (inQuotes) {
        throw new AozoraInputError({
          file,
          row: recordStart,
          expected: 'a closing quote (") before the end of the file',
          found: "an unterminated quoted field",
        });
      }
    } else {
      const s = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        i++;
      }
      field = s === i ? "" : text.slice(s, i);
    }
    // i is at a delimiter, a line end or the end of the text
    if (i < n && text.charCodeAt(i) === d) {
      fields.push(field);
      i++;
      continue;
    }
    if (i >= n) {
      if (field !== "" || fields.length > 0 || quotedField) {
        fields.push(field);
        records.push({ row: recordStart, fields });
      }
      break;
    }
    // line end
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
    i++;
    fields.push(field);
    if (fields.length === 1 && field === "" && !quotedField) blankRows.push(recordStart);
    else records.push({ row: recordStart, fields });
    fields = [];
    line++;
    recordStart = line;
  }
  return { records, blankRows };
}

/** Field counts (outside quotes) of the first `max` non-blank lines for one delimiter; a quoted line break ends the sample. */
function fieldCounts(text: string, d: Delimiter, max: number): number[] {
  const counts: number[] = [];
  let inQ = false,
    k = 1,
    any = false;
  for (let i = 0; i < text.length && counts.length < max; i++) {
    const ch = text[i];
    if (ch === '"') inQ = !inQ;
    else if (inQ) continue;
    else if (ch === d) k++;
    else if (ch === "\n" || ch === "\r") {
      if (any || k > 1) counts.push(k);
      k = 1;
      any = false;
      if (ch === "\r" && text[i + 1] === "\n") i++;
      continue;
    }
    any = true;
  }
  if ((any || k > 1) && counts.length < max && !inQ) counts.push(k);
  return counts;
}

/**
 * Pick the delimiter of delimited text: tab, comma or semicolon. A delimiter that splits the
 * header and the next lines (up to 20) into the same number of fields, more than one, is
 * consistent; among consistent delimiters the one giving the most fields wins (ties: tab, then
 * comma, then semicolon). So a TSV whose species names hold commas (`2,2,4-trimethylpentane`)
 * is read as tab-separated even when the header has more commas than tabs, because its data
 * lines have no commas. Without a consistent delimiter (a header-only file, ragged lines), the
 * most frequent of the three in the header line outside quotes is used.
 */
export function detectDelimiter(text: string): Delimiter {
  const order: Delimiter[] = ["\t", ",", ";"];
  let best: Delimiter | undefined,
    bestFields = 1;
  for (const d of order) {
    const c = fieldCounts(text, d, 20);
    if (c.length < 2 || c[0] < 2 || !c.every((x) => x === c[0])) continue;
    if (c[0] > bestFields) {
      best = d;
      bestFields = c[0];
    }
  }
  if (best !== undefined) return best;
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
