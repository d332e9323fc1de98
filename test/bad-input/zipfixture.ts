/**
 * Zip archives and minimal .xlsx workbooks built byte by byte for the hostile-input tests
 * (PKWARE APPNOTE.TXT 6.3: local header §4.3.7, central directory §4.3.12, ZIP64 end record
 * §4.3.14, ZIP64 locator §4.3.15, end record §4.3.16, ZIP64 extra field §4.5.3). Independent of
 * the archive code under test (src/io/zipcheck.ts) so that a mistake there cannot hide here.
 */
import { deflateRawSync } from "node:zlib";

/** CRC-32 (ISO 3309, reflected polynomial 0xEDB88320), bit by bit. */
export function crc32Bitwise(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export interface FixtureEntry {
  name: string;
  data: Uint8Array | string;
  /** Store instead of deflating. */
  store?: boolean;
  /** Uncompressed size to write in the headers instead of the true one (a lying header). */
  declaredSize?: number;
}

/** A zip archive of the entries; `zip64` writes every size and offset through the ZIP64 records. */
export function makeZip(entries: FixtureEntry[], opts: { zip64?: boolean } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data);
    const data = e.store ? raw : deflateRawSync(raw);
    const crc = crc32Bitwise(raw);
    const usize = e.declaredSize ?? raw.length;
    const name = Buffer.from(e.name, "utf8");
    const method = e.store ? 0 : 8;
    const z = opts.zip64 === true;
    const lx = Buffer.alloc(z ? 20 : 0);
    if (z) {
      lx.writeUInt16LE(0x0001, 0);
      lx.writeUInt16LE(16, 2);
      lx.writeBigUInt64LE(BigInt(usize), 4);
      lx.writeBigUInt64LE(BigInt(data.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(z ? 45 : 20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(33, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(z ? 0xffffffff : data.length, 18);
    local.writeUInt32LE(z ? 0xffffffff : usize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(lx.length, 28);
    locals.push(local, name, lx, data);
    const cx = Buffer.alloc(z ? 28 : 0);
    if (z) {
      cx.writeUInt16LE(0x0001, 0);
      cx.writeUInt16LE(24, 2);
      cx.writeBigUInt64LE(BigInt(usize), 4);
      cx.writeBigUInt64LE(BigInt(data.length), 12);
      cx.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(z ? 45 : 20, 4);
    central.writeUInt16LE(z ? 45 : 20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(33, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(z ? 0xffffffff : data.length, 20);
    central.writeUInt32LE(z ? 0xffffffff : usize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(cx.length, 30);
    central.writeUInt32LE(z ? 0xffffffff : offset, 42);
    centrals.push(central, name, cx);
    offset += 30 + name.length + lx.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4); // size of the rest of the record
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(cd.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(opts.zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, ...tail, end]));
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** One worksheet cell: a number or an inline string. */
export type FixtureCell = number | string;

/** Worksheet XML (ECMA-376 Part 1 §18.3) for rows of cells from A1, with an optional `<dimension>`. */
export function sheetXml(rows: FixtureCell[][], dimension?: string): string {
  const col = (c: number) => String.fromCharCode(65 + c);
  const body = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">` +
        r
          .map((v, c) =>
            typeof v === "number"
              ? `<c r="${col(c)}${i + 1}"><v>${v}</v></c>`
              : `<c r="${col(c)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`,
          )
          .join("") +
        "</row>",
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    (dimension === undefined ? "" : `<dimension ref="${dimension}"/>`) +
    `<sheetData>${body}</sheetData></worksheet>`
  );
}

/** The parts of a one-sheet workbook; `date1904` sets `<workbookPr date1904="1"/>`. */
export function xlsxEntries(sheet: string, opts: { date1904?: boolean } = {}): FixtureEntry[] {
  return [
    {
      name: "[Content_Types].xml",
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
        (opts.date1904 ? `<workbookPr date1904="1"/>` : `<workbookPr/>`) +
        `<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: "xl/worksheets/sheet1.xml", data: sheet },
  ];
}
