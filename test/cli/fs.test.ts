import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, copyFileSync, existsSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fsErrorOf } from "../../src/cli/fs";
import { run } from "./run";

// Issue #20: "Every verb catches file-system errors (exists, is a directory, missing, permission,
// dangling symlink) and exits 2 with one line naming the path; today `pmf --out <file>`,
// `xact --out <dir>`, `polar --out <dir>`, `pscf --table <dir>`, `simulate --out <file>`, a dangling
// symlink in the trajectory folder all exit 1 with a stack trace — `pmf` only after the whole fit.
// Check outputs before computing."

const DATA = join(__dirname, "..", "..", "data");
const tmp = mkdtempSync(join(tmpdir(), "aozora-cli-fs-"));
const missing = join(tmp, "missing.csv");
const dir = join(tmp, "a-folder.csv");
mkdirSync(dir);
const dangling = join(tmp, "dangling.csv");
symlinkSync(join(tmp, "no-target.csv"), dangling);
const fifo = join(tmp, "fifo.csv");
execFileSync("mkfifo", [fifo]);
const file = join(tmp, "a-file");
writeFileSync(file, "x\n");

const d = (f: string) => join(DATA, f);
/** The inputs read through readInput, which also take a folder or a list of CNEMC daily files. */
const FOLDER_INPUTS = new Set([
  "read --file",
  "aqi --file",
  "alerts --file",
  "forecast --history",
  "polar --file",
  "pscf --conc",
  "qa --file",
  "interlab --lab-a",
  "interlab --lab-b",
  "ofp --file",
]);
/** Every verb's file inputs, with valid other arguments; `@` marks the input under test. */
const INPUTS: string[][] = [
  ["read", "--file", "@"],
  ["pmf", "--conc", "@", "--unc", d("pmf-synthetic-unc.csv"), "--factors", "3"],
  ["pmf", "--conc", d("pmf-synthetic-con.csv"), "--unc", "@", "--factors", "3"],
  ["aqi", "--file", "@"],
  ["identify", "--profiles", "@"],
  ["identify", "--profiles", d("source-profiles-speciate.csv"), "--speciate", "@"],
  ["interlab", "--lab-a", "@", "--lab-b", d("filter-campaign-lab-b.csv")],
  ["interlab", "--lab-a", d("filter-campaign-lab-a.csv"), "--lab-b", "@"],
  ["obm", "--obs", "@", "--site", "34.26,108.94"],
  ["ofp", "--file", "@"],
  ["polar", "--file", "@", "--species", "V", "--json"],
  ["pscf", "--traj", "@", "--method", "frequency", "--out", join(tmp, "m.svg")],
  ["pscf", "--traj", d("tdump-backward.txt"), "--conc", "@", "--species", "PM2.5", "--out", join(tmp, "m.svg")],
  ["qa", "--file", "@"],
  ["qa", "--file", d("filter-campaign-lab-a.csv"), "--blanks", "@"],
  ["retrofit", "--logs", "@"],
  ["retrofit", "--logs", `${d("changshu-tenter-log.csv")},@`],
  ["retrofit", "--logs", d("changshu-tenter-log.csv"), "--stack", "@"],
  ["rsd", "--file", "@", "--utc-offset", "+08:00"],
  ["xact", "@"],
];

const put = (args: string[], p: string) => args.map((a) => a.replace("@", p));

describe("file-system errors on inputs: exit 2, one line naming the path, nothing on stdout", () => {
  const cases: [string, string, RegExp][] = [
    ["missing", missing, /found nothing \(no such file or directory\)$/],
    ["a directory", dir, /found a directory$/],
    ["a dangling symbolic link", dangling, /found a dangling symbolic link$/],
    ["a FIFO (would block or grow without end)", fifo, /found a FIFO \(named pipe\)$/],
  ];
  for (const [what, path, found] of cases)
    it(`every verb's every input: ${what}`, async () => {
      for (const args of INPUTS) {
        const a = put(args, path);
        // pscf --traj takes folders as well as files: a folder is a valid --traj
        if (what === "a directory" && args[1] === "--traj") continue;
        const r = await run(a);
        // the monitoring inputs also take a folder of CNEMC daily files (issue #17): a folder
        // without any is refused in one line naming the option and saying so
        const opt = args[args.indexOf("@") - 1];
        if (what === "a directory" && FOLDER_INPUTS.has(`${args[0]} ${opt}`)) {
          expect(r.code, a.join(" ")).toBe(2);
          expect(r.out, a.join(" ")).toBe("");
          // the option as the verb names it (interlab: --lab-a/--lab-b)
          // (the last line: interlab first states what it detected in --lab-a)
          const last = r.err.split("\n").at(-1)!;
          expect(last.startsWith(`aozora ${args[0]}: --`), a.join(" ")).toBe(true);
          expect(last, a.join(" ")).toContain(opt);
          expect(last, a.join(" ")).toContain(
            `: expected a file, or a folder of CNEMC daily files (china_sites_YYYYMMDD.csv, china_cities_YYYYMMDD.csv), found "${path}" (the folder holds none)`,
          );
          continue;
        }
        expect(r.code, a.join(" ")).toBe(2);
        expect(r.out, a.join(" ")).toBe("");
        expect(r.err.split("\n"), a.join(" ")).toHaveLength(1);
        expect(r.err.startsWith(`aozora ${args[0]}: ${path}: expected a readable `), `${a.join(" ")} → ${r.err}`).toBe(
          true,
        );
        expect(r.err, a.join(" ")).toMatch(found);
      }
    });
  it("identify --pmf-out must be a folder: a file is refused", async () => {
    const r = await run(["identify", "--pmf-out", file]);
    expect(r.err).toBe(`aozora identify: ${file}: expected a readable directory, found a regular file`);
  });
  it("a dangling symbolic link inside the trajectory folder: exit 2 naming the link", async () => {
    const traj = join(tmp, "traj");
    mkdirSync(traj);
    copyFileSync(d("tdump-backward.txt"), join(traj, "tdump-1.txt"));
    symlinkSync(join(tmp, "gone.txt"), join(traj, "tdump-2.txt"));
    const r = await run(["pscf", "--traj", traj, "--method", "frequency", "--out", join(tmp, "t.svg")]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `aozora pscf: ${join(traj, "tdump-2.txt")}: expected a readable path, found a dangling symbolic link`,
    );
    expect(existsSync(join(tmp, "t.svg"))).toBe(false);
  });
});

