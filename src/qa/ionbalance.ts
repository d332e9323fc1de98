import type { AqTable } from "../table/table";
import { findColumn, sampleLabels, valuesUgm3 } from "./columns";
import { IONS } from "./tables/ions";

/** One sample of {@link ionBalance}. */
export interface IonBalanceSample {
  sample: string;
  /** Cation equivalents Σ c·z/M, µeq/m3 (NaN when any cation present in the table is NaN). */
  cations: number;
  /** Anion equivalents Σ c·|z|/M, µeq/m3. */
  anions: number;
  /** cations / anions. */
  ratio: number;
  /** cations − anions, µeq/m3. */
  difference: number;
}

/** Result of {@link ionBalance}. */
export interface IonBalanceResult {
  /** Ions found in the table (display name → column). */
  ions: Record<string, string>;
  /** Ions of the equivalents table with no column. */
  missingIons: string[];
  samples: IonBalanceSample[];
  /** Over samples with finite values: mean ratio, and the least-squares line CE = a + b·AE with r². */
  summary: { n: number; meanRatio: number; slope: number; intercept: number; r2: number };
  unit: "µeq/m3";
}

/**
 * Ion balance: cation and anion equivalents per sample, µeq/m3 = Σ c(µg/m3)·|z|/M(g/mol), ions
 * Na+, NH4+, K+, Mg2+, Ca2+ vs F-, Cl-, NO3-, SO4 2- (table `IONS`, IUPAC atomic weights), with
 * the CE/AE ratio and the least-squares CE–AE line (e.g. Zhang et al. 2011, Atmos. Chem. Phys.
 * 11:5207: slope < 1 = anion excess, acidic aerosol).
 * @throws {RangeError} when the table has no ion column
 */
export function ionBalance(
  table: AqTable,
  opts: { columns?: Record<string, string>; idColumn?: string } = {},
): IonBalanceResult {
  const n = table.numRows;
  const cat = new Float64Array(n),
    an = new Float64Array(n);
  const ions: Record<string, string> = {};
  const missingIons: string[] = [];
  for (const ion of IONS) {
    const col = findColumn(table, ion.symbol, opts.columns);
    if (col === undefined) {
      missingIons.push(ion.name);
      continue;
    }
    ions[ion.name] = col;
    const v = valuesUgm3(table, col);
    const f = Math.abs(ion.charge) / ion.molarMass;
    const target = ion.charge > 0 ? cat : an;
    for (let i = 0; i < n; i++) target[i] += v[i] * f;
  }
  if (Object.keys(ions).length === 0)
    throw new RangeError(`ion balance: no ion columns found (have: ${table.names.join(", ")})`);
  const ids = sampleLabels(table, opts.idColumn);
  const samples: IonBalanceSample[] = [];
  for (let i = 0; i < n; i++)
    samples.push({ sample: ids[i], cations: cat[i], anions: an[i], ratio: cat[i] / an[i], difference: cat[i] - an[i] });
  const ok = samples.filter((s) => Number.isFinite(s.ratio));
  const m = ok.length;
  let mx = 0,
    my = 0,
    mr = 0;
  for (const s of ok) {
    mx += s.anions;
    my += s.cations;
    mr += s.ratio;
  }
  mx /= m;
  my /= m;
  mr /= m;
  let sxx = 0,
    sxy = 0,
    syy = 0;
  for (const s of ok) {
    sxx += (s.anions - mx) ** 2;
    sxy += (s.anions - mx) * (s.cations - my);
    syy += (s.cations - my) ** 2;
  }
  const slope = sxy / sxx;
  return {
    ions,
    missingIons,
    samples,
    summary: { n: m, meanRatio: mr, slope, intercept: my - slope * mx, r2: (sxy * sxy) / (sxx * syy) },
    unit: "µeq/m3",
  };
}
