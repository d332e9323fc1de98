/**
 * Shared pieces of the property tests: seeded fast-check settings, an arbitrary that breaks a
 * valid file in random ways (mutation fuzzing), and the check that a reader either reads with an
 * account that adds up or throws the library's own error.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { checkAccount, type ReadAccount } from "../../src/io/account";
import { AozoraInputError } from "../../src/io/errors";

/**
 * fast-check settings: a fixed seed per property (same cases every run) and a moderate run count.
 * `AOZORA_PROPERTY_SCALE=20 npx vitest run test/property` multiplies the runs for a deeper local
 * sweep (tests that assert on the tally still hold; the seeds stay fixed).
 */
const SCALE = Math.max(1, Number(process.env.AOZORA_PROPERTY_SCALE ?? 1) || 1);
export const runs = (seed: number, numRuns = 120): fc.Parameters<unknown> => ({ seed, numRuns: numRuns * SCALE });

/** Text pieces that matter to delimited readers: delimiters, quotes, line ends, numbers, markers, hostile names. */
export const PIECES = [
  ",",
  ";",
  "\t",
  '"',
  "\n",
  "\r\n",
  "\r",
  " ",
  "",
  "0",
  "1",
  "-1",
  "9",
  "12",
  "2025",
  "-",
  "+",
  ".",
  "e",
  "E",
  "<",
  "<0.05",
  "ND",
  "NA",
  "-999",
  "NaN",
  "Infinity",
  "-inf",
  "1e309",
  "1e-320",
  "-0",
  "0x1F",
  "1,5",
  "１２",
  "＜0.1",
  "T",
  "Z",
  ":",
  "/",
  "+09:00",
  "+15:00",
  "2025-01-01",
  "2025-02-30",
  "2025-01-01 00:00",
  "01/13/2025 01:00:00",
  "13/01/2025",
  "45658.5",
  "年",
  "月",
  "日",
  "時",
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "\uFEFF",
  "\uFFFD",
  "µ",
  "(ug/m3)",
  " (ppb)",
  "(%)",
  "PK\u0003\u0004",
  "=cmd|' /C calc'!A0",
  "@SUM(A1)",
  "\u0000",
];

/**
 * A valid file's text broken by 1–6 random edits: delete a span, insert a piece, replace a
 * character, duplicate, drop or swap lines, truncate. Most results are invalid; some stay valid.
 */
export function mutated(valid: string, pieces: readonly string[] = PIECES): fc.Arbitrary<string> {
  const piece = fc.constantFrom(...pieces);
  const op = fc.oneof(
    fc.tuple(fc.constant("delete" as const), fc.nat(), fc.integer({ min: 1, max: 12 })),
    fc.tuple(fc.constant("insert" as const), fc.nat(), piece),
    fc.tuple(fc.constant("replace" as const), fc.nat(), piece),
    fc.tuple(fc.constant("dupLine" as const), fc.nat(), fc.constant("")),
    fc.tuple(fc.constant("dropLine" as const), fc.nat(), fc.constant("")),
    fc.tuple(fc.constant("swapLines" as const), fc.nat(), fc.constant("")),
    fc.tuple(fc.constant("truncate" as const), fc.nat(), fc.constant("")),
  );
  return fc.array(op, { minLength: 1, maxLength: 6 }).map((ops) => {
    let s = valid;
    for (const [kind, at, arg] of ops) {
      const i = s.length === 0 ? 0 : (at as number) % (s.length + 1);
      if (kind === "delete") s = s.slice(0, i) + s.slice(i + (arg as number));
      else if (kind === "insert") s = s.slice(0, i) + arg + s.slice(i);
      else if (kind === "replace") s = s.slice(0, i) + arg + s.slice(i + 1);
      else if (kind === "truncate") s = s.slice(0, i);
      else {
        const lines = s.split("\n");
        const k = (at as number) % lines.length;
        if (kind === "dupLine") lines.splice(k, 0, lines[k]);
        else if (kind === "dropLine") lines.splice(k, 1);
        else if (lines.length > 1) {
          const k2 = (k + 1) % lines.length;
          [lines[k], lines[k2]] = [lines[k2], lines[k]];
        }
        s = lines.join("\n");
      }
    }
    return s;
  });
}

/** Random input for a text reader: a mutated valid file (mostly), random pieces, or random binary text. */
export function garbage(valid: string, pieces: readonly string[] = PIECES): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: mutated(valid, pieces) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((ps) => ps.join("")) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 120 }) },
  );
}

/** Tally of outcomes, to show that random input both reads and fails (a property that only ever fails tests little). */
export interface Tally {
  read: number;
  rejected: number;
}

/**
 * Run a reader on random input: it must return accounts that add up (inputRows = keptRows +
 * set aside) or throw an AozoraInputError that names the file; anything else fails the property.
 */
export function readsOrRejects(tally: Tally, file: string, run: () => ReadAccount[]): void {
  let accounts: ReadAccount[];
  try {
    accounts = run();
  } catch (e) {
    if (!(e instanceof AozoraInputError)) throw e;
    expect(e.file.endsWith(file) || file === "*").toBe(true);
    expect(e.expected.length).toBeGreaterThan(0);
    tally.rejected++;
    return;
  }
  for (const a of accounts) {
    checkAccount(a);
    expect(a.keptRows).toBeGreaterThanOrEqual(0);
    for (const c of a.cellChanges) expect(Number.isInteger(c.row) && c.row >= 1).toBe(true);
  }
  tally.read++;
}

/** Encode text as bytes (for readers given `{ name, bytes }`). */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
