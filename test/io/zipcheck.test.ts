import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, zipProblem } from "../../src/io/zipcheck";

/** A one-entry zip built by hand from APPNOTE.TXT §4.3.7 (local header), §4.3.12 (central directory), §4.3.16 (end record). */
function zip(name: string, content: Uint8Array, crc = crc32(content)): Uint8Array {
  const data = deflateRawSync(content);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOff = 30 + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(cdOff, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

describe("zip archive check before SheetJS", () => {
  it('CRC-32 of the standard check string "123456789" is 0xCBF43926', () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("a sound archive passes; truncation, a wrong CRC, a renamed local header and flipped data are named", () => {
    const content = new TextEncoder().encode("<x>hello hello hello</x>");
    const good = zip("a.xml", content);
    expect(zipProblem(good)).toBeUndefined();
    expect(zipProblem(good.subarray(0, good.length - 1))).toBe(
      "no end-of-central-directory record (a truncated file?)",
    );
    expect(zipProblem(zip("a.xml", content, 12345))).toBe("entry #1 failing its size or CRC-32 check");
    const renamed = Uint8Array.from(good);
    renamed[30] = "b".charCodeAt(0); // local header name "b.xml", central "a.xml"
    expect(zipProblem(renamed)).toBe("entry #1 named differently in its local header");
    const extra = Uint8Array.from(good);
    extra[28] = 94; // local header claims a 94-byte extra field that is not there
    expect(zipProblem(extra)).toMatch(
      /^entry #1 (running past the central directory|not inflating|failing its size or CRC-32 check)$/,
    );
  });
});
