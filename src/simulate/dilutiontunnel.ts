import { Rng } from "../random/rng";
import { PM25_SOURCES, simulatePm25Composition } from "./pm25sources";
import { provenance, type Provenance } from "../provenance";

/** The vehicle profile of the PM2.5 simulation as fractions of PM2.5 (species order of PM25_SPECIES; PM2.5 = 1). */
function pm25Profiles(): { species: string[]; F: number[][] } {
  const t = simulatePm25Composition({ seed: 1, days: 1 }).truth;
  const jt = t.species.indexOf("PM2.5");
  return { species: t.species, F: t.F.map((row) => row.map((v) => v / row[jt])) };
}

/** Known truth of {@link simulateDilutionTunnel}. */
export interface DilutionTunnelTruth {
  seed: number;
  species: string[];
  /** True fractions (g/g of PM2.5) of the gasoline and diesel profiles. */
  fuelProfiles: Record<string, number[]>;
  /** Per test: id, fuel, dilution ratio, true fractions and true net diluted PM2.5 (µg/m3). */
  tests: { test: string; vehicle: string; fuel: string; dilutionRatio: number; fraction: number[]; pm: number }[];
  /** Mean of the tests' true fractions (what the composite estimates). */
  composite: number[];
  /** The PM2.5 simulation's vehicle profile the fuels are built around. */
  pm25Vehicles: number[];
}

/**
 * Simulate dilution-tunnel tests of vehicle exhaust (long CSV for readDilutionTunnel): `gasoline`
 * and `diesel` tests whose true profiles are the PM2.5 simulation's "vehicles" profile with OC
 * raised/EC lowered for gasoline and the reverse for diesel, varied per test by log-normal
 * factors (σ 0.15). Net diluted PM2.5 150–600 µg/m3, dilution ratio 8–30, HEPA-filtered
 * dilution air with a small background (≈ 2 µg/m3 PM2.5); reported sample = true net +
 * background·(1 − 1/DR) + N(0, σ), σ = sqrt((0.05·x)² + (MDL/2)²), background with its own σ.
 * Illustrative numbers, not measured profiles.
 */
export function simulateDilutionTunnel(opts: { seed: number; gasoline: number; diesel: number }): {
  csv: string;
  truth: DilutionTunnelTruth;
  provenance: Provenance;
} {
  const rng = new Rng(opts.seed);
  const { species, F } = pm25Profiles();
  const veh = F[PM25_SOURCES.indexOf("vehicles")];
  const jt = species.indexOf("PM2.5");
  const adj = (oc: number, ec: number) => {
    const f = veh.map((v, j) => (species[j] === "OC" ? v * oc : species[j] === "EC" ? v * ec : v));
    const s = f.reduce((a, b, j) => (j === jt ? a : a + b), 0) / (1 / 1.1); // keep 10 % unexplained mass
    return f.map((v, j) => (j === jt ? 1 : v / s));
  };
  const fuelProfiles: Record<string, number[]> = { gasoline: adj(1.35, 0.55), diesel: adj(0.7, 1.45) };
  const bgPm = 2;
  const bg = veh.map((v, j) => (j === jt ? bgPm : 0.3 * bgPm * v)); // a faint vehicle-like background
  const mdl = species.map((s) => (s === "PM2.5" ? 2 : ["OC", "EC", "SO4", "NO3", "NH4"].includes(s) ? 0.1 : 0.002));
  const sig = (x: number, j: number) => Math.sqrt((0.05 * x) ** 2 + (mdl[j] / 2) ** 2);
  const r4 = (x: number) => Number(x.toPrecision(4));
  const lines = [
    "test,vehicle,fuel,dilution_ratio,species,sample (µg/m3),sample_unc (µg/m3),background (µg/m3),background_unc (µg/m3)",
  ];
  const tests: DilutionTunnelTruth["tests"] = [];
  const plan = [...Array(opts.gasoline).fill("gasoline"), ...Array(opts.diesel).fill("diesel")] as string[];
  plan.forEach((fuel, q) => {
    const test = `T${String(q + 1).padStart(2, "0")}`;
    const vehicle = fuel === "gasoline" ? "light-duty passenger car" : "heavy-duty truck";
    const dr = Math.round(8 + 22 * rng.uniform());
    const pm = 150 + 450 * rng.uniform();
    const f = fuelProfiles[fuel].map((v, j) => (j === jt ? 1 : v * Math.exp(0.15 * rng.normal())));
    tests.push({ test, vehicle, fuel, dilutionRatio: dr, fraction: f, pm });
    species.forEach((sp, j) => {
      const net = f[j] * pm;
      const b = Math.max(0, bg[j] + sig(bg[j], j) * rng.normal());
      const s = Math.max(0, net + bg[j] * (1 - 1 / dr) + sig(net, j) * rng.normal());
      lines.push([test, vehicle, fuel, dr, sp, r4(s), r4(sig(s, j)), r4(b), r4(sig(b, j))].join(","));
    });
  });
  const composite = species.map((_, j) => tests.reduce((a, t) => a + t.fraction[j], 0) / tests.length);
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulateDilutionTunnel" }),
    csv: lines.join("\n") + "\n",
    truth: { seed: opts.seed, species, fuelProfiles, tests, composite, pm25Vehicles: veh },
  };
}

