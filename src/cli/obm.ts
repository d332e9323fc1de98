import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { summariseAccount } from "../io/account";
import { writeCsv } from "../io/write";
import type { Lang } from "../figures/labels";
import { saveFigure } from "../figures/render";
import { AqTable } from "../table/table";
import { formatInstant } from "../table/time";
import { compileMechanism } from "../photochem/compile";
import { loadCsqy } from "../photochem/csqy";
import { readChemmech } from "../photochem/read-mechanism";
import {
  DEFAULT_DEPOSITION_VELOCITY_CM_PER_S,
  relativeIncrementalReactivity,
  runObm,
  type ObmOptions,
  type ObmResult,
  type RirResult,
} from "../photochem/obm";
import { obmObservationsFromTable, type ObmMechanismName } from "../photochem/obm-input";
import { obmBudgetSpec, obmRadicalsSpec, rirSpec } from "../photochem/figures-obm";
import { CliUsageError } from "./options";
import { inputOptions, readInput, type InputUse } from "./input";
import type { Verb } from "./verb";

/** What `obm` reads: one site's hourly table (times used). */
const OBM_INPUT: InputUse = {
  kinds: ["table"],
  times: true,
  oneSite: true,
  offsetHelp: "site offset of local timestamps (e.g. +08:00)",
  fileOption: "--obs",
};

/** The CMAQ v5.5 files of each mechanism in `<shared>/reference/mechanisms/`. */
export const OBM_MECHANISM_FILES: Readonly<Record<ObmMechanismName, { def: string; csqy: string }>> = {
  cb6r5: { def: "mech_cb6r5_ae7_aq.def", csqy: "CSQY_DATA_cb6r5_ae7_aq" },
  saprc07tc: { def: "mech_saprc07tc_ae6_aq.def", csqy: "CSQY_DATA_saprc07tc_ae6_aq" },
  racm2: { def: "mech_racm2_ae6_aq.def", csqy: "CSQY_DATA_racm2_ae6_aq" },
};

/** The shared reference folder: `$AOZORA_SHARED`, else `../shared` beside the project (as `npm run validate`). */
function sharedFolder(): string {
  return resolve(process.env.AOZORA_SHARED ?? join(__dirname, "..", "..", "..", "shared"));
}

function siteOf(text: string): { lat: number; lon: number; altitudeM: number } {
  const p = text.split(",").map((s) => (s.trim() === "" ? NaN : Number(s)));
  const ok =
    (p.length === 2 || p.length === 3) &&
    p.every(Number.isFinite) &&
    Math.abs(p[0]) <= 90 &&
    Math.abs(p[1]) <= 180 &&
    (p.length === 2 || (p[2] >= -500 && p[2] <= 9000));
  if (!ok)
    throw new CliUsageError(
      "--site",
      "LAT,LON[,ALT_M] in degrees and metres (latitude in [−90, 90], longitude in [−180, 180], altitude in [−500, 9000] m)",
      text,
    );
  return { lat: p[0], lon: p[1], altitudeM: p.length === 3 ? p[2] : 0 };
}

const f = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : "NA");

/**
 * `aozora obm --obs FILE --site LAT,LON[,ALT] [--mechanism cb6r5|saprc07tc|racm2] [--mechanism-file F]
 * [--csqy-file F] [--spin-up-days N] [--dilution PER_S] [--blh M|COLUMN] [--o3-deposition CM_PER_S]
 * [--o3 free|held] [--nox family|hold] [--rir] [--json] [--out DIR]`: the observation-based box model on an hourly table (`runObm`; VOC columns mapped with
 * `mapVocToMechanism`, columns decided by `obmObservationsFromTable`).
 */
