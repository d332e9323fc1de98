/**
 * Bounded mutation fuzzer, one property per reader (issue #20, "Done when"): real example files
 * from data/ broken by byte-level edits (test/fuzz/mutate.ts). Every input must give a result
 * whose accounts add up, or an AozoraInputError naming the file; another exception, a time over
 * the per-input budget, or a heap over the worker's limit fails the property with the input.
 *
 * Each input runs in a worker thread (test/fuzz/worker.cjs) on a CommonJS transpile of src/,
 * so a reader that loops forever is terminated after PER_INPUT_MS rather than hanging the suite,
 * and one that allocates without bound hits HEAP_MB. Seeds are fixed (the same inputs every run);
 * each reader stops after RUNS inputs or READER_MS, whichever comes first, so the whole file
 * stays well under 2 minutes on 2 shared cores. `AOZORA_FUZZ_SCALE=10` multiplies both for a
 * deeper local sweep.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import ts from "typescript";
import * as XLSX from "xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toArrow } from "../../src/io/arrow";
import { readMonitoringTable } from "../../src/io/monitoring";
import { toParquet } from "../../src/io/parquet";
import { mutatedBytes } from "./mutate";
import { writeNiesFiles } from "../../src/simulate/nies";
import { writeSoramameFiles } from "../../src/simulate/soramame";

const SCALE = Math.max(1, Number(process.env.AOZORA_FUZZ_SCALE ?? 1) || 1);
/** Inputs per reader. */
const RUNS = 300 * SCALE;
/** Wall-clock budget per reader (ms): the property stops generating inputs after it. */
const READER_MS = 6000 * SCALE;
/** Hard budget per input (ms): the worker is terminated and the property fails. */
const PER_INPUT_MS = 5000;
/** Heap limit of the worker (MiB): an input that needs more fails the property. */
const HEAP_MB = 512;

const ROOT = join(__dirname, "..", "..");
const OUT = join(ROOT, "build", `fuzz-src-${process.pid}`);
const DATA = join(ROOT, "data");
const enc = (s: string) => new TextEncoder().encode(s);
/** The first `n` lines of an example file (a small valid input keeps each run fast). */
const head = (file: string, n: number) =>
  enc(readFileSync(join(DATA, file), "utf8").split("\n").slice(0, n).join("\n") + "\n");

/** The first `n` lines (CR LF) of a simulated Shift_JIS file: 0x0A never occurs inside a Shift_JIS character. */
function headBytes(bytes: Uint8Array, n: number): Uint8Array {
  let k = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && ++k === n) return bytes.subarray(0, i + 1);
  return bytes;
}

type Outcome = { outcome: "read" | "rejected" | "crash" | "timeout" | "heap"; ms: number; message?: string };

/** One worker thread, respawned after a timeout or a heap failure. */
class FuzzWorker {
  private w?: Worker;
  private spawn(): Worker {
    this.w = new Worker(join(__dirname, "worker.cjs"), {
      workerData: { root: OUT },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 64 },
    });
    this.w.unref();
    return this.w;
  }
  run(reader: string, files: { name: string; bytes: Uint8Array }[]): Promise<Outcome> {
    const w = this.w ?? this.spawn();
    return new Promise((resolve) => {
      const t0 = performance.now();
      const done = (o: Outcome) => {
        clearTimeout(timer);
        w.off("message", onMessage);
        w.off("error", onError);
        resolve(o);
      };
      const onMessage = (m: Outcome) => done(m);
      const onError = (e: Error) => {
        this.w = undefined;
        done({ outcome: /memory/i.test(String(e)) ? "heap" : "crash", ms: performance.now() - t0, message: String(e) });
      };
      const timer = setTimeout(() => {
        this.w = undefined;
        void w.terminate();
        done({ outcome: "timeout", ms: performance.now() - t0 });
      }, PER_INPUT_MS);
      w.on("message", onMessage);
      w.on("error", onError);
      w.postMessage({ reader, files: files.map((f) => ({ name: f.name, bytes: f.bytes.slice() })) });
    });
  }
  async close(): Promise<void> {
    await this.w?.terminate();
  }
}

/** Transpile the readers and what they import from src/ to CommonJS under build/ (the worker cannot load TypeScript). */
function transpileSrc(): void {
  const src = join(ROOT, "src");
  const todo = [
    "io/monitoring",
    "sourceapport/read-epapmf",
    "metals/read-xact",
    "trajectory/read-hysplit",
    "network/soramame",
    "network/nies",
    "models/voc/read",
    "profiles/read",
    "remotesensing/read",
    "models/energy/read-machinelog",
    "io/arrow",
    "io/parquet",
    "io/errors",
    "io/account",
    "table/table",
  ].map((m) => join(src, m + ".ts"));
  const done = new Set<string>();
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const code = readFileSync(file, "utf8");
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const base = join(dirname(file), m[1]);
      todo.push(existsSync(base + ".ts") ? base + ".ts" : join(base, "index.ts"));
    }
    const js = ts.transpileModule(code, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    }).outputText;
    const out = join(OUT, relative(src, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, js);
  }
}

