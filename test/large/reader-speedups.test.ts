import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { missingCodeSet, parseCell, plainAsciiNumber } from "../../src/io/cells";
import { parseDelimited, type Delimiter } from "../../src/io/delimited";
import { AozoraInputError } from "../../src/io/errors";
import { readMonitoringTable } from "../../src/io/monitoring";
import { thrown } from "../helpers";

/**
 * The character-by-character RFC 4180 parser that `parseDelimited` replaced (verbatim apart from
 * the name), kept here as the reference: the faster slice-based parser must agree with it on
 * every input.
 */
function referenceParse(text: string, file: string, delimiter: Delimiter) {
  const records: { row: number; fields: string[] }[] = [];
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
  if (inQuotes)
    throw new AozoraInputError({
      file,
      row: recordStart,
      expected: 'a closing quote (") before the end of the file',
      found: "an unterminated quoted field",
    });
  if (field !== "" || fields.length > 0 || quotedField) endRecord();
  return { records, blankRows };
}

const outcome = (f: () => unknown) => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

describe("slice-based CSV parser", () => {
  it("agrees with the reference parser on random text made of delimiters, quotes, line ends and letters", () => {
    const piece = fc.constantFrom(",", ";", "\t", '"', '""', "\n", "\r", "\r\n", "a", "bc", "1.5", " ", "µ", "𝑥");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((p) => p.join("")),
        fc.constantFrom<Delimiter>(",", ";", "\t"),
        (text, d) => {
          expect(outcome(() => parseDelimited(text, "f.csv", d))).toEqual(
            outcome(() => referenceParse(text, "f.csv", d)),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("hand-made cases: empty quoted field then a quote, quote inside an unquoted field, text after a closing quote", () => {
    for (const text of ['""",x\n', 'ab"c,d\n', '"ab"cd"e,f', '"a\nb",c\r\n\r\n,', "", "\n\n", '"', "a,b"]) {
      expect(outcome(() => parseDelimited(text, "f.csv", ","))).toEqual(
        outcome(() => referenceParse(text, "f.csv", ",")),
      );
    }
  });
});

describe("quick plain-number path", () => {
  it("accepts exactly what the full cell parser reads as a plain number, with the same value", () => {
    const missing = missingCodeSet();
    const chars = fc.constantFrom("0", "1", "9", ".", "-", "+", "e", "E", " ", "x", "５");
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 8 }).map((c) => c.join("")),
        (t) => {
          const q = plainAsciiNumber(t);
          const full = parseCell(t, missing, "half-limit");
          if (q !== undefined && !missing.has(t.toLowerCase()) && Number.isFinite(q))
            expect(full).toEqual({ kind: "number", value: q });
          if (q === undefined && full.kind === "number") expect(t.normalize("NFKC").trim()).not.toBe(t); // only full-width or padded text needs the full path
        },
      ),
      { numRuns: 5000 },
    );
    // the digit/10^k fast path equals Number() bit for bit (Object.is: also -0)
    fc.assert(
      fc.property(fc.stringMatching(/^[+-]?[0-9]{0,9}(\.[0-9]{0,8})?$/), (t) => {
        const q = plainAsciiNumber(t);
        if (/[0-9]/.test(t)) expect(Object.is(q, Number(t))).toBe(true);
        else expect(q).toBeUndefined();
      }),
      { numRuns: 20000 },
    );
    for (const t of [
      "-0",
      "-0.000",
      "0.1",
      "0.3",
      "123456789012345",
      "1234567890123456",
      "9007199254740993",
      "0.000000000000001",
      "-.5",
      "+7.",
    ])
      expect(Object.is(plainAsciiNumber(t), Number(t))).toBe(true);
    expect(plainAsciiNumber("1.")).toBe(1);
    expect(plainAsciiNumber(".5e-3")).toBe(0.0005);
    expect(plainAsciiNumber("1e309")).toBe(Infinity); // the reader then rejects it as not finite
    expect(plainAsciiNumber("1e")).toBeUndefined();
    expect(plainAsciiNumber(".")).toBeUndefined();
    expect(plainAsciiNumber(" 1")).toBeUndefined();
    expect(parseCell("-999", missingCodeSet(), "half-limit").kind).toBe("missing"); // a missing code, though numeric
  });
});

describe("long tables with a station column", () => {
  const text = [
    "time,station,NO2 (ppb)",
    "2025-01-01 01:00,A,1",
    "2025-01-01 01:00,B,2", // same instant, another station: fine
    "2025-01-01 00:00,B,3", // earlier than B's previous row: flagged out-of-order
    "2025-01-01 02:00,A,-999",
  ].join("\n");

  it("timestamps are unique per station; order is checked per station; the station column stays text", () => {
    const r = readMonitoringTable({ name: "long.csv", text }, { utcOffset: "+09:00", station: "station" });
    expect(r.table.strings("station")).toEqual(["A", "B", "B", "A"]);
    expect(Array.from(r.table.times())).toEqual([
      Date.UTC(2024, 11, 31, 16),
      Date.UTC(2024, 11, 31, 16),
      Date.UTC(2024, 11, 31, 15),
      Date.UTC(2024, 11, 31, 17),
    ]);
    expect(r.account.flagged).toEqual([
      {
        row: 4,
        reason: "out-of-order",
        detail:
          'timestamp "2025-01-01 00:00" is earlier than a previous row\'s of the same station; kept in file order',
      },
    ]);
    expect(r.account.cellChanges).toEqual([
      { row: 5, column: "NO2", original: "-999", value: NaN, reason: "missing-code" },
    ]);
  });

  it("without the option the repeated instant is an error; a repeat within a station still is", () => {
    expect(thrown(() => readMonitoringTable({ name: "long.csv", text }, { utcOffset: "+09:00" })).row).toBe(3);
    const dup = text + "\n2025-01-01 01:00,A,5";
    const e = thrown(() =>
      readMonitoringTable({ name: "long.csv", text: dup }, { utcOffset: "+09:00", station: "station" }),
    );
    expect(e.row).toBe(6);
    expect(e.message).toMatch(/row 2 of the same station has the same instant/);
    expect(
      thrown(() => readMonitoringTable({ name: "long.csv", text }, { utcOffset: "+09:00", station: "site" })).message,
    ).toMatch(/station column "site"/);
  });
});
