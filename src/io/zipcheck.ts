import { inflateRawSync } from "node:zlib";

/**
 * Default cap on the total inflated size of a zip archive (.xlsx): 128 MiB (134,217,728 bytes),
 * declared and actual. SheetJS needs about 12 bytes of memory per byte of worksheet XML (measured:
 * a 200,000-row × 7-column sheet, 46 MiB of XML, read by `readMonitoringTable` peaks at 573 MB
 * RSS), so the cap keeps a read near 1.5 GB, under issue #20's 2 GB. A larger workbook is better
 * exported as CSV and read in chunks. Override with `maxInflatedBytes`.
 */
export const DEFAULT_MAX_INFLATED_BYTES = 128 * 1024 * 1024;

/**
 * Default cap on an entry's inflated/compressed size ratio: 500. Deflate cannot exceed about
 * 1032:1, and worksheet XML of real data compresses 5–50:1; a larger ratio is a "zip bomb". The
 * ratio is checked for entries that inflate to more than 1 MiB (`RATIO_FLOOR_BYTES`). Override with
 * `maxInflateRatio`.
 */
export const DEFAULT_MAX_INFLATE_RATIO = 500;

/** Entries that inflate to at most this many bytes (1 MiB) are not held to the ratio cap. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Limits on what a zip archive may inflate to (issue #20, "Bounded resources"). */
export interface ZipLimits {
  /** Largest total inflated size, in bytes, declared or actual (default {@link DEFAULT_MAX_INFLATED_BYTES}). */
  maxInflatedBytes?: number;
  /** Largest inflated/compressed ratio of an entry over 1 MiB (default {@link DEFAULT_MAX_INFLATE_RATIO}). */
  maxInflateRatio?: number;
}

/** One entry of a checked archive, inflated. */
export interface ZipEntry {
  /** Entry name as stored (UTF-8 or CP437 bytes read as UTF-8). */
  name: string;
  /** Inflated bytes (size and CRC-32 checked). */
  data: Uint8Array;
}

/**
 * The outcome of {@link unzipChecked}: the entries, or what is wrong with the archive (short,
 * for an error's `found`); for a problem of size rather than damage, `tooLarge` says which limit
 * it exceeds (for an error's `expected`, ending "archive too large").
 */
export type UnzipResult = { entries: ZipEntry[] } | { problem: string; tooLarge?: string };

function limitsOf(l: ZipLimits): { max: number; ratio: number } {
  const max = l.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
  const ratio = l.maxInflateRatio ?? DEFAULT_MAX_INFLATE_RATIO;
  if (!Number.isSafeInteger(max) || max < 1)
    throw new RangeError(`maxInflatedBytes must be a positive integer, got ${max}`);
  if (!(ratio >= 1) || !Number.isFinite(ratio))
    throw new RangeError(`maxInflateRatio must be a finite number ≥ 1, got ${ratio}`);
  return { max, ratio };
}

/**
 * Check that bytes are a complete, undamaged zip archive of bounded inflated size, and inflate
 * it. SheetJS 0.20 can loop forever on a truncated or damaged archive (found by the bad-input
 * property tests), so an .xlsx is read here first and SheetJS is given only what passed.
 *
 * Checks (PKWARE APPNOTE.TXT 6.3): an end-of-central-directory record (§4.3.16); where it holds
 * the ZIP64 markers 0xFFFF / 0xFFFFFFFF, the ZIP64 end-of-central-directory locator (§4.3.15) and
 * record (§4.3.14), and the ZIP64 extended information extra field (§4.5.3, header ID 0x0001)
 * of entries whose sizes or offset hold 0xFFFFFFFF; every central-directory entry (§4.3.12) and
 * its local header (§4.3.7) inside the file, with matching names, not encrypted (general purpose
 * bit 0), stored or deflated, names used once; the total declared size within `maxInflatedBytes`
 * before anything is inflated; every entry inflating to exactly its recorded size (inflation
 * stops there, so actual size is bounded by the declared one) and CRC-32; the ratio of entries
 * over 1 MiB within `maxInflateRatio`. Every loop advances through the file, so no input loops.
 *
 * @throws {RangeError} for limits that are not positive numbers.
 */
