/**
 * Entry points (issue #15 item 2). The root entry `aozora` still exports every name it exported
 * before the layer moves (test/layers/fixtures/root-exports.json, recorded from main at b29831c:
 * runtime names from `Object.keys(require("./dist/index.js"))`, type names from dist/index.d.ts),
 * and each area has a subpath in package.json `exports` (`aozora/pmf`, `aozora/openair`, ...)
 * that resolves through the exports map (self-reference from the package root) to the compiled
 * barrel, with a `types` condition that TypeScript resolves.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  bin: Record<string, string>;
  exports: Record<string, { types: string; default: string } | string>;
  typesVersions: Record<string, Record<string, string[]>>;
};
const RECORDED = JSON.parse(readFileSync(join(__dirname, "fixtures", "root-exports.json"), "utf8")) as {
  runtime: string[];
  typeOnly: string[];
};
/** require() as a file at the package root: "aozora/…" goes through the package's own exports map. */
const req = createRequire(join(ROOT, "package.json"));

/** Names exported by a source module (TypeScript checker): all, and those with a runtime value. */
function sourceExports(files: string[]): Map<string, { all: string[]; values: string[] }> {
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    types: ["node"],
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const out = new Map<string, { all: string[]; values: string[] }>();
  for (const f of files) {
    const sym = checker.getSymbolAtLocation(program.getSourceFile(f)!)!;
    const all: string[] = [];
    const values: string[] = [];
    for (const e of checker.getExportsOfModule(sym)) {
      all.push(e.getName());
      const r = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      if (r.flags & ts.SymbolFlags.Value) values.push(e.getName());
    }
    out.set(f, { all: all.sort(), values: values.sort() });
  }
  return out;
}

/** The subpaths the issue asks for, by hand (not read from package.json). */
const REQUIRED = [
  "io",
  "table",
  "stats",
  "figures",
  "pmf",
  "openair",
  "metals",
  "trajectory",
  "qa",
  "interlab",
  "profiles",
  "remotesensing",
  "voc",
  "ozone",
  "aqi",
  "standards",
  "energy",
  "spatial",
  "simulate",
  "notebook",
  "forecast",
  "alerts",
  "photochem",
];

/** A few names each subpath must carry, written by hand from the areas' documentation. */
const SPOT: Record<string, string[]> = {
  io: ["AozoraInputError", "readMonitoringTable", "writeCsv", "readParquet", "readArrow", "summariseAccount"],
  table: ["AqTable", "parseTimestamp", "ppbToUgm3", "CRITERIA_GAS_MOLAR_MASS", "SITE_OFFSETS"],
  stats: ["tQuantile", "demingRegression", "passingBablok", "blandAltman"],
  figures: ["labelLookup", "LANGS"],
  pmf: ["runPmf", "bootstrapPmf", "dispPmf", "readEpaPmf", "preparePmfInput"],
  openair: ["windRose", "polarPlot", "cpf", "timeVariation", "theilSen", "pscf", "cwt", "readHysplit"],
  directional: ["windRose", "polarAnnulus"],
  metals: ["readXact", "describeXactAlarm", "enrichmentFactors", "UCC_RUDNICK_GAO_2014"],
  trajectory: ["readHysplit", "readHysplitFiles", "pscf", "cwt", "trajectoryFrequency"],
  qa: ["readSampleTable", "massClosure"],
  interlab: ["readLabPair", "compareLabs", "zScore"],
  profiles: ["readProfiles", "readSpeciate", "crustalProfile"],
  remotesensing: ["readRemoteSensing", "vsp", "fuelBasedEf"],
  voc: ["readVocTable", "mirOf", "kohOf"],
  ozone: ["AOT40", "SOMO35", "toHourGrid"],
  aqi: ["CN_IAQI_TABLES", "US_AQI_2024", "CRITERIA_GAS_MOLAR_MASS"],
  standards: ["GB3095_2026", "WHO_2021", "JAPAN_EQS"],
  energy: ["readMachineLog", "thermalEnergy"],
  spatial: ["idwGrid", "greatCircleKm"],
  large: ["streamAggregate", "readCsvChunks"],
  network: [
    "readSoramame",
    "isSoramameHeader",
    "readCnemcDaily",
    "readCnemcStations",
    "isCnemcHeader",
    "readNiesHourly",
    "isNiesHourlyHeader",
    "ingestCnemcArchive",
  ],
  notebook: ["progress", "buildProblems"],
  forecast: ["forecastAt", "rollingOriginForecast", "quantileRegression", "dailyTarget"],
  photochem: ["airNumberDensity", "parseChemmech", "compileMechanism"],
  alerts: ["cnAlerts", "jpOxAlerts", "jpPm25Alerts", "alertScores", "CN_MEE_2017", "JP_OX_RULES", "JP_PM25_RULES"],
};