export const obmVerb: Verb = {
  name: "obm",
  summary: "observation-based box model (CMAQ CB6r5/SAPRC-07TC/RACM2): OH, HO2, RO2, O3 budget in ppb/h, RIR",
  usage:
    "--obs HOURLY.csv --site LAT,LON[,ALT_M] [--mechanism cb6r5|saprc07tc|racm2] [--spin-up-days N] [--rir] [--json] [--out DIR] ...",
  description: `Observation-based box model: the hourly table's VOCs (mapped to the mechanism's species,
the mapping printed), NO, NO2, O3, CO (and any column named as a model species), T, RH, P and J(NO2)
constrain a CMAQ mechanism (read from $AOZORA_SHARED/reference/mechanisms or --mechanism-file, with
clear-sky photolysis from the CSQY file or --csqy-file), run after spin-up days. Prints hourly O3, OH,
HO2, RO2, P(O3), L(O3) and net P(O3); --rir adds the relative incremental reactivity (20 % cuts) of
AVOC, BVOC, CO and NOx; --json the full result; --out writes CSVs and figures (SVG + PNG).`,
  json: true,
  options: {
    obs: {
      type: "string",
      value: "HOURLY.csv",
      required: true,
      fs: "input-file",
      help: "hourly observations: a time column, VOC species, NO, NO2, O3, CO, T, RH, P, JNO2 (units in the headers)",
    },
    mechanism: {
      type: "string",
      choices: ["cb6r5", "saprc07tc", "racm2"],
      default: "cb6r5",
      help: "CMAQ v5.5 mechanism (racm2: no cited VOC mapping; only columns named as RACM2 species are used)",
    },
    "mechanism-file": {
      type: "string",
      value: "F.def",
      fs: "input-file",
      help: "CMAQ CHEMMECH .def file (default: the mechanism's file in $AOZORA_SHARED/reference/mechanisms)",
    },
    "csqy-file": {
      type: "string",
      value: "CSQY_DATA_F",
      fs: "input-file",
      help: "CMAQ CSQY_DATA photolysis tables (default: the mechanism's file beside the .def)",
    },
    site: {
      type: "string",
      value: "LAT,LON[,ALT_M]",
      required: true,
      help: "site latitude and longitude (degrees) and altitude (m, default 0) for the solar zenith angle",
    },
    "spin-up-days": {
      type: "number",
      integer: true,
      min: 0,
      max: 10,
      default: 3,
      help: "repetitions of the first 24 h before the run (F0AM's InputReplicate)",
    },
    dilution: {
      type: "number",
      min: 0,
      max: 0.01,
      default: 1 / 86400,
      unit: "s-1",
      value: "PER_S",
      help: "first-order dilution of the unconstrained species (F0AM's kdil; default 1/86400 = 1 per day)",
    },
    blh: {
      type: "string",
      value: "M|COLUMN",
      help: "boundary-layer height: a constant in m, or the obs file's column of it (m or km, e.g. BLH for \"BLH (m)\"); sets the O3 deposition rate v_d/BLH and, where it grows, entrainment towards the background (default 1000 m, F0AM's InitializeMet)",
    },
    "o3-deposition": {
      type: "number",
      min: 0,
      max: 10,
      default: DEFAULT_DEPOSITION_VELOCITY_CM_PER_S.O3,
      unit: "cm/s",
      value: "CM_PER_S",
      help: "dry-deposition velocity of a free O3, k = v_d/(100·BLH) (default 1 cm/s, F0AM's ExampleDepositionRxn; 0 switches deposition off)",
    },
    o3: {
      type: "string",
      choices: ["free", "held"],
      default: "free",
      help: "O3: free (initialised at the first hour, then produced by the chemistry, F0AM's diel example) or held at the observations",
    },
    nox: {
      type: "string",
      choices: ["family", "hold"],
      default: "family",
      help: "NO + NO2 reset hourly to the observed total (family, F0AM's FixNOx) or both held at the observations",
    },
    rir: { type: "boolean", help: "relative incremental reactivity of AVOC, BVOC, CO and NOx (20 % reductions)" },
    out: {
      type: "string",
      value: "DIR",
      fs: "output-dir",
      help: "folder for obm-hourly.csv, obm-voc-mapping.csv, obm-rir.csv and the figures",
    },
    lang: { type: "string", choices: ["en", "ja", "zh"], default: "en", help: "language of the figures' labels" },
    ...inputOptions(OBM_INPUT),
  },
  async run(values, out, err) {
    const file = values.obs as string;
    const mechanism = values.mechanism as ObmMechanismName;
    const site = siteOf(String(values.site));
    const lang = String(values.lang) as Lang;
    const shared = join(sharedFolder(), "reference", "mechanisms");
    const defFile =
      typeof values["mechanism-file"] === "string"
        ? values["mechanism-file"]
        : join(shared, OBM_MECHANISM_FILES[mechanism].def);
    if (!existsSync(defFile))
      throw new CliUsageError(
        "--mechanism-file",
        `a CMAQ .def file (${OBM_MECHANISM_FILES[mechanism].def} is not in ${shared}; set AOZORA_SHARED or give --mechanism-file)`,
        undefined,
      );
    const csqyFile =
      typeof values["csqy-file"] === "string" ? values["csqy-file"] : join(shared, OBM_MECHANISM_FILES[mechanism].csqy);
    if (!existsSync(csqyFile))
      throw new CliUsageError(
        "--csqy-file",
        `CMAQ photolysis tables (${OBM_MECHANISM_FILES[mechanism].csqy} is not in ${shared}; give --csqy-file)`,
        undefined,
      );

    const blhText = typeof values.blh === "string" ? values.blh.trim() : undefined;
    const blhConstant =
      blhText !== undefined && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(blhText) ? Number(blhText) : undefined;
    if (blhConstant !== undefined && !(blhConstant > 0 && blhConstant <= 10000))
      throw new CliUsageError(
        "--blh",
        "a boundary-layer height in (0, 10000] m, or the name of a column of the obs file",
        blhText,
      );
    const o3Deposition = values["o3-deposition"] as number;
    const read = readInput(file, values, OBM_INPUT, err);
    // CB6r5 <CL13> writes 8.3-11 without the E: read as CMAQ's Fortran reads it, and recorded in mech.changes
    const mech = readChemmech(defFile, { lenientExponent: true });
    const compiled = compileMechanism(mech);
    const csqy = loadCsqy(csqyFile);
    const t = obmObservationsFromTable(read.table, {
      mechanism,
      species: compiled.system.species,
      file,
      account: read.accounts[0],
      ...(blhText !== undefined && blhConstant === undefined ? { boundaryLayerHeightColumn: blhText } : {}),
    });
    for (const x of t.notInMechanism)
      err(`obm: model species ${x.species} (from ${x.inputs.join(", ")}) is not a species of ${defFile}: not used`);
    if (t.vocNotMapped.length)
      err(`obm: no cited VOC mapping for ${mechanism}: VOC columns not used: ${t.vocNotMapped.join(", ")}`);
    const opts: ObmOptions = {
      site,
      photolysis: { csqy },
      spinUpDays: values["spin-up-days"] as number,
      dilutionPerSec: values.dilution as number,
      free: values.o3 === "held" ? [] : ["O3"],
      nox: values.nox as "family" | "hold",
      depositionVelocityCmPerSec: o3Deposition > 0 ? { O3: o3Deposition } : {},
      ...(blhConstant !== undefined
        ? { boundaryLayerHeightM: blhConstant }
        : t.boundaryLayerHeightM
          ? { boundaryLayerHeightM: t.boundaryLayerHeightM }
          : {}),
    };
    let result: ObmResult;
    let rir: RirResult | undefined;
    if (values.rir) {
      rir = relativeIncrementalReactivity(compiled, t.obs, opts, t.rirGroups);
      result = rir.base;
    } else result = runObm(compiled, t.obs, opts);

    const offset = read.table.utcOffsetMinutes ?? 0;
    const local = result.timesUtc.map((x) => formatInstant(x, offset));
    const mapping = t.vocMapping
      ? {
          mapped: t.vocMapping.mapped.map((m) => ({
            input: m.input,
            id: m.id,
            terms: m.terms.map((x) => ({
              species: x.species,
              surrogate: x.surrogate,
              molesPerMole: x.molesPerMole,
              line: x.line,
            })),
            partlyNotModelled: m.partlyNotModelled,
          })),
          unmapped: t.vocMapping.unmapped,
          source: t.vocMapping.source,
        }
      : undefined;
    const rirOut = rir
      ? {
          reduction: rir.reduction,
          basePO3: rir.basePO3,
          basePO3Unit: "ppb (net P(O3) summed over the daytime hours)",
          groups: rir.groups,
        }
      : undefined;

    if (typeof values.out === "string") {
      const dir = resolve(values.out);
      const b = result.budget;
      const cols: Record<string, Float64Array | number[]> = {
        time: result.timesUtc,
        O3: result.ppb.O3,
        NO: result.ppb.NO,
        NO2: result.ppb.NO2,
        OH: result.radicals.OH,
        HO2: result.radicals.HO2,
        RO2: result.radicals.RO2,
        "P(O3)": b.P,
        "L(O3)": b.L,
        "net P(O3)": b.net,
      };
      const info: Record<string, { unit?: string; kind?: "time" }> = { time: { kind: "time" } };
      for (const k of ["O3", "NO", "NO2"]) info[k] = { unit: "ppb" };
      for (const k of ["OH", "HO2", "RO2"]) info[k] = { unit: "molecules/cm3" };
      for (const k of ["P(O3)", "L(O3)", "net P(O3)"]) info[k] = { unit: "ppb/h" };
      for (const [k, s] of [...Object.entries(b.production), ...Object.entries(b.loss)]) {
        cols[k] = s;
        info[k] = { unit: "ppb/h" };
      }
      writeCsv(AqTable.create(cols, info, { column: "time", utcOffsetMinutes: offset }), join(dir, "obm-hourly.csv"));
      if (t.vocMapping) {
        const rows = t.vocMapping.mapped.flatMap((m) =>
          m.terms.map((x) => ({
            input: m.input,
            id: m.id,
            species: x.species ?? "(not modelled)",
            mpm: x.molesPerMole,
            line: x.line,
          })),
        );
        const un = t.vocMapping.unmapped;
        writeCsv(
          AqTable.create(
            {
              input: [...rows.map((r) => r.input), ...un.map((u) => u.input)],
              registry: [...rows.map((r) => r.id), ...un.map(() => "")],
              "model species": [...rows.map((r) => r.species), ...un.map(() => "")],
              "moles per mole": [...rows.map((r) => r.mpm), ...un.map(() => NaN)],
              "Speciation Tool line": [...rows.map((r) => r.line), ...un.map(() => NaN)],
              status: [...rows.map(() => "mapped"), ...un.map((u) => `${u.reason}: ${u.detail}`)],
            },
            { "moles per mole": { unit: "mol/mol" }, "Speciation Tool line": { unit: "1" } },
          ),
          join(dir, "obm-voc-mapping.csv"),
        );
      }
      if (rir) {
        const g = Object.entries(rir.groups);
        writeCsv(
          AqTable.create(
            {
              group: g.map(([k]) => k),
              species: g.map(([, v]) => v.species.join(" ")),
              RIR: g.map(([, v]) => v.rir),
              "reduced P(O3)": g.map(([, v]) => v.reducedPO3),
              "base P(O3)": g.map(() => rir!.basePO3),
            },
            { RIR: { unit: "1" }, "reduced P(O3)": { unit: "ppb" }, "base P(O3)": { unit: "ppb" } },
          ),
          join(dir, "obm-rir.csv"),
        );
      }
      await saveFigure(obmBudgetSpec(result, { utcOffset: offset, lang }), join(dir, `obm-budget-${lang}`));
      await saveFigure(obmRadicalsSpec(result, { utcOffset: offset, lang }), join(dir, `obm-radicals-${lang}`));
      if (rir) await saveFigure(rirSpec(rir, { lang }), join(dir, `obm-rir-${lang}`));
    }

    if (values.json) {
      out(
        JSON.stringify(
          {
            file,
            input: read.input,
            mechanism: {
              name: mechanism,
              file: defFile,
              csqy: csqyFile,
              reactions: compiled.system.reactions.length,
              species: compiled.system.species.length,
              excluded: compiled.excluded.length,
              changes: mech.changes,
            },
            site,
            settings: {
              ...opts,
              photolysis: result.method.photolysis,
              ...(t.boundaryLayerHeightM ? { boundaryLayerHeightM: Array.from(t.boundaryLayerHeightM) } : {}),
            },
            columns: t.columns,
            unused: t.unused,
            vocMapping: mapping,
            vocNotMapped: t.vocNotMapped,
            notInMechanism: t.notInMechanism,
            constraints: result.constraints,
            method: result.method,
            times: local,
            daytime: result.daytime,
            units: {
              ppb: "nmol/mol",
              radicals: "molecules cm-3",
              budget: "ppb h-1 (rates at the end of each interval with that interval's rate constants)",
            },
            ppb: Object.fromEntries(Object.entries(result.ppb).map(([k, v]) => [k, Array.from(v)])),
            radicals: {
              OH: Array.from(result.radicals.OH),
              HO2: Array.from(result.radicals.HO2),
              RO2: Array.from(result.radicals.RO2),
            },
            budget: {
              production: Object.fromEntries(
                Object.entries(result.budget.production).map(([k, v]) => [k, Array.from(v)]),
              ),
              loss: Object.fromEntries(Object.entries(result.budget.loss).map(([k, v]) => [k, Array.from(v)])),
              P: Array.from(result.budget.P),
              L: Array.from(result.budget.L),
              net: Array.from(result.budget.net),
              terms: result.budget.terms,
            },
            rir: rirOut,
            account: summariseAccount(read.accounts[0]),
          },
          null,
          1,
        ),
      );
      return 0;
    }
    out(
      `${file}: ${local.length} hours; mechanism ${mechanism} (${defFile}: ${compiled.system.species.length} species, ${compiled.system.reactions.length} reactions); spin-up ${opts.spinUpDays} d, dilution ${f(opts.dilutionPerSec!, 7)} s-1, BLH ${blhConstant !== undefined ? `${blhConstant} m` : t.boundaryLayerHeightM ? `from column ${blhText}` : "1000 m (default)"}, O3 deposition ${o3Deposition > 0 ? `${o3Deposition} cm/s` : "off"}, O3 ${values.o3}, NOx ${values.nox}`,
    );
    if (t.vocMapping) {
      const v = t.vocMapping;
      out(
        `VOC mapping (US EPA Speciation Tool ${v.source.commit.slice(0, 7)}): ${v.mapped.length} inputs mapped to ${Object.keys(v.species).length} model species; unmapped: ${v.unmapped.map((u) => `${u.input} (${u.reason})`).join(", ") || "none"}`,
      );
      for (const m of v.mapped)
        out(
          `  ${m.input} → ${m.terms.map((x) => `${x.molesPerMole} ${x.species ?? `${x.surrogate} (not modelled)`}`).join(" + ")}`,
        );
    }
    out(
      `held: ${result.constraints.held.join(" ")}; NOx family: ${result.constraints.noxFamily.join(" ") || "-"}; free: ${result.constraints.initialisedOnly.join(" ") || "-"}`,
    );
    if (t.unused.length) out(`columns not used: ${t.unused.map((u) => `${u.header} (${u.reason})`).join("; ")}`);
    out("time (end of hour)\tO3 ppb\tOH 1e6/cm3\tHO2 1e8/cm3\tRO2 1e8/cm3\tP(O3) ppb/h\tL(O3) ppb/h\tnet ppb/h");
    result.timesUtc.forEach((_, i) =>
      out(
        [
          local[i].slice(0, 16),
          f(result.ppb.O3[i], 1),
          f(result.radicals.OH[i] / 1e6, 2),
          f(result.radicals.HO2[i] / 1e8, 2),
          f(result.radicals.RO2[i] / 1e8, 2),
          f(result.budget.P[i], 2),
          f(result.budget.L[i], 2),
          f(result.budget.net[i], 2),
        ].join("\t"),
      ),
    );
    if (rir) {
      out(`RIR (20 % reductions; base daytime net P(O3) ${f(rir.basePO3, 1)} ppb):`);
      for (const [g, v] of Object.entries(rir.groups)) out(`  ${g}\t${f(v.rir, 3)}\t(${v.species.join(" ")})`);
    }
    return 0;
  },
};
