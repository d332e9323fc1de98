import { AozoraInputError } from "./errors";

/**
 * Text encodings the readers accept (WHATWG names; Node's full ICU provides them). `utf-16` is
 * UTF-16 with a byte-order mark (FF FE little-endian or FE FF big-endian, as Excel's "Unicode
 * Text" and Windows Notepad write it): without the mark the byte order is unknown and the text
 * is an error. `utf-16le` reads little-endian text without a mark as well.
 */
export type TextEncodingName = "utf-8" | "shift_jis" | "euc-jp" | "gbk" | "gb18030" | "big5" | "utf-16" | "utf-16le";

/**
 * Decode file bytes to text. A byte-order mark wins over `encoding` and is removed: EF BB BF
 * (UTF-8), FF FE (UTF-16LE), FE FF (UTF-16BE), as the WHATWG Encoding Standard's "BOM sniff"
 * lists them (https://encoding.spec.whatwg.org/#bom-sniff: "0xEF 0xBB 0xBF UTF-8, 0xFE 0xFF
 * UTF-16BE, 0xFF 0xFE UTF-16LE"). UTF-16 without a
 * byte-order mark (every other byte NUL) is an error naming row 1, never text of NUL-interleaved
 * names (unless `encoding` is `utf-16le`); so is `encoding: "utf-16"` on text without a mark. With the default
 * `utf-8`, bytes that are not valid UTF-8 are an error (naming the row) rather than silently
 * replaced: pass `encoding: "shift_jis"` or `"gb18030"` (GBK files decode as GB18030 too) for files saved by Japanese or Chinese Excel.
 *
 * @throws {AozoraInputError} for bytes that are not valid in `encoding` (naming the first bad row)
 *   and for UTF-16 without a byte-order mark (row 1).
 */
export function decodeText(bytes: Uint8Array, file: string, encoding: TextEncodingName = "utf-8"): string {
  let b = bytes;
  const utf16 = b.length >= 2 && b[0] === 0xff && b[1] === 0xfe ? "le" : b[0] === 0xfe && b[1] === 0xff ? "be" : "";
  if (utf16 !== "") {
    try {
      return new TextDecoder(`utf-16${utf16}`, { fatal: true }).decode(b.subarray(2));
    } catch {
      throw new AozoraInputError({
        file,
        expected: `UTF-16${utf16.toUpperCase()} text (as its byte-order mark says)`,
        found: "an unpaired surrogate or an odd number of bytes",
      });
    }
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  if (encoding === "utf-16")
    throw new AozoraInputError({
      file,
      row: 1,
      expected: "UTF-16 text starting with a byte-order mark (FF FE or FE FF)",
      found: b.length >= 2 ? `bytes ${hex(b[0])} ${hex(b[1])} and no byte-order mark` : "no byte-order mark",
    });
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
      expected:
        encoding === "gbk"
          ? 'text in gbk; files saved by Chinese Excel are often GB18030, a superset of GBK that also holds characters such as "³": pass encoding "gb18030"'
          : `text in ${encoding} (for Japanese or Chinese Excel files pass encoding "shift_jis" or "gb18030")`,
      found: "bytes that are not valid " + encoding,
    });
  }
}

function hex(x: number): string {
  return x.toString(16).toUpperCase().padStart(2, "0");
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
