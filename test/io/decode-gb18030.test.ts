import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/io/decode";
import { AozoraInputError } from "../../src/io/errors";

describe("decodeText: GBK vs GB18030 (issue #17: a gbk decode fails on characters such as ³)", () => {
  // GB18030-2005 maps U+00B3 SUPERSCRIPT THREE to the four-byte sequence 81 30 85 36 (iconv-lite's independent table gives the same; it is not in
  // GBK's two-byte table): bytes a gbk decoder must refuse and a gb18030 decoder reads.
  const bytes = new Uint8Array([0x6d, 0x67, 0x2f, 0x6d, 0x81, 0x30, 0x85, 0x36, 0x0a]);
  it("gb18030 reads the four-byte ³", () => {
    expect(decodeText(bytes, "s.csv", "gb18030")).toBe("mg/m\u00b3\n");
  });
  it("gbk refuses it and the error suggests gb18030", () => {
    expect(() => decodeText(bytes, "s.csv", "gbk")).toThrow(AozoraInputError);
    expect(() => decodeText(bytes, "s.csv", "gbk")).toThrow(/pass encoding "gb18030"/);
  });
});
