import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseOptions } from "../../src/cli/options";
import { run } from "./run";

// Issue #15 item 3: "negative numbers and offsets accepted (`--utc-offset -05:00`)"; the brief adds
// `--min -3`. A value option always takes the next token as its value unless it starts with "--".

const DATA = join(__dirname, "..", "..", "data");

describe("negative values are values, not options", () => {
  it("the parser: --min -3, --utc-offset -05:00, --fpeak -0.5,0.5, and the = form", () => {
    const specs = {
      min: { type: "number", help: "lower limit" },
      "utc-offset": { type: "string", help: "offset" },
      fpeak: { type: "string", help: "strengths" },
      flag: { type: "boolean", help: "a flag" },
    } as const;
    const p = parseOptions(["--min", "-3", "--utc-offset", "-05:00", "--fpeak", "-0.5,0.5", "--flag"], specs);
    expect(p.values).toEqual({ min: -3, "utc-offset": "-05:00", fpeak: "-0.5,0.5", flag: true });
    expect(parseOptions(["--min=-3e-2"], specs).values.min).toBe(-0.03);
    // a value option followed by another option has no value: an error, not the next option as text
    expect(() => parseOptions(["--utc-offset", "--flag"], specs)).toThrow(
      /^--utc-offset: expected a value \(TEXT\), found nothing$/,
    );
  });
  it("aqi --standard us-2024 --utc-offset -05:00: the offset is read as −300 min (a New York clock)", async () => {
    const r = await run([
      "aqi",
      "--file",
      join(DATA, "xian-hourly-s1.csv"),
      "--standard",
      "us-2024",
      "--utc-offset",
      "-05:00",
      "--json",
    ]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).utcOffsetMinutes).toBe(-(5 * 60));
  });
  it("a negative number where the range forbids it is refused by range, naming the value", async () => {
    const r = await run([
      "pscf",
      "--traj",
      join(DATA, "tdump-backward.txt"),
      "--method",
      "frequency",
      "--out",
      "/tmp/x.svg",
      "--tolerance",
      "-1",
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('aozora pscf: --tolerance: expected a number (minutes) ≥ 0, found "-1"');
  });
  it("pscf --site -33.9,151.2 (southern hemisphere) is accepted without the = form", async () => {
    const r = await run([
      "pscf",
      "--traj",
      join(DATA, "tdump-backward.txt"),
      "--method",
      "frequency",
      "--out",
      join(tmpdir(), "aozora-neg-site.svg"),
      "--site",
      "-33.9,151.2",
      "--json",
    ]);
    expect(r.code, r.err).toBe(0);
  });
  it("a bad offset is refused before reading: --utc-offset -25:00", async () => {
    const r = await run(["aqi", "--file", join(DATA, "xian-hourly-s1.csv"), "--utc-offset", "-25:00"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^aozora aqi: --utc-offset: expected a UTC offset such as \+08:00, -05:00.*, found "-25:00"$/,
    );
  });
});