const subpaths = Object.keys(PKG.exports).filter((k) => k !== "." && k !== "./package.json");
const target = (k: string) => PKG.exports[k] as { types: string; default: string };
const sourceOf = (k: string) =>
  join(
    ROOT,
    target(k)
      .default.replace(/^\.\/dist\//, "src/")
      .replace(/\.js$/, ".ts"),
  );
const SOURCES = sourceExports([join(ROOT, "src", "index.ts"), ...subpaths.map(sourceOf)]);

describe("the root entry keeps every name it exported before (fixture recorded from main)", () => {
  it("the fixture is the recorded list: 494 runtime names and 314 type-only names", () => {
    expect(RECORDED.runtime.length).toBe(494);
    expect(RECORDED.typeOnly.length).toBe(314);
    expect(RECORDED.runtime).toContain("runPmf");
    expect(RECORDED.typeOnly).toContain("ReadAccount");
  });

  it('require("aozora") (compiled, via the exports map) has every recorded runtime name', () => {
    const root = req("aozora") as Record<string, unknown>;
    expect(req.resolve("aozora")).toBe(join(ROOT, "dist", "index.js"));
    expect(RECORDED.runtime.filter((n) => !(n in root))).toEqual([]);
    // the compiled root matches the source root (a stale dist/ would not)
    expect(Object.keys(root).sort()).toEqual(SOURCES.get(join(ROOT, "src", "index.ts"))!.values);
  });

  it("src/index.ts exports every recorded name, types included", () => {
    const all = new Set(SOURCES.get(join(ROOT, "src", "index.ts"))!.all);
    expect([...RECORDED.runtime, ...RECORDED.typeOnly].filter((n) => !all.has(n))).toEqual([]);
  });
});

describe("subpath entry points (package.json exports)", () => {
  it("has every subpath the issue asks for, each with a types condition first", () => {
    expect(REQUIRED.filter((s) => !(`./${s}` in PKG.exports))).toEqual([]);
    for (const k of subpaths) {
      expect(Object.keys(PKG.exports[k] as object), k).toEqual(["types", "default"]);
      expect(target(k).types, k).toBe(target(k).default.replace(/\.js$/, ".d.ts"));
      // TypeScript before `exports` support (moduleResolution node10) finds the same declarations
      expect(PKG.typesVersions["*"][k.slice(2)], k).toEqual([target(k).types.slice(2)]);
    }
  });

  it("every area barrel of src/ is reachable through a subpath", () => {
    const barrels = [
      ...readdirSync(join(ROOT, "src")).map((d) => join(ROOT, "src", d, "index.ts")),
      ...readdirSync(join(ROOT, "src", "models")).map((d) => join(ROOT, "src", "models", d, "index.ts")),
    ].filter((f) => existsSync(f));
    const reached = new Set(subpaths.map(sourceOf));
    expect(barrels.filter((b) => !reached.has(b))).toEqual([]);
  });

  it.each(subpaths.map((k) => [`aozora${k.slice(1)}`, k]))(
    "%s resolves to its compiled barrel and exports its names",
    (id, k) => {
      expect(req.resolve(id)).toBe(join(ROOT, target(k).default));
      expect(existsSync(join(ROOT, target(k).types))).toBe(true);
      const mod = req(id) as Record<string, unknown>;
      const names = Object.keys(mod).sort();
      expect(names).toEqual(SOURCES.get(sourceOf(k))!.values);
      expect(names.length).toBeGreaterThan(0);
      for (const n of SPOT[k.slice(2)] ?? []) expect(names, `${id} exports ${n}`).toContain(n);
      // one object, whichever entry it comes through
      const root = req("aozora") as Record<string, unknown>;
      for (const n of names) if (n in root) expect(mod[n], `${id}.${n}`).toBe(root[n]);
    },
  );

  it("aozora/simulate has every simulator of src/simulate; no domain entry point carries one", () => {
    const simulators = readdirSync(join(ROOT, "src", "simulate"))
      .flatMap((f) => [
        ...readFileSync(join(ROOT, "src", "simulate", f), "utf8").matchAll(/^export function (simulate\w+)/gm),
      ])
      .map((m) => m[1])
      .sort();
    // by hand from the files of src/simulate; the last three were not exported before issue #15
    expect(simulators).toEqual(
      [
        "simulateDilutionTunnel",
        "simulateSpeciateProfiles",
        "simulateFilterCampaign",
        "simulateHysplitTdump",
        "simulateMonitoring",
        "simulatePm25Composition",
        "simulatePmfInput",
        "simulatePolarYear",
        "simulatePolarRetrofit",
        "simulateRemoteSensing",
        "simulateForecastStation",
        "simulateTrajectories",
        "simulateTrajectoryExample",
        "simulateXactExport",
        "simulateXactYear",
        "simulateCityStations",
        "simulateCnemcDay",
        "simulateTenterLogs",
        "simulateXianObmDays",
        "simulateVocCanisters",
        "simulateTwoCityPmf",
      ].sort(),
    );
    const sim = req("aozora/simulate") as Record<string, unknown>;
    expect(simulators.filter((s) => typeof sim[s] !== "function")).toEqual([]);
    for (const k of subpaths.filter((s) => s !== "./simulate")) {
      const names = Object.keys(req(`aozora${k.slice(1)}`) as object);
      expect(
        names.filter((n) => /^simulate[A-Z]/.test(n)),
        k,
      ).toEqual([]);
    }
  });

  it("TypeScript resolves the types of a subpath import (nodenext and node10), as an installed package", () => {
    // a consumer project: node_modules/aozora -> this package
    const consumer = mkdtempSync(join(tmpdir(), "aozora-consumer-"));
    mkdirSync(join(consumer, "node_modules"));
    symlinkSync(ROOT, join(consumer, "node_modules", "aozora"), "dir");
    const file = join(consumer, "use.ts");
    writeFileSync(
      file,
      [
        'import { runPmf, readEpaPmf } from "aozora/pmf";',
        'import { windRose, pscf } from "aozora/openair";',
        'import { simulateTenterLogs } from "aozora/simulate";',
        'import type { ReadAccount } from "aozora/io";',
        'import { AqTable } from "aozora";',
        "export const used: unknown[] = [runPmf, readEpaPmf, windRose, pscf, simulateTenterLogs, AqTable];",
        "export type A = ReadAccount;",
      ].join("\n"),
    );
    for (const moduleResolution of [ts.ModuleResolutionKind.NodeNext, ts.ModuleResolutionKind.Node10]) {
      const program = ts.createProgram([file], {
        module: moduleResolution === ts.ModuleResolutionKind.NodeNext ? ts.ModuleKind.NodeNext : ts.ModuleKind.CommonJS,
        moduleResolution,
        target: ts.ScriptTarget.ES2022,
        strict: true,
        skipLibCheck: true,
        types: ["node"],
        typeRoots: [join(ROOT, "node_modules", "@types")],
        noEmit: true,
      });
      const diags = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(diags, `moduleResolution ${ts.ModuleResolutionKind[moduleResolution]}`).toEqual([]);
      // the declarations come from dist/, as a user of the package gets them
      const resolved = program.getSourceFiles().map((s) => s.fileName);
      expect(resolved).toContain(join(ROOT, "dist", "sourceapport", "index.d.ts"));
      expect(resolved).toContain(join(ROOT, "dist", "openair.d.ts"));
    }
  });

  it("the command-line entry (package.json bin) is the compiled src/cli/main.ts", () => {
    expect(PKG.bin.aozora).toBe("dist/cli/main.js");
    expect(existsSync(join(ROOT, PKG.bin.aozora))).toBe(true);
    expect(readFileSync(join(ROOT, "src", "cli", "main.ts"), "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
  });
});
