/**
 * The bad-input corpus: every file in test/bad-input/<reader>/ has at least one case in
 * manifest.json saying what the reader must do with it — throw an AozoraInputError with the
 * given file, row, column and reason, or read it with the given account and values.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { interlab, io, qa } from "./readers";
import { checkAccount, type ReadAccount } from "../../src/io/account";
import { AozoraInputError } from "../../src/io/errors";
import { toCsv, toXlsx } from "../../src/io/write";
import type { AqTable } from "../../src/table/table";

const DIR = __dirname;

interface ErrorExpectation {
  file: string;
  row?: number;
  column?: string;
  columnNumber?: number;
  expected: string;
  found?: string;
}
interface Case {
  id: string;
  reader: string;
  files: string[];
  options: Record<string, unknown>;
  error?: ErrorExpectation;
  result?: Record<string, any>;
}

const manifest: { cases: Case[] } = JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8"));

/** What a reader gives back, in a common shape for the checks. */
interface Outcome {
  account: ReadAccount;
  table?: AqTable;
  uncertainty?: AqTable;
  extra: Record<string, unknown>;
}

const READERS: Record<string, (paths: string[], o: any) => Outcome> = {
  monitoring: ([p], o) => {
    const r = io.readMonitoringTable(p, o);
    return { account: r.account, table: r.table, extra: {} };
  },
  epapmf: ([c, u], o) => {
    const r = io.readEpaPmf(c, u, o);
    checkAccount(r.accounts.uncertainty);
    return { account: r.accounts.concentration, table: r.concentration, uncertainty: r.uncertainty, extra: {} };
  },
  xact: ([p], o) => {
    const r = io.readXact(p, o);
    return {
      account: r.account,
      table: r.table,
      extra: { elements: r.elements, notAnalysed: r.notAnalysed, notDetected: r.notDetected },
    };
  },
  hysplit: ([p]) => {
    const r = io.readHysplit(p);
    return { account: r.account, table: r.endpoints, extra: {} };
  },
  hysplitfiles: (ps, o) => {
    const r = io.readHysplitFiles(ps, o);
    r.accounts.forEach(checkAccount);
    const sum = (k: "inputRows" | "keptRows") => r.accounts.reduce((s, a) => s + a[k], 0);
    return {
      account: {
        ...r.accounts[0],
        inputRows: sum("inputRows"),
        keptRows: sum("keptRows"),
        setAside: r.accounts.flatMap((a) => a.setAside),
      },
      table: r.endpoints,
      extra: {},
    };
  },
  profiles: ([p], o) => {
    const r = io.readProfiles(p, o);
    return { account: r.account, extra: { profiles: r.profiles } };
  },
  speciate: ([p], o) => {
    const r = io.readSpeciate(p, o);
    return { account: r.account, extra: { profiles: r.profiles } };
  },
  dilution: ([p], o) => {
    const r = io.readDilutionTunnel(p, o);
    return { account: r.account, extra: { rows: r.rows } };
  },
  remotesensing: ([p], o) => {
    const r = io.readRemoteSensing(p, o);
    return {
      account: r.account,
      extra: { times: Array.from(r.records.time), numbers: { speed: Array.from(r.records.speed) } },
    };
  },
  voc: ([p], o) => {
    const r = io.readVocTable(p, o);
    return {
      account: r.account,
      extra: {
        times: r.times && Array.from(r.times),
        vocColumns: Object.fromEntries(r.columns.map((c) => [c.match.id, Array.from(c.values)])),
      },
    };
  },
  samples: ([p], o) => {
    const r = qa.readSampleTable(p, o);
    return { account: r.account, table: r.table, extra: {} };
  },
  labpair: ([a, b], o) => {
    const r = interlab.readLabPair(a, b, o);
    return {
      account: r.reads[0].account,
      extra: { ids: r.ids, unmatched: r.unmatched.map((u) => [u.lab, u.row, u.sample]) },
    };
  },
};

/** NaN as null, so that lists compare with toEqual. */
const nn = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Number.isNaN(x) ? null : x));
const iso = (xs: ArrayLike<number>) => Array.from(xs, (x) => new Date(x).toISOString());

