import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "xlsx";
import { simulateMonitoring } from "./monitoring";
import { simulatePmfInput } from "./pmf";
import { simulateXactExport } from "./xact";
import { simulateHysplitTdump } from "./hysplit";
import { simulatePm25Composition } from "./pm25sources";
import { simulateTrajectoryExample } from "./trajectories";
import { simulateFilterCampaign } from "./filtercampaign";
import { simulateDilutionTunnel, simulateSpeciateProfiles } from "./dilutiontunnel";
import { simulateRemoteSensing } from "./rsd";
import { simulateXactYear } from "./xactyear";
import { simulateVocCanisters } from "./voccanister";
import { simulateCityStations } from "./stations";
import { simulateTenterLogs } from "./tenter";
import { simulateXianObmDays } from "./xianobm";

/** The seeds and settings of the shipped example data (data/README.md documents them). */
export const EXAMPLE_SETTINGS = {
  monitoring: { seed: 20250101, start: "2025-01-01T00:00", hours: 24 * 14, utcOffsetMinutes: 480 },
  monitoringJa: { seed: 20250102, start: "2025-04-01T01:00", hours: 24 * 7, utcOffsetMinutes: 540 },
  pmf: { seed: 20250103, n: 240 },
  pm25: { seed: 20250105, days: 365, start: "2024-01-01" },
  xact: { seed: 20250104, start: "2025-01-01T01:00", hours: 72 },
  filterCampaign: { seed: 20250108, days: 60, start: "2025-01-06" },
  dilutionTunnel: { seed: 20250110, gasoline: 5, diesel: 5 },
  speciate: { seed: 20250111 },
  rsd: { seed: 20250112, vehicles: 2500, passes: 5000, days: 10, start: "2025-05-06" },
  xactYear: { seed: 20250106, start: "2025-01-01T00:00", days: 365, filterEveryDays: 3 },
  vocCanister: { seed: 20250106, start: "2024-07-01", days: 20, utcOffsetMinutes: 480, mXyleneFraction: 0.7 },
  xianStations: { seed: 20250106, start: "2025-05-01", days: 92, utcOffsetMinutes: 480 },
  xianObm: {
    seed: 20250113,
    start: "2024-07-15",
    days: 3,
    utcOffsetMinutes: 480,
    site: { lat: 34.26, lon: 108.94, altitudeM: 400 },
  },
  tenter: {
    seed: 20250107,
    beforeStart: "2025-03-01",
    afterStart: "2025-05-01",
    days: 30,
    intervalMinutes: 30,
    utcOffsetMinutes: 480,
  },
  hysplit: {
    lat: 33.88,
    lon: 130.88,
    heights: [100, 500, 1000],
    start: "2025-01-02T03:00",
    hours: 24,
    dlat: 0.12,
    dlon: -0.35,
  },
  trajectories: {
    seed: 20250106,
    start: "2025-01-01T00:00",
    arrivals: 248,
    everyHours: 3,
    hours: 72,
    utcOffsetMinutes: 480,
    perFile: 56,
    missing: 6,
    site: { lat: 31.23, lon: 121.47, height: 500 },
    source: { latMin: 33.5, latMax: 37.5, lonMin: 113.5, lonMax: 118.5 },
    species: [
      { name: "PM2.5", unit: "µg/m3", background: 35, sigma: 0.5, perHour: 3 },
      { name: "Pb", unit: "ng/m3", background: 15, sigma: 0.5, perHour: 1.5 },
    ],
  },
} as const;

function csvOf(rows: (string | number)[][]): string {
  return rows.map((r) => r.join(",")).join("\n") + "\n";
}

/**
 * Regenerate every example file in `outDir` (the project's `data/`) from the seeded simulators,
 * with a `*.truth.json` beside each holding the known truth for tests and notebooks.
 * Deterministic: the same settings give byte-identical files.
 */
