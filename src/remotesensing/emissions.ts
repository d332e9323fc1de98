import { fuelBasedEf, type CarbonBalanceOptions } from "./carbonbalance";
import { usableRecord, type RsdRecords } from "./types";
import { vsp, vspMode } from "./vsp";

/** Per-record fuel-based emission factors (g/kg fuel), VSP (kW/t) and its mode. NaN for records not usable. */
export interface RsdEmissions {
  co: Float64Array;
  hc: Float64Array;
  no: Float64Array;
  vsp: Float64Array;
  mode: Int32Array;
  usable: boolean[];
}

/**
 * Emission factors of every usable record ({@link usableRecord}) by the carbon balance
 * ({@link fuelBasedEf}; carbon fraction from each record's fuel unless given) and VSP
 * (Jiménez-Palacios 1999, light-duty coefficients, grade from options) with its Frey et al.
 * (2002) mode.
 */
export function rsdEmissions(r: RsdRecords, opts: CarbonBalanceOptions & { grade?: number } = {}): RsdEmissions {
  const out: RsdEmissions = {
    co: new Float64Array(r.n).fill(NaN),
    hc: new Float64Array(r.n).fill(NaN),
    no: new Float64Array(r.n).fill(NaN),
    vsp: new Float64Array(r.n).fill(NaN),
    mode: new Int32Array(r.n),
    usable: [],
  };
  for (let i = 0; i < r.n; i++) {
    const u = usableRecord(r, i);
    out.usable.push(u);
    out.vsp[i] = vsp(r.speed[i], r.accel[i], opts.grade ?? 0);
    out.mode[i] = vspMode(out.vsp[i]);
    if (!u) continue;
    const ef = fuelBasedEf({ co: r.coCo2[i], hc: r.hcCo2[i], no: r.noCo2[i] }, r.fuel[i], opts);
    out.co[i] = ef.co;
    out.hc[i] = ef.hc;
    out.no[i] = ef.no;
  }
  return out;
}
