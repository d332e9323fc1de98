import { AozoraInputError } from "./errors";

/** Text encodings the readers accept (WHATWG names; Node's full ICU provides them). */
export type TextEncodingName = "utf-8" | "shift_jis" | "euc-jp" | "gbk" | "gb18030" | "big5" | "utf-16le";

/**
 * Decode file bytes to text. A UTF-8/UTF-16 byte-order mark is removed. UTF-16 without a
 * byte-order mark (every other byte NUL) is an error naming row 1, never text of NUL-interleaved
 * names (unless `encoding` is `utf-16le`). With the default
 * `utf-8`, bytes that are not valid UTF-8 are an error (naming the row) rather than silently
 * replaced: pass `encoding: "shift_jis"` or `"gbk"` for files saved by Japanese or Chinese Excel.
 *
 * @throws {AozoraInputError} for bytes that are not valid in `encoding` (naming the first bad row)
 *   and for UTF-16 without a byte-order mark (row 1).
 */
export function decodeText(bytes: Uint8Array, file: string, encoding: TextEncodingName = "utf-8"): string {
  let b = bytes;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(b.subarray(2));
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  if (encoding !== "utf-16le") {
    const order = utf16WithoutBom(b);
    if (order !== undefined)
      throw new AozoraInputError({
        file,
        row: 1,
        expected: `text in ${encoding}; this looks like UTF-16${order} without a byte-order mark (save it as UTF-8${
          order === "LE" ? ', or pass encoding "utf-16le"' : ""
        })`,
        found: `NUL bytes at every ${order === "LE" ? "second" : "first"} byte of a pair`,
      });
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(b);
  } catch {
    // find the first bad line for the message
    const text = new TextDecoder(encoding).decode(b);
    const lines = text.split(/\r\n|\n|\r/);
    const row = lines.findIndex((l) => l.includes("\uFFFD")) + 1;
    throw new AozoraInputError({
      file,
      row: row > 0 ? row : undefined,
      expected: `text in ${encoding} (for Japanese or Chinese Excel files pass encoding "shift_jis" or "gbk")`,
      found: "bytes that are not valid " + encoding,
    });
  }
}

/**
 * `LE`/`BE` when the first bytes look like UTF-16 without a byte-order mark: in text of mostly
 * ASCII characters (digits, delimiters, Latin headers) every other byte is NUL. At least a
 * quarter of the code units of the first 4 KiB must have a NUL high byte, and fewer than an eighth
 * as many a NUL low byte (CJK characters such as U+4E00 have one).
 * Text in UTF-8 or a legacy code page has no NUL bytes at all.
 */
function utf16WithoutBom(b: Uint8Array): "LE" | "BE" | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0,
    oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const units = n / 2;
  if (oddNul >= units / 4 && evenNul * 8 < oddNul) return "LE";
  if (evenNul >= units / 4 && oddNul * 8 < evenNul) return "BE";
  return undefined;
}
