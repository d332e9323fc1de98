import { AozoraInputError } from "./errors";

/** Text encodings the readers accept (WHATWG names; Node's full ICU provides them). */
export type TextEncodingName = "utf-8" | "shift_jis" | "euc-jp" | "gbk" | "gb18030" | "big5" | "utf-16le";

/**
 * Decode file bytes to text. A UTF-8/UTF-16 byte-order mark is removed. With the default
 * `utf-8`, bytes that are not valid UTF-8 are an error (naming the row) rather than silently
 * replaced: pass `encoding: "shift_jis"` or `"gbk"` for files saved by Japanese or Chinese Excel.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding: TextEncodingName = "utf-8"): string {
  let b = bytes;
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(b.subarray(2));
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
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