function checkResult(c: Case, out: Outcome): void {
  const want = c.result!;
  const a = out.account;
  checkAccount(a);
  if (want.inputRows !== undefined) expect(a.inputRows).toBe(want.inputRows);
  if (want.keptRows !== undefined) expect(a.keptRows).toBe(want.keptRows);
  if (want.setAside !== undefined) expect(a.setAside.map((s) => [s.row, s.reason])).toEqual(want.setAside);
  if (want.flagged !== undefined) expect(a.flagged.map((s) => [s.row, s.reason])).toEqual(want.flagged);
  if (want.cellChanges !== undefined)
    expect(a.cellChanges.map((x) => [x.row, x.column, x.original, x.reason])).toEqual(want.cellChanges);
  const t = out.table;
  if (want.names !== undefined) expect(t!.names).toEqual(want.names);
  if (want.units !== undefined) for (const [k, u] of Object.entries(want.units)) expect(t!.unit(k)).toBe(u);
  if (want.utcOffsetMinutes !== undefined) expect(t!.utcOffsetMinutes).toBe(want.utcOffsetMinutes);
  if (want.times !== undefined) expect(iso(t ? t.times() : (out.extra.times as number[]))).toEqual(want.times);
  if (want.numbers !== undefined) {
    for (const [k, v] of Object.entries(want.numbers as Record<string, (number | null)[]>)) {
      const got = t ? t.numbers(k) : (out.extra.numbers as Record<string, number[]>)[k];
      expect(nn(got), k).toEqual(v);
    }
  }
  if (want.uncertainty !== undefined)
    for (const [k, v] of Object.entries(want.uncertainty)) expect(nn(out.uncertainty!.numbers(k)), k).toEqual(v);
  if (want.strings !== undefined) for (const [k, v] of Object.entries(want.strings)) expect(t!.strings(k)).toEqual(v);
  for (const k of ["elements", "notAnalysed", "notDetected", "ids", "unmatched"])
    if (want[k] !== undefined) expect(out.extra[k], k).toEqual(want[k]);
  if (want.vocColumns !== undefined) expect(out.extra.vocColumns).toEqual(want.vocColumns);
  if (want.profiles !== undefined) {
    const got = out.extra.profiles as {
      name: string;
      code?: string;
      category: string;
      species: string[];
      fraction: number[];
      uncertainty: number[];
    }[];
    expect(got.length).toBe(want.profiles.length);
    want.profiles.forEach((w: any, i: number) => {
      const g = got[i];
      expect(g.name).toBe(w.name);
      if (w.code !== undefined) expect(g.code).toBe(w.code);
      if (w.category !== undefined) expect(g.category).toBe(w.category);
      expect(g.species).toEqual(w.species);
      const close = (xs: number[], ws: (number | null)[]) =>
        ws.forEach((x, k) => (x === null ? expect(xs[k]).toBeNaN() : expect(xs[k]).toBeCloseTo(x, 15)));
      close(g.fraction, w.fraction);
      if (w.uncertainty) close(g.uncertainty, w.uncertainty);
    });
  }
  if (want.exportCsv !== undefined) expect(toCsv(t!).split("\r\n")).toEqual(want.exportCsv);
  if (want.exportXlsx !== undefined) {
    const ws = XLSX.read(toXlsx(t!), { type: "buffer" }).Sheets.data;
    for (const [ref, v] of Object.entries(want.exportXlsx)) {
      expect(ws[ref].v, ref).toBe(v);
      expect(ws[ref].f, ref).toBeUndefined();
    }
  }
}

function checkError(c: Case, run: () => unknown): void {
  let err: unknown;
  try {
    run();
  } catch (e) {
    err = e;
  }
  expect(err, "expected an AozoraInputError").toBeInstanceOf(AozoraInputError);
  const e = err as AozoraInputError;
  const w = c.error!;
  expect(basename(e.file)).toBe(w.file);
  expect(e.row).toBe(w.row);
  expect(e.column).toBe(w.column);
  if (w.columnNumber !== undefined || e.column === undefined) expect(e.columnNumber).toBe(w.columnNumber);
  expect(e.expected).toContain(w.expected);
  if (w.found !== undefined) expect(e.found).toBe(w.found);
}

describe("bad-input corpus", () => {
  it("every file in the corpus has a case, every case names existing files and a known reader", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(relative(DIR, p).split("\\").join("/"));
      }
    };
    for (const n of readdirSync(DIR)) if (statSync(join(DIR, n)).isDirectory()) walk(join(DIR, n));
    const named = new Set(manifest.cases.flatMap((c) => c.files));
    expect(
      files.filter((f) => !named.has(f)),
      "files without a case in manifest.json",
    ).toEqual([]);
    expect(
      [...named].filter((f) => !files.includes(f)),
      "cases naming missing files",
    ).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const c of manifest.cases) {
      expect(READERS[c.reader], c.id).toBeDefined();
      expect(c.error === undefined, `${c.id}: exactly one of error/result`).toBe(c.result !== undefined);
    }
    expect(new Set(manifest.cases.map((c) => c.id)).size).toBe(manifest.cases.length);
  });

  for (const c of manifest.cases) {
    it(`${c.reader}: ${c.id}`, () => {
      const run = () =>
        READERS[c.reader](
          c.files.map((f) => join(DIR, f)),
          c.options,
        );
      if (c.error) checkError(c, run);
      else checkResult(c, run());
    });
  }
});
