import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main";

const DATA = join(__dirname, "..", "..", "..", "data");
async function run(args: string[]) {
  const out: string[] = [],
    err: string[] = [];
  const code = await main(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}
const tmp = mkdtempSync(join(tmpdir(), "aozora-ofp-"));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe("aozora ofp", () => {
  it("--json: per-species and per-group OFP, L_OH, SOA; hand check on a two-species file", async () => {
    // ethane 10 ppb, toluene 5 ppb (hand values in reactivity.test.ts): OFP 3.441426 + 75.322587
    const f = file("two.csv", "Time,乙烷 (ppb),Toluene (ppb),TVOC (ppb)\n2024-07-01 08:00,10,5,20\n");
    const r = await run(["ofp", "--file", f, "--utc-offset", "+08:00", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.totals.ofp).toBeCloseTo(3.441426 + 75.322587, 4);
    expect(j.species.map((s: { id: string }) => s.id)).toEqual(["ethane", "toluene"]);
    expect(j.matching.unmatched).toEqual([{ header: "TVOC (ppb)", columnNumber: 4, reason: "unknown species" }]);
    expect(j.groups.map((g: { group: string }) => g.group)).toEqual(["alkanes", "aromatics"]);
    expect(j.ranking.ofp).toEqual(["toluene", "ethane"]);
  });

  it("--scale cn, --temperature 273.15 and --units ugm3 change the numbers as documented", async () => {
    const f = file("ug.csv", "Time,Toluene\n2024-07-01 08:00,10\n");
    const j = JSON.parse(
      (await run(["ofp", "--file", f, "--utc-offset", "+08:00", "--units", "ugm3", "--scale", "cn", "--json"])).out,
    );
    expect(j.totals.ofp).toBeCloseTo(21.2, 10); // 2.12 × 10
    const e = file("eth.csv", "Time,Ethane (ppb)\n2024-07-01 08:00,10\n");
    const k = JSON.parse(
      (await run(["ofp", "--file", e, "--utc-offset", "+08:00", "--temperature", "273.15", "--json"])).out,
    );
    expect(k.totals.ugm3).toBeCloseTo(13.415722, 5); // 10 × 30.07 / 22.414
  });

  it("the shipped canister set: m/p-xylene kept or split, and the choice recorded", async () => {
    const a = JSON.parse(
      (await run(["ofp", "--file", join(DATA, "xian-voc-canister-zh.csv"), "--utc-offset", "+08:00", "--json"])).out,
    );
    expect(a.samples).toBe(60);
    expect(a.coelution).toEqual([
      { header: "间/对二甲苯(ppb)", pair: "m,p-xylene", mode: "pair", members: ["m-xylene", "p-xylene"] },
    ]);
    expect(a.matching.unmatched.map((u: { header: string }) => u.header)).toEqual(["1-辛烯(ppb)"]);
    const b = JSON.parse(
      (
        await run([
          "ofp",
          "--file",
          join(DATA, "xian-voc-canister-zh.csv"),
          "--utc-offset",
          "+08:00",
          "--mp-xylene",
          "split:0.7",
          "--json",
        ])
      ).out,
    );
    expect(b.coelution[0]).toMatchObject({ mode: "split", fraction: 0.7 });
    // same ppb total either way; OFP differs by (0.7×9.75 + 0.3×5.84 − 7.795) × mean m,p-xylene µg/m3
    expect(b.totals.ppb).toBeCloseTo(a.totals.ppb, 9);
    const mp = a.species.find((s: { id: string }) => s.id === "m,p-xylene");
    expect(b.totals.ofp - a.totals.ofp).toBeCloseTo((0.7 * 9.75 + 0.3 * 5.84 - 7.795) * mp.ugm3, 6);
    const text = await run(["ofp", "--file", join(DATA, "xian-voc-canister.csv"), "--utc-offset", "+08:00"]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/60 samples, 65 VOC columns matched, 1 unmatched \(1-octene \(ppb\)\)/);
  });

  it("bad input and arguments exit 2 with one line", async () => {
    const neg = file("neg.csv", "Time,Ethane (ppb)\n2024-07-01 08:00,-1\n");
    const cases: [string[], RegExp][] = [
      [["ofp"], /^aozora ofp: --file: expected F \(required\)/],
      [["ofp", "--file", join(tmp, "nope.csv")], /nope\.csv: expected a readable file/],
      [
        ["ofp", "--file", neg, "--utc-offset", "+08:00"],
        /neg\.csv, row 2, column "Ethane \(ppb\)" \(#2\): expected a concentration ≥ 0/,
      ],
      [
        ["ofp", "--file", neg, "--utc-offset", "+08:00", "--scale", "mcm"],
        /^aozora ofp: --scale: expected one of saprc07, cn, found "mcm"/,
      ],
      [
        ["ofp", "--file", neg, "--mp-xylene", "split:1.5"],
        /^aozora ofp: --mp-xylene: expected "pair" or "split:F" with F the m-xylene fraction in \[0, 1\], found "split:1.5"/,
      ],
      [
        ["ofp", "--file", neg, "--units", "mg"],
        /^aozora ofp: --units: expected ppb, ugm3, ppbC, ppt or ppm, found "mg"/,
      ],
      [
        ["ofp", "--file", neg, "--temperature", "abc"],
        /^aozora ofp: --temperature: expected a number \(K\) in \[200, 350\], found "abc"/,
      ],
    ];
    for (const [args, re] of cases) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toMatch(re);
      expect(r.err.split("\n").length).toBe(1);
    }
    const ok = await run(["ofp", "--file", neg, "--utc-offset", "+08:00", "--negative", "zero", "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).account.flagged).toEqual({ "negative-set-zero": 1 });
  });
});

describe("aozora ofp --china-by-date", () => {
  it("uses 273.15 K before 2018-09-01 (Beijing time) and 298.15 K after, per sample", async () => {
    const f = file("cn2018.csv", "Time,Ethane (ppb)\n2018-08-31 12:00,10\n2018-09-01 12:00,10\n");
    const j = JSON.parse((await run(["ofp", "--file", f, "--utc-offset", "+08:00", "--china-by-date", "--json"])).out);
    expect(j.statesUsed.map((s: { temperatureK: number }) => s.temperatureK)).toEqual([273.15, 298.15]);
    expect(j.totals.ugm3).toBeCloseTo((13.415722 + 12.290808) / 2, 5);
  });
});
