import { inflateRawSync } from "node:zlib";

/**
 * Check that bytes are a complete, undamaged zip archive before SheetJS reads them: SheetJS
 * 0.20 can loop forever on a truncated or damaged archive (found by the bad-input property
 * tests), so a damaged .xlsx must be refused before it gets there.
 *
 * Checks (PKWARE APPNOTE.TXT 6.3, §4.3): an end-of-central-directory record; every
 * central-directory entry and its local header inside the file with matching names; every entry
 * stored or deflated, inflating to its recorded size and CRC-32. ZIP64 archives are passed
 * through unchecked.
 *
 * @returns `undefined` when the archive is sound, else what is wrong with it.
 */
export function zipProblem(b: Uint8Array): string | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  const u16 = (p: number) => dv.getUint16(p, true);
  const u32 = (p: number) => dv.getUint32(p, true);
  let e = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      e = i;
      break;
    }
  }
  if (e < 0) return "no end-of-central-directory record (a truncated file?)";
  const entries = u16(e + 10),
    cdSize = u32(e + 12),
    cdOff = u32(e + 16);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOff === 0xffffffff) return undefined; // ZIP64
  if (cdOff + cdSize > e) return "a central directory outside the file";
  let p = cdOff;
  for (let k = 1; k <= entries; k++) {
    if (p + 46 > e || u32(p) !== 0x02014b50) return `a damaged central-directory entry #${k}`;
    const method = u16(p + 10),
      crc = u32(p + 16),
      csize = u32(p + 20),
      usize = u32(p + 24);
    const nlen = u16(p + 28),
      xlen = u16(p + 30),
      clen = u16(p + 32),
      loc = u32(p + 42);
    const name = b.subarray(p + 46, p + 46 + nlen);
    if (loc + 30 > cdOff || u32(loc) !== 0x04034b50) return `a damaged local header of entry #${k}`;
    const lnlen = u16(loc + 26),
      lxlen = u16(loc + 28);
    const start = loc + 30 + lnlen + lxlen;
    if (lnlen !== nlen || !sameBytes(b.subarray(loc + 30, loc + 30 + lnlen), name))
      return `entry #${k} named differently in its local header`;
    if (start + csize > cdOff) return `entry #${k} running past the central directory`;
    const data = b.subarray(start, start + csize);
    let out: Uint8Array;
    if (method === 0) out = data;
    else if (method === 8) {
      try {
        out = inflateRawSync(data);
      } catch {
        return `entry #${k} not inflating`;
      }
    } else return `entry #${k} compressed by an unsupported method ${method}`;
    if (out.length !== usize || crc32(out) !== crc) return `entry #${k} failing its size or CRC-32 check`;
    p += 46 + nlen + xlen + clen;
  }
  if (p !== cdOff + cdSize) return "a central directory of the wrong size";
  return undefined;
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