export function writeExampleData(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const put = (name: string, content: string | Uint8Array) => {
    writeFileSync(join(outDir, name), content);
    written.push(name);
  };
  /** A simulator's CSV as `<stem>.csv` and its truth as `<stem>.truth.json`. */
  const putCsvAndTruth = (stem: string, r: { csv: string; truth: unknown }) => {
    put(`${stem}.csv`, r.csv);
    put(`${stem}.truth.json`, JSON.stringify(r.truth));
  };
  const s = EXAMPLE_SETTINGS;

  const mon = simulateMonitoring({ ...s.monitoring, lang: "en" });
  put("shenyang-hourly.csv", mon.csv);
  put("shenyang-hourly.truth.json", JSON.stringify(mon.truth, null, 1));

  // A Japanese-header workbook with Excel date-serial times (as a Japanese station export saved from Excel)
  const ja = simulateMonitoring({ ...s.monitoringJa, lang: "ja" });
  const lines = ja.csv
    .trim()
    .split("\n")
    .map((l) => l.split(","));
  const [head, ...body] = lines;
  const serial = (text: string) => Date.parse(text.replace(" ", "T") + "Z") / 86400000 + 25569;
  // numbers as numeric cells, codes (NA, <2) as text, empty as no cell, time as an Excel serial
  const rows = [
    head,
    ...body.map((r) => [serial(r[0]), ...r.slice(1).map((c) => (c === "" ? null : /^-?\d/.test(c) ? Number(c) : c))]),
  ];
  put("kawasaki-hourly.xlsx", xlsxFromRows(rows));
  put("kawasaki-hourly.truth.json", JSON.stringify(ja.truth, null, 1));

  const pmf = simulatePmfInput(s.pmf);
  const t0 = Date.UTC(2024, 0, 1);
  const dates = pmf.x.map((_, i) => {
    const d = new Date(t0 + i * 86400000);
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
  });
  put("pmf-synthetic-con.csv", csvOf([["Date", ...pmf.species], ...pmf.x.map((r, i) => [dates[i], ...r])]));
  put("pmf-synthetic-unc.csv", csvOf([["Date", ...pmf.species], ...pmf.s.map((r, i) => [dates[i], ...r])]));
  put("pmf-synthetic.truth.json", JSON.stringify(pmf.truth));

  const pm = simulatePm25Composition(s.pm25);
  put("shenyang-pm25-con.csv", csvOf([["Date", ...pm.species], ...pm.x.map((r, i) => [pm.dates[i], ...r])]));
  put("shenyang-pm25-unc.csv", csvOf([["Date", ...pm.species], ...pm.s.map((r, i) => [pm.dates[i], ...r])]));
  put("shenyang-pm25.truth.json", JSON.stringify(pm.truth));

  const xact = simulateXactExport(s.xact);
  put("xact-hourly.csv", xact.csv);
  put("xact-hourly.truth.json", JSON.stringify(xact.truth, null, 1));

  const xy = simulateXactYear(s.xactYear);
  put("shanghai-xact-2025.csv", xy.csv);
  put("shanghai-filter-2025.csv", xy.filterCsv);
  put("shanghai-xact-2025.truth.json", JSON.stringify(xy.truth, null, 1));
  const xian = simulateCityStations(s.xianStations);
  put("xian-stations.csv", xian.stationsCsv);
  for (const f of xian.files) put(`xian-hourly-${f.id.toLowerCase()}.csv`, f.csv);
  put("xian-hourly.truth.json", JSON.stringify(xian.truth));

  const traj = simulateHysplitTdump({ ...s.hysplit, heights: [...s.hysplit.heights] });
  put("tdump-backward.txt", traj.text);
  put("tdump-backward.truth.json", JSON.stringify(traj.truth, null, 1));

  const st = s.trajectories;
  const tx = simulateTrajectoryExample({
    ...st,
    site: { ...st.site },
    source: { ...st.source },
    species: st.species.map((x) => ({ ...x })),
  });
  tx.tdumps.forEach((text, k) => put(`shanghai-tdump-${k + 1}.txt`, text));
  put("shanghai-trajectory-conc.csv", tx.csv);
  put("shanghai-trajectories.truth.json", JSON.stringify(tx.truth));
  const fc = simulateFilterCampaign(s.filterCampaign);
  put("filter-campaign-lab-a.csv", fc.labA);
  put("filter-campaign-lab-b.csv", fc.labB);
  put("filter-campaign-blanks.csv", fc.blanks);
  put("filter-campaign.truth.json", JSON.stringify(fc.truth));
  putCsvAndTruth("dilution-tunnel-tests", simulateDilutionTunnel(s.dilutionTunnel));
  putCsvAndTruth("source-profiles-speciate", simulateSpeciateProfiles(s.speciate));
  putCsvAndTruth("xiamen-rsd", simulateRemoteSensing(s.rsd));
  const voc = simulateVocCanisters(s.vocCanister);
  put("xian-voc-canister.csv", voc.csv);
  put("xian-voc-canister-zh.csv", voc.csvZh);
  put("xian-voc-canister.truth.json", JSON.stringify(voc.truth));
  const obm = simulateXianObmDays({ ...s.xianObm, site: { ...s.xianObm.site } });
  put("xian-obm-hourly.csv", obm.csv);
  put("xian-obm-hourly.truth.json", JSON.stringify(obm.truth, null, 1));
  const tenter = simulateTenterLogs({ ...s.tenter });
  put("changshu-tenter-log.csv", tenter.logCsv);
  put("changshu-tenter-stack.csv", tenter.stackCsv);
  put("changshu-tenter.truth.json", JSON.stringify(tenter.truth, null, 1));
  return written;
}

function xlsxFromRows(rows: (string | number | null)[][]): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "1時間値");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Uint8Array;
}
