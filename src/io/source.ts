import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { AozoraInputError, unreadableFile } from "./errors";

/** A file to read: a path, or in-memory bytes/text with a name used in messages. */
export type Source = string | { name: string; bytes: Uint8Array } | { name: string; text: string };

/**
 * Default largest file a reader loads into memory: 128 MiB (134,217,728 bytes), so that no reader
 * exceeds 2 GB of memory on its defaults (issue #20): reading holds about 11 bytes per input byte
 * (measured: an 86 MiB monitoring CSV peaks at 939 MB RSS, bench/results.json "large-data"), so
 * 128 MiB peaks near 1.4 GB. Larger monitoring CSVs go through the chunked reader
 * (`readCsvChunks`, bounded memory); pass `maxFileBytes` to raise the limit.
 */
export const DEFAULT_MAX_FILE_BYTES = 128 * 1024 * 1024;

/** Resource limits every reader accepts (issue #20, "Bounded resources"). */
export interface ReadLimits {
  /**
   * Largest file, in bytes, read into memory (default {@link DEFAULT_MAX_FILE_BYTES}, 128 MiB). A
   * larger file is refused with an {@link AozoraInputError} before it is read.
   */
  maxFileBytes?: number;
}

/**
 * What a file-system entry is, in words for messages: "a regular file", "a directory", "a FIFO
 * (named pipe)", "a character device", "a block device", "a socket" (else "not a regular file").
 *
 * @param st the entry's `stat` (or `lstat`) result.
 */
export function fileKindOf(st: Stats): string {
  if (st.isFile()) return "a regular file";
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * Refuse what is not a regular file (a directory, a FIFO, a character or block device such as
 * `/dev/zero`, a socket): such a "file" can block or grow without end.
 *
 * @throws {AozoraInputError} naming the file and what it is ({@link fileKindOf}).
 */
export function requireRegularFile(st: Stats, file: string): void {
  if (st.isFile()) return;
  throw new AozoraInputError({ file, expected: "a regular file", found: fileKindOf(st) });
}

/** The `maxFileBytes` limit to use: the default, or a positive integer (else a RangeError). */
export function fileByteLimit(limits: ReadLimits | undefined): number {
  const v = limits?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!Number.isSafeInteger(v) || v < 1) throw new RangeError(`maxFileBytes must be a positive integer, got ${v}`);
  return v;
}

/**
 * Load a source's bytes. A path must name a regular file ({@link requireRegularFile}) of at most
 * `maxFileBytes` bytes; the file is read with that bound, so a file growing while it is read is
 * refused too. In-memory bytes are subject to the same limit.
 *
 * @throws {AozoraInputError} for a missing or unreadable file, one that is not a regular file,
 *   or one larger than the limit.
 * @throws {RangeError} for a `maxFileBytes` that is not a positive integer.
 */
export function loadBytes(src: Source, limits?: ReadLimits): { name: string; bytes: Uint8Array } {
  const max = fileByteLimit(limits);
  const tooLarge = (file: string, size: string) =>
    new AozoraInputError({
      file,
      expected: `a file of at most ${max} bytes (option maxFileBytes; for large monitoring CSVs use readCsvChunks)`,
      found: size,
    });
  if (typeof src !== "string") {
    const out = "bytes" in src ? src : { name: src.name, bytes: new TextEncoder().encode(src.text) };
    if (out.bytes.length > max) throw tooLarge(out.name, `${out.bytes.length} bytes`);
    return out;
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer before it can be refused
    fd = openSync(src, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw unreadableFile(src, e);
  }
  try {
    const st = fstatSync(fd);
    requireRegularFile(st, src);
    if (st.size > max) throw tooLarge(src, `${st.size} bytes`);
    // read up to max + 1 bytes: a file that grew past the limit after fstat is refused as well
    let buf = Buffer.allocUnsafe(Math.min(max + 1, Math.max(st.size + 1, 1 << 16)));
    let have = 0;
    for (;;) {
      if (have === buf.length) {
        if (buf.length > max) throw tooLarge(src, `more than ${max} bytes`);
        const bigger = Buffer.allocUnsafe(Math.min(max + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      const n = readSync(fd, buf, have, buf.length - have, null);
      if (n === 0) break;
      have += n;
    }
    if (have > max) throw tooLarge(src, `more than ${max} bytes`);
    return { name: src, bytes: buf.subarray(0, have) };
  } catch (e) {
    if (e instanceof AozoraInputError) throw e;
    throw new AozoraInputError({
      file: src,
      expected: "a readable file",
      found: (e as NodeJS.ErrnoException).code ?? String(e),
    });
  } finally {
    closeSync(fd);
  }
}

/** Header names a reader refuses: they collide with JavaScript object internals. */
export const FORBIDDEN_HEADERS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
]);
