/**
 * Byte-level mutations of a real example file, as fast-check arbitraries: byte flips,
 * truncation, line duplication/deletion/swaps, delimiter swaps, huge and degenerate numbers,
 * byte-order marks, CR/LF changes, inserted and deleted bytes. Shrinking goes towards fewer
 * and earlier edits, so a failure is reported with a short list of edits.
 */
import fc from "fast-check";

const enc = (s: string) => Array.from(new TextEncoder().encode(s));

/** Number texts that break parsers: overflow, underflow, subnormal, huge digit runs, non-finite words. */
export const HUGE = [
  "1e308",
  "1e309",
  "-1e400",
  "4.9e-324",
  "1e-400",
  "99999999999999999999999999",
  "9".repeat(400),
  "0." + "0".repeat(400) + "1",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x7FFFFFFF",
  "1_000",
  "-0",
  "1e",
  ".",
  "--1",
];

/** Byte-order marks and other leading bytes. */
const BOMS = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00, 0x00, 0xfe, 0xff], [0x00]];
const DELIMS = [0x2c, 0x09, 0x3b, 0x7c, 0x20]; // , tab ; | space

type Edit =
  | { k: "flip"; at: number; x: number }
  | { k: "truncate"; at: number }
  | { k: "dupLine" | "dropLine" | "swapLines"; at: number }
  | { k: "swapDelims"; from: number; to: number; all: boolean; at: number }
  | { k: "huge"; at: number; s: string }
  | { k: "bom"; at: number; bom: number; start: boolean }
  | { k: "lineEnds"; to: "crlf" | "cr" | "lf" | "mixed" }
  | { k: "insert"; at: number; bytes: number[] }
  | { k: "delete"; at: number; n: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ k: fc.constant("flip" as const), at: fc.nat(), x: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ k: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ k: fc.constantFrom("dupLine" as const, "dropLine" as const, "swapLines" as const), at: fc.nat() }),
  fc.record({
    k: fc.constant("swapDelims" as const),
    from: fc.constantFrom(...DELIMS),
    to: fc.constantFrom(...DELIMS),
    all: fc.boolean(),
    at: fc.nat(),
  }),
  fc.record({ k: fc.constant("huge" as const), at: fc.nat(), s: fc.constantFrom(...HUGE) }),
  fc.record({
    k: fc.constant("bom" as const),
    at: fc.nat(),
    bom: fc.nat({ max: BOMS.length - 1 }),
    start: fc.boolean(),
  }),
  fc.record({
    k: fc.constant("lineEnds" as const),
    to: fc.constantFrom("crlf" as const, "cr" as const, "lf" as const, "mixed" as const),
  }),
  fc.record({
    k: fc.constant("insert" as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
      fc.constantFrom(
        enc('"'),
        enc("\n"),
        enc("\r"),
        [0],
        enc("PK\u0003\u0004"),
        enc("ÿ"),
        enc("\uFFFD"),
        enc("日"),
        enc("__proto__"),
        enc("constructor"),
        enc("-999"),
        enc("<0.05"),
        enc("+15:00"),
        enc("2025-02-30 24:60"),
      ),
    ),
  }),
  fc.record({ k: fc.constant("delete" as const), at: fc.nat(), n: fc.integer({ min: 1, max: 64 }) }),
);

function lines(b: Uint8Array): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  for (const x of b) {
    cur.push(x);
    if (x === 0x0a) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Apply one edit (positions are taken modulo the current length). */
export function apply(b: Uint8Array, e: Edit): Uint8Array {
  const n = b.length;
  const pos = (at: number) => (n === 0 ? 0 : at % (n + 1));
  const cat = (...parts: ArrayLike<number>[]) => {
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  switch (e.k) {
    case "flip": {
      if (n === 0) return b;
      const c = b.slice();
      c[e.at % n] ^= e.x;
      return c;
    }
    case "truncate":
      return b.slice(0, pos(e.at));
    case "dupLine":
    case "dropLine":
    case "swapLines": {
      const ls = lines(b);
      if (ls.length === 0) return b;
      const i = e.at % ls.length;
      if (e.k === "dupLine") ls.splice(i, 0, ls[i]);
      else if (e.k === "dropLine") ls.splice(i, 1);
      else {
        const j = (i + 1) % ls.length;
        [ls[i], ls[j]] = [ls[j], ls[i]];
      }
      return Uint8Array.from(ls.flat());
    }
    case "swapDelims": {
      const c = b.slice();
      if (e.all) {
        for (let i = 0; i < n; i++) if (c[i] === e.from) c[i] = e.to;
      } else {
        const i = c.indexOf(e.from, pos(e.at));
        if (i >= 0) c[i] = e.to;
      }
      return c;
    }
    case "huge": {
      // replace the number (digit run with sign, point, exponent) at or after `at`
      let i = pos(e.at);
      while (i < n && !(b[i] >= 0x30 && b[i] <= 0x39)) i++;
      if (i >= n) return b;
      let j = i;
      while (j < n && ((b[j] >= 0x30 && b[j] <= 0x39) || b[j] === 0x2e || b[j] === 0x65 || b[j] === 0x45)) j++;
      if (i > 0 && b[i - 1] === 0x2d) i--;
      return cat(b.subarray(0, i), enc(e.s), b.subarray(j));
    }
    case "bom":
      return e.start ? cat(BOMS[e.bom], b) : cat(b.subarray(0, pos(e.at)), BOMS[e.bom], b.subarray(pos(e.at)));
    case "lineEnds": {
      const out: number[] = [];
      let k = 0;
      for (let i = 0; i < n; i++) {
        const x = b[i];
        if (x === 0x0d && b[i + 1] === 0x0a) continue; // CRLF → LF first
        if (x !== 0x0a) out.push(x);
        else if (e.to === "lf" || (e.to === "mixed" && k % 3 === 0)) out.push(0x0a);
        else if (e.to === "cr" || (e.to === "mixed" && k % 3 === 1)) out.push(0x0d);
        else out.push(0x0d, 0x0a);
        if (x === 0x0a) k++;
      }
      return Uint8Array.from(out);
    }
    case "insert":
      return cat(b.subarray(0, pos(e.at)), e.bytes, b.subarray(pos(e.at)));
    case "delete":
      return cat(b.subarray(0, pos(e.at)), b.subarray(Math.min(n, pos(e.at) + e.n)));
  }
}

/** A valid file broken by 1–5 edits. */
export function mutatedBytes(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  // a plain copy: Node's Buffer.slice is a view, so a flip would change the example itself
  const base = Uint8Array.from(valid);
  return fc.array(edit, { minLength: 1, maxLength: 5 }).map((es) => es.reduce(apply, base));
}
