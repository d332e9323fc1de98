import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/io/decode";
import { detectKind, INPUT_KINDS, readHead, type InputKindDef } from "../../src/cli/input";
import { run } from "./run";

// Issue #17 item 3: --kind detection stated, never guessed; UTF-16 with BOM (LE and BE), without → error;
// --hour-label end moves the stamps back 1 h to the start of each averaging hour.
const DATA = join(__dirname, "..", "..", "data");
const tmp = mkdtempSync(join(tmpdir(), "aozora-cli-input-"));

describe("encodings", () => {
  it("UTF-16 BE with its mark FE FF decodes; encoding utf-16 without a mark is an error", () => {
    // "a,b" as UTF-16BE: 00 61 00 2C 00 62 (WHATWG Encoding Standard, BOM sniff: FE FF = UTF-16BE)
    const be = Uint8Array.from([0xfe, 0xff, 0x00, 0x61, 0x00, 0x2c, 0x00, 0x62]);
    expect(decodeText(be, "be.csv")).toBe("a,b");
    const le = Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00]);
    expect(decodeText(le, "le.csv")).toBe("a,b");
    expect(() => decodeText(Uint8Array.from([0x61, 0x2c, 0x62]), "x.csv", "utf-16")).toThrow(/byte-order mark/);
  });
});

describe("detection", () => {
  it("an Xact export is detected by its second header row and the reason is stated", () => {
    const head = readHead(join(DATA, "xact-hourly.csv"), undefined, undefined);
    const d = detectKind(head, [INPUT_KINDS.xact, INPUT_KINDS.table]);
    expect(d.def.kind).toBe("xact");
    expect(d.reason).toMatch(/second header row starts with TIME/);
  });
  it("two matching signatures are an error listing both and --kind, never a guess", () => {
    const a: InputKindDef = { ...INPUT_KINDS.xact, detect: () => "sig A" };
    const b: InputKindDef = { ...INPUT_KINDS.xact, kind: "table" as never, label: "B", detect: () => "sig B" };
    const head = { file: "f.csv", rows: [["x"]], encoding: "utf-8" };
    expect(() => detectKind(head, [a, { ...b, kind: "xact" }])).toThrow(/matches several signatures.*sig A.*sig B/);
  });
});

describe("--hour-label", () => {
  it("end moves stamps 01:00 … 24:00 back 1 h: one complete local day 2025-05-01 (IAQI 100 at PM2.5 75 µg/m3)", async () => {
    // HJ 633-2012 Table 1: PM2.5 24-h mean 75 µg/m3 → IAQI 100. Stamps 01:00 … next day 00:00 mark hour ends;
    // shifted by −60 min they are 00:00 … 23:00 of 2025-05-01, all 24 hours of one day.
    const rows = ["Time,PM2.5"];
    for (let h = 1; h <= 24; h++)
      rows.push(h < 24 ? `2025-05-01 ${String(h).padStart(2, "0")}:00,75` : "2025-05-02 00:00,75");
    const file = join(tmp, "ending.csv");
    writeFileSync(file, rows.join("\n") + "\n");
    const end = await run([
      "aqi",
      "--file",
      file,
      "--standard",
      "cn-2012",
      "--units",
      "µg/m3",
      "--hour-label",
      "end",
      "--json",
    ]);
    expect(end.code, end.err).toBe(0);
    const j = JSON.parse(end.out);
    expect(j.input.hourLabel).toEqual({ label: "end", source: "--hour-label", shiftMinutes: -60 });
    expect(j.days.map((d: { date: string }) => d.date)).toEqual(["2025-05-01"]);
    expect(j.days[0].iaqi.PM25_24h).toBe(100);
    const start = await run(["aqi", "--file", file, "--standard", "cn-2012", "--units", "µg/m3", "--json"]);
    expect(start.code, start.err).toBe(0);
    const s = JSON.parse(start.out);
    expect(s.input.hourLabel.shiftMinutes).toBe(0);
    expect(s.days.map((d: { date: string }) => d.date)).toEqual(["2025-05-01", "2025-05-02"]);
  });
});