describe("file-system errors on outputs, checked before anything is computed", () => {
  it("pmf --out <existing file>: refused before the fit (1000 runs would take minutes)", async () => {
    const t0 = Date.now();
    const r = await run([
      "pmf",
      "--conc",
      d("pmf-synthetic-con.csv"),
      "--unc",
      d("pmf-synthetic-unc.csv"),
      "--factors",
      "5",
      "--runs",
      "1000",
      "--out",
      file,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `aozora pmf: ${file}: expected a directory to write into (or a path to create one), found a regular file (it exists and is not a directory)`,
    );
    expect(Date.now() - t0).toBeLessThan(5000);
  });
  it("xact --out <dir>, polar --out <dir>, pscf --out/--table <dir>: 'found a directory'", async () => {
    const asDir = (name: string) => {
      const p = join(tmp, name);
      mkdirSync(p, { recursive: true });
      return p;
    };
    const cases: [string[], string][] = [
      [["xact", d("xact-hourly.csv"), "--out", asDir("flags.csv")], "flags.csv"],
      [["polar", "--file", d("xact-hourly.csv"), "--species", "V", "--out", asDir("v.svg")], "v.svg"],
      [["pscf", "--traj", d("tdump-backward.txt"), "--method", "frequency", "--out", asDir("map.svg")], "map.svg"],
      [
        [
          "pscf",
          "--traj",
          d("tdump-backward.txt"),
          "--method",
          "frequency",
          "--out",
          join(tmp, "ok.svg"),
          "--table",
          asDir("cells.csv"),
        ],
        "cells.csv",
      ],
    ];
    for (const [args, name] of cases) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toBe(
        `aozora ${args[0]}: ${join(tmp, name)}: expected a path to write a file to, found a directory`,
      );
    }
    expect(existsSync(join(tmp, "ok.svg"))).toBe(false); // nothing written before the check
  });
  it("simulate --out <file>; an output under a file ('a-file/x.csv')", async () => {
    const s = await run(["simulate", "--out", file]);
    expect(s.code).toBe(2);
    expect(s.err).toBe(
      `aozora simulate: ${file}: expected a directory to write into (or a path to create one), found a regular file (it exists and is not a directory)`,
    );
    const under = join(file, "sub", "x.csv");
    const x = await run(["xact", d("xact-hourly.csv"), "--out", under]);
    expect(x.code).toBe(2);
    expect(x.err).toBe(
      `aozora xact: ${under}: expected a path to write a file to, found ${file} is a regular file, not a directory`,
    );
    expect(readdirSync(tmp)).not.toContain("sub");
  });
  it("a missing output folder that can be created is fine (pmf --out creates it)", async () => {
    const out = join(tmp, "new", "pmf");
    const r = await run([
      "pmf",
      "--conc",
      d("pmf-synthetic-con.csv"),
      "--unc",
      d("pmf-synthetic-unc.csv"),
      "--factors",
      "5",
      "--runs",
      "1",
      "--out",
      out,
      "--json",
    ]);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(out, "pmf_profiles.csv"))).toBe(true);
  });
});

describe("errno errors met while running become one line naming the path", () => {
  // The tests run as root here, where permission bits are not enforced, so the EACCES/EPERM/EROFS
  // mapping is checked on the error objects Node.js throws (code, syscall, path).
  it("EACCES, EPERM, EISDIR, ENOTDIR, EROFS map to 'expected …, found …' with the path", () => {
    const e = (code: string, syscall: string) => Object.assign(new Error(code), { code, syscall, path: "/x/y.csv" });
    expect(fsErrorOf(e("EACCES", "open"))?.message).toBe("/x/y.csv: expected a readable path, found no permission");
    expect(fsErrorOf(e("EACCES", "mkdir"))?.message).toBe("/x/y.csv: expected a writable path, found no permission");
    expect(fsErrorOf(e("EPERM", "unlink"))?.message).toBe(
      "/x/y.csv: expected a writable path, found no permission (operation not permitted)",
    );
    expect(fsErrorOf(e("EISDIR", "open"))?.message).toBe("/x/y.csv: expected a readable path, found a directory");
    expect(fsErrorOf(e("EROFS", "open"))?.message).toMatch(/found a read-only file system$/);
    expect(fsErrorOf(new RangeError("not an errno error"))).toBeUndefined();
  });
});
