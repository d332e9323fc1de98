// Fuzz worker: runs one reader on one input and reports the outcome. It loads the readers from
// the CommonJS transpile of src/ made by readers.test.ts (workerData.root), runs in a worker
// thread with a heap limit, and is terminated by the test when an input exceeds its time budget.
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");

const load = (p) => require(join(workerData.root, p));
const { AozoraInputError } = load("io/errors");
const { checkAccount } = load("io/account");
const { AqTable } = load("table/table");

const CN = { utcOffset: "+08:00" };
/** Reader name → run on the input files, returning the accounts (or [] for table readers). */
const READERS = {
  monitoring: ([f]) => [load("io/monitoring").readMonitoringTable(f, CN).account],
  monitoringXlsx: ([f]) => [load("io/monitoring").readMonitoringTable(f, { utcOffset: "JP" }).account],
  monitoringXlsxSheet: ([f]) => [load("io/monitoring").readMonitoringTable(f, { utcOffset: "JP" }).account],
  epapmf: ([c, u]) => {
    const d = load("sourceapport/read-epapmf").readEpaPmf(c, u, { unit: "µg/m3", utcOffset: "+08:00" });
    return [d.accounts.concentration, d.accounts.uncertainty];
  },
  xact: ([f]) => [load("metals/read-xact").readXact(f, CN).account],
  hysplit: ([f]) => [load("trajectory/read-hysplit").readHysplit(f).account],
  soramame: ([f]) => [load("network/soramame").readSoramame(f).account],
  nies: ([f]) => [load("network/nies").readNiesHourly(f).account],
  voc: ([f]) => [load("models/voc/read").readVocTable(f, CN).account],
  profiles: ([f]) => [load("profiles/read").readProfiles(f).account],
  speciate: ([f]) => [load("profiles/read").readSpeciate(f).account],
  dilution: ([f]) => [load("profiles/read").readDilutionTunnel(f).account],
  remoteSensing: ([f]) => [load("remotesensing/read").readRemoteSensing(f, CN).account],
  machineLog: ([f]) => [load("models/energy/read-machinelog").readMachineLog(f, CN).account],
  stack: ([f]) => [load("models/energy/read-machinelog").readStackMeasurements(f, CN).account],
  arrow: ([f]) => {
    const t = load("io/arrow").readArrow(f, { defaultUnit: "1", utcOffset: "+08:00" });
    if (!(t instanceof AqTable)) throw new Error("readArrow returned no table");
    return [];
  },
  parquet: async ([f]) => {
    const t = await load("io/parquet").readParquet(f, { defaultUnit: "1", utcOffset: "+08:00" });
    if (!(t instanceof AqTable)) throw new Error("readParquet returned no table");
    return [];
  },
};

parentPort.on("message", async (m) => {
  const t0 = performance.now();
  const files = m.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }));
  try {
    const accounts = await READERS[m.reader](files);
    for (const a of accounts) {
      checkAccount(a);
      for (const c of a.cellChanges)
        if (!(Number.isInteger(c.row) && c.row >= 1)) throw new Error(`cell change with row ${c.row}`);
    }
    parentPort.postMessage({ outcome: "read", ms: performance.now() - t0 });
  } catch (e) {
    const ms = performance.now() - t0;
    if (e instanceof AozoraInputError && e.file !== "" && e.expected !== "")
      parentPort.postMessage({ outcome: "rejected", ms, message: e.message.slice(0, 300) });
    else parentPort.postMessage({ outcome: "crash", ms, message: String((e && e.stack) || e).slice(0, 1500) });
  }
});