const worker = new FuzzWorker();
const timing = { inputs: 0, maxMs: 0, maxReader: "", totalMs: 0 };

beforeAll(() => {
  const t0 = performance.now();
  transpileSrc();
  console.log(`fuzz: transpiled the readers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}, 120000);
afterAll(async () => {
  await worker.close();
  rmSync(OUT, { recursive: true, force: true });
  console.log(
    `fuzz: ${timing.inputs} inputs in ${(timing.totalMs / 1000).toFixed(1)} s of reader time; slowest input ${timing.maxMs.toFixed(0)} ms (${timing.maxReader})`,
  );
});

type Files = { name: string; bytes: Uint8Array }[];

/**
 * The fuzz property of one reader: the valid files read, and every mutated version gives a
 * result or an AozoraInputError within the budgets. Both outcomes must occur (a property that
 * only ever rejects, or only ever reads, shows the mutations do not reach the reader).
 */
function fuzzReader(
  reader: string,
  valid: () => Files | Promise<Files>,
  seed: number,
  mutate?: (f: Files) => fc.Arbitrary<Files>,
): void {
  it(
    `${reader}: mutated example files read or give AozoraInputError within ${PER_INPUT_MS} ms and ${HEAP_MB} MiB`,
    async () => {
      const files = await valid();
      const first = await worker.run(reader, files);
      expect(first.outcome, `the valid input must read: ${first.message ?? ""}`).toBe("read");
      const tally = { read: 0, rejected: 0 };
      const arb =
        mutate?.(files) ??
        mutatedBytes(files[0].bytes).map((b) => [{ name: files[0].name, bytes: b }, ...files.slice(1)]);
      const t0 = performance.now();
      await fc.assert(
        fc.asyncProperty(arb, async (input) => {
          const o = await worker.run(reader, input);
          timing.inputs++;
          timing.totalMs += o.ms;
          if (o.ms > timing.maxMs) [timing.maxMs, timing.maxReader] = [o.ms, reader];
          if (o.outcome === "read") tally.read++;
          else if (o.outcome === "rejected") tally.rejected++;
          else {
            // keep the input for a reproduction outside the fuzzer
            const dir = join(ROOT, "build", "fuzz-failures");
            mkdirSync(dir, { recursive: true });
            input.forEach((f, k) => writeFileSync(join(dir, `${reader}-${seed}-${k}-${f.name}`), f.bytes));
            throw new Error(
              `${reader}: ${o.outcome} after ${o.ms.toFixed(0)} ms${o.message ? `: ${o.message}` : ""} (input in build/fuzz-failures/)`,
            );
          }
        }),
        { seed, numRuns: RUNS, interruptAfterTimeLimit: READER_MS, markInterruptAsFailure: false, endOnFailure: true },
      );
      const ms = performance.now() - t0;
      // at least 20 inputs even on a loaded machine, and both outcomes
      expect(tally.read + tally.rejected).toBeGreaterThanOrEqual(Math.min(20, RUNS));
      expect(tally.rejected).toBeGreaterThan(0);
      expect(
        tally.read,
        `${reader}: no mutated input read (${tally.rejected} rejected in ${ms.toFixed(0)} ms)`,
      ).toBeGreaterThan(0);
    },
    READER_MS + 4 * PER_INPUT_MS + 20000,
  );
}

/** Mutate one file of a pair. */
const eitherOfTwo = (f: Files) =>
  fc.oneof(
    mutatedBytes(f[0].bytes).map((b) => [{ ...f[0], bytes: b }, f[1]]),
    mutatedBytes(f[1].bytes).map((b) => [f[0], { ...f[1], bytes: b }]),
  );

/**
 * The Kawasaki workbook cut to its first 20 rows, and a mutation of its worksheet XML (not of
 * the zip bytes, whose CRC-32 refuses nearly every byte-level edit): the sheet XML is broken
 * as text, then zipped again, so the workbook reader and SheetJS see damaged cells, rows and
 * dimensions inside a sound archive.
 */
function kawasakiSheet(): { xml: Uint8Array; zip: (xml: Uint8Array) => Uint8Array } {
  const wb = XLSX.read(readFileSync(join(DATA, "kawasaki-hourly.xlsx")), { type: "buffer" });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true }).slice(0, 20);
  const small = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(small, XLSX.utils.aoa_to_sheet(rows), "data");
  const cfb = XLSX.CFB.read(XLSX.write(small, { type: "buffer", bookType: "xlsx" }) as Buffer, { type: "buffer" });
  const k = cfb.FullPaths.findIndex((p: string) => p.endsWith("worksheets/sheet1.xml"));
  const xml = Uint8Array.from(cfb.FileIndex[k].content as Uint8Array);
  return {
    xml,
    zip: (x) => {
      cfb.FileIndex[k].content = Buffer.from(x);
      return new Uint8Array(XLSX.CFB.write(cfb, { fileType: "zip", type: "buffer", compression: true }) as Buffer);
    },
  };
}

/** A small monitoring table read from the Shenyang example, for the columnar formats. */
const shenyang = () =>
  readMonitoringTable({ name: "s.csv", bytes: head("shenyang-hourly.csv", 25) }, { utcOffset: "+08:00" }).table;

describe("mutation fuzzer (bounded)", () => {
  fuzzReader("monitoring", () => [{ name: "shenyang.csv", bytes: head("shenyang-hourly.csv", 25) }], 0x20f1);
  fuzzReader(
    "monitoringXlsx",
    () => [{ name: "kawasaki.xlsx", bytes: readFileSync(join(DATA, "kawasaki-hourly.xlsx")) }],
    0x20f2,
  );
  {
    const sheet = kawasakiSheet();
    fuzzReader(
      "monitoringXlsxSheet",
      () => [{ name: "kawasaki-sheet.xlsx", bytes: sheet.zip(sheet.xml) }],
      0x20ff,
      () => mutatedBytes(sheet.xml).map((x) => [{ name: "kawasaki-sheet.xlsx", bytes: sheet.zip(x) }]),
    );
  }
  fuzzReader(
    "epapmf",
    () => [
      { name: "con.csv", bytes: head("pmf-synthetic-con.csv", 15) },
      { name: "unc.csv", bytes: head("pmf-synthetic-unc.csv", 15) },
    ],
    0x20f3,
    eitherOfTwo,
  );
  fuzzReader("xact", () => [{ name: "xact.csv", bytes: head("xact-hourly.csv", 14) }], 0x20f4);
  fuzzReader("hysplit", () => [{ name: "tdump", bytes: head("tdump-backward.txt", 40) }], 0x20f5);
  fuzzReader(
    "soramame",
    () => {
      const t = writeSoramameFiles(mkdtempSync(join(tmpdir(), "aozora-fuzz-sora-")), { seed: 3, days: 1 });
      return [{ name: "14130010.csv", bytes: headBytes(readFileSync(t.files[0]), 12) }];
    },
    0x2101,
  );
  fuzzReader(
    "nies",
    () => {
      const t = writeNiesFiles(mkdtempSync(join(tmpdir(), "aozora-fuzz-nies-")), { seed: 3, months: [4] });
      return [{ name: "j14_2023.csv", bytes: headBytes(readFileSync(t.file), 12) }];
    },
    0x2102,
  );
  fuzzReader("voc", () => [{ name: "voc.csv", bytes: head("xian-voc-canister-zh.csv", 8) }], 0x20f6);
  fuzzReader(
    "profiles",
    () => {
      // the SPECIATE example as a user profile file (profile, species, fraction (%), uncertainty (%))
      const rows = readFileSync(join(DATA, "source-profiles-speciate.csv"), "utf8").split("\n").slice(1, 25);
      const text = ["profile,species,fraction (%),uncertainty (%)"];
      for (const r of rows) {
        const m = /^([^,]+),"[^"]*",([^,]+),([^,]+),([^,]+)$/.exec(r.trim());
        if (m) text.push([m[1], m[2], m[3], m[4]].join(","));
      }
      return [{ name: "profiles.csv", bytes: enc(text.join("\n") + "\n") }];
    },
    0x20f7,
  );
  fuzzReader("speciate", () => [{ name: "speciate.csv", bytes: head("source-profiles-speciate.csv", 30) }], 0x20f8);
  fuzzReader("dilution", () => [{ name: "tunnel.csv", bytes: head("dilution-tunnel-tests.csv", 20) }], 0x20f9);
  fuzzReader("remoteSensing", () => [{ name: "rsd.csv", bytes: head("xiamen-rsd.csv", 25) }], 0x20fa);
  fuzzReader("machineLog", () => [{ name: "log.csv", bytes: head("changshu-tenter-log.csv", 25) }], 0x20fb);
  fuzzReader(
    "stack",
    () => [{ name: "stack.csv", bytes: readFileSync(join(DATA, "changshu-tenter-stack.csv")) }],
    0x20fc,
  );
  fuzzReader("arrow", () => [{ name: "t.arrow", bytes: toArrow(shenyang()) }], 0x20fd);
  fuzzReader("parquet", async () => [{ name: "t.parquet", bytes: await toParquet(shenyang()) }], 0x20fe);
});