const SPECIATE_NAMES: Record<string, string> = {
  OC: "Organic carbon",
  EC: "Elemental Carbon",
  SO4: "Sulfate",
  NO3: "Nitrate",
  NH4: "Ammonium",
  Cl: "Chloride ion",
  K: "Potassium",
  Na: "Sodium",
  Al: "Aluminum",
  Si: "Silicon",
  Ca: "Calcium",
  Ti: "Titanium",
  V: "Vanadium",
  Mn: "Manganese",
  Fe: "Iron",
  Ni: "Nickel",
  Cu: "Copper",
  Zn: "Zinc",
  As: "Arsenic",
  Se: "Selenium",
  Pb: "Lead",
};

/**
 * Simulated source-test profiles in SPECIATE export layout (PROFILE_CODE, PROFILE_NAME,
 * SPECIES_NAME, WEIGHT_PERCENT, UNCERTAINTY_PERCENT) for the non-vehicle primary sources of the
 * PM2.5 simulation (soil, coal combustion, biomass burning, industry): the true fractions varied
 * by log-normal factors (σ 0.2), uncertainty 20 % of the value — stand-ins for the
 * Kitakyushu/Shanghai source-testing profiles. Species spelled as SPECIATE does ("Aluminum").
 */
export function simulateSpeciateProfiles(opts: { seed: number }): {
  csv: string;
  truth: { seed: number; codes: Record<string, string>; species: string[]; fractions: Record<string, number[]> };
  provenance: Provenance;
} {
  const rng = new Rng(opts.seed);
  const { species, F } = pm25Profiles();
  const codes: Record<string, string> = {
    "SIM-SOIL": "soil",
    "SIM-COAL": "coal combustion",
    "SIM-BB": "biomass burning",
    "SIM-IND": "industry",
  };
  const lines = ["PROFILE_CODE,PROFILE_NAME,SPECIES_NAME,WEIGHT_PERCENT,UNCERTAINTY_PERCENT"];
  const fractions: Record<string, number[]> = {};
  for (const [code, src] of Object.entries(codes)) {
    const row = F[PM25_SOURCES.indexOf(src as (typeof PM25_SOURCES)[number])];
    const f = row.map((v) => v * Math.exp(0.2 * rng.normal()));
    fractions[code] = f;
    species.forEach((sp, j) => {
      if (sp === "PM2.5") return;
      const w = Number((100 * f[j]).toPrecision(4));
      lines.push(
        [code, `"${src} (simulated source test)"`, SPECIATE_NAMES[sp], w, Number((0.2 * w).toPrecision(3))].join(","),
      );
    });
  }
  return {
    provenance: provenance(opts, opts.seed, { routine: "simulateSpeciateProfiles" }),
    csv: lines.join("\n") + "\n",
    truth: { seed: opts.seed, codes, species, fractions },
  };
}