export function unzipChecked(b: Uint8Array, limits: ZipLimits = {}): UnzipResult {
  const { max, ratio } = limitsOf(limits);
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  const u16 = (p: number) => dv.getUint16(p, true);
  const u32 = (p: number) => dv.getUint32(p, true);
  const u64 = (p: number) => Number(dv.getBigUint64(p, true));
  let e = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      e = i;
      break;
    }
  }
  if (e < 0) return { problem: "no end-of-central-directory record (a truncated file?)" };
  let entries = u16(e + 10),
    cdSize = u32(e + 12),
    cdOff = u32(e + 16);
  let cdEnd = e; // where the central directory must end
  if (entries === 0xffff || cdSize === 0xffffffff || cdOff === 0xffffffff) {
    // ZIP64: the locator is the 20 bytes before the end record
    const loc = e - 20;
    if (loc < 0 || u32(loc) !== 0x07064b50) return { problem: "ZIP64 markers without a ZIP64 locator" };
    const rec = u64(loc + 8);
    if (rec + 56 > loc || u32(rec) !== 0x06064b50) return { problem: "a damaged ZIP64 end record" };
    entries = u64(rec + 32);
    cdSize = u64(rec + 40);
    cdOff = u64(rec + 48);
    cdEnd = rec;
  }
  if (cdOff + cdSize > cdEnd) return { problem: "a central directory outside the file" };
  if (entries * 46 > cdSize) return { problem: `a central directory too small for ${entries} entries` };
  type Pending = { name: string; method: number; crc: number; csize: number; usize: number; start: number };
  const pending: Pending[] = [];
  const names = new Set<string>();
  let declared = 0;
  let p = cdOff;
  for (let k = 1; k <= entries; k++) {
    if (p + 46 > cdOff + cdSize || u32(p) !== 0x02014b50) return { problem: `a damaged central-directory entry #${k}` };
    const flags = u16(p + 8),
      method = u16(p + 10),
      crc = u32(p + 16);
    let csize = u32(p + 20),
      usize = u32(p + 24);
    const nlen = u16(p + 28),
      xlen = u16(p + 30),
      clen = u16(p + 32);
    let loc = u32(p + 42);
    if (p + 46 + nlen + xlen + clen > cdOff + cdSize) return { problem: `a damaged central-directory entry #${k}` };
    const nameBytes = b.subarray(p + 46, p + 46 + nlen);
    if (usize === 0xffffffff || csize === 0xffffffff || loc === 0xffffffff) {
      // ZIP64 extended information: original size, compressed size, local header offset, in that order, each only if its field is 0xFFFFFFFF
      let x = p + 46 + nlen;
      const xe = x + xlen;
      let found = false;
      while (x + 4 <= xe) {
        const id = u16(x),
          len = u16(x + 2);
        if (x + 4 + len > xe) break;
        if (id === 0x0001) {
          let q = x + 4;
          const take = (): number | undefined => {
            if (q + 8 > x + 4 + len) return undefined;
            const v = u64(q);
            q += 8;
            return v;
          };
          const us = usize === 0xffffffff ? take() : usize;
          const cs = csize === 0xffffffff ? take() : csize;
          const lo = loc === 0xffffffff ? take() : loc;
          if (us === undefined || cs === undefined || lo === undefined) break;
          usize = us;
          csize = cs;
          loc = lo;
          found = true;
          break;
        }
        x += 4 + len;
      }
      if (!found) return { problem: `entry #${k} with ZIP64 sizes but no valid ZIP64 extra field` };
    }
    if (flags & 1) return { problem: `entry #${k} encrypted` };
    if (loc + 30 > cdOff || u32(loc) !== 0x04034b50) return { problem: `a damaged local header of entry #${k}` };
    const lnlen = u16(loc + 26),
      lxlen = u16(loc + 28);
    const start = loc + 30 + lnlen + lxlen;
    if (lnlen !== nlen || !sameBytes(b.subarray(loc + 30, loc + 30 + lnlen), nameBytes))
      return { problem: `entry #${k} named differently in its local header` };
    if (start + csize > cdOff) return { problem: `entry #${k} running past the central directory` };
    if (method !== 0 && method !== 8) return { problem: `entry #${k} compressed by an unsupported method ${method}` };
    if (method === 0 && csize !== usize) return { problem: `entry #${k} failing its size or CRC-32 check` };
    const name = new TextDecoder().decode(nameBytes);
    if (names.has(name)) return { problem: `entry #${k} named "${name}" like an earlier entry` };
    names.add(name);
    declared += usize;
    if (declared > max)
      return {
        problem: `entries #1–#${k} declaring ${declared} bytes`,
        tooLarge: `at most ${max} bytes inflated (option maxInflatedBytes): archive too large`,
      };
    if (usize > RATIO_FLOOR_BYTES && usize > ratio * Math.max(csize, 1))
      return {
        problem: `entry #${k}: ${usize} bytes from ${csize}`,
        tooLarge: `an inflated/compressed ratio of at most ${ratio} (option maxInflateRatio): archive too large`,
      };
    pending.push({ name, method, crc, csize, usize, start });
    p += 46 + nlen + xlen + clen;
  }
  if (p !== cdOff + cdSize) return { problem: "a central directory of the wrong size" };
  const out: ZipEntry[] = [];
  for (let k = 0; k < pending.length; k++) {
    const { name, method, crc, csize, usize, start } = pending[k];
    const raw = b.subarray(start, start + csize);
    let data: Uint8Array;
    if (method === 0) data = raw;
    else {
      try {
        // inflation stops one byte past the recorded size: a lying header cannot make it grow
        data = inflateRawSync(raw, { maxOutputLength: usize + 1 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
          return { problem: `entry #${k + 1} inflating beyond its recorded ${usize} bytes` };
        return { problem: `entry #${k + 1} not inflating` };
      }
    }
    if (data.length !== usize || crc32(data) !== crc)
      return { problem: `entry #${k + 1} failing its size or CRC-32 check` };
    out.push({ name, data });
  }
  return { entries: out };
}

/**
 * Check that bytes are a complete, undamaged zip archive within the default limits
 * ({@link unzipChecked}).
 *
 * @returns `undefined` when the archive is sound, else what is wrong with it.
 */
export function zipProblem(b: Uint8Array, limits: ZipLimits = {}): string | undefined {
  const r = unzipChecked(b, limits);
  return "problem" in r ? r.problem : undefined;
}

/**
 * A zip archive of stored (uncompressed) entries, without ZIP64 (PKWARE APPNOTE.TXT 6.3 §4.3.7,
 * §4.3.12, §4.3.16): what SheetJS is given after {@link unzipChecked}, so it never sees the
 * original (possibly ZIP64 or damaged) structure.
 *
 * @throws {RangeError} when the entries total 4 GiB or more, or number 65,535 or more (no ZIP64 here).
 */
export function storedZip(entries: readonly ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((x) => enc.encode(x.name));
  let localLen = 0,
    cdLen = 0;
  entries.forEach((x, k) => {
    localLen += 30 + names[k].length + x.data.length;
    cdLen += 46 + names[k].length;
  });
  if (localLen + cdLen + 22 >= 0xffffffff || entries.length >= 0xffff)
    throw new RangeError("storedZip: too large for a zip archive without ZIP64");
  const out = new Uint8Array(localLen + cdLen + 22);
  const dv = new DataView(out.buffer);
  let p = 0,
    c = localLen;
  entries.forEach((x, k) => {
    const n = names[k],
      crc = crc32(x.data),
      size = x.data.length;
    const head = (at: number, central: boolean) => {
      const o = central ? 2 : 0; // the central header has "version made by" before the common fields
      dv.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
      if (central) dv.setUint16(at + 4, 20, true);
      dv.setUint16(at + 4 + o, 20, true); // version needed
      dv.setUint16(at + 6 + o, 0x0800, true); // flags: names are UTF-8
      dv.setUint16(at + 8 + o, 0, true); // stored
      dv.setUint16(at + 12 + o, 33, true); // DOS date 1980-01-01 (time 00:00)
      dv.setUint32(at + 14 + o, crc, true);
      dv.setUint32(at + 18 + o, size, true);
      dv.setUint32(at + 22 + o, size, true);
      dv.setUint16(at + 26 + o, n.length, true);
    };
    head(c, true);
    dv.setUint32(c + 42, p, true);
    out.set(n, c + 46);
    c += 46 + n.length;
    head(p, false);
    out.set(n, p + 30);
    out.set(x.data, p + 30 + n.length);
    p += 30 + n.length + size;
  });
  dv.setUint32(c, 0x06054b50, true);
  dv.setUint16(c + 8, entries.length, true);
  dv.setUint16(c + 10, entries.length, true);
  dv.setUint32(c + 12, cdLen, true);
  dv.setUint32(c + 16, localLen, true);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (ISO 3309, polynomial 0xEDB88320), as zip records it. */
export function crc32(b: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
