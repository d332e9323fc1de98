/**
 * The right-hand side and the analytic Jacobian of a {@link KineticSystem}, compiled once into flat
 * index arrays and evaluated into preallocated arrays (no allocation per call).
 *
 * Mass-action kinetics (the contract of `system.ts`): rate_r = k_r · Π_{i ∈ reactants_r} c_i, and
 * dc_i/dt = Σ_r ν_ir · rate_r with the net stoichiometric coefficient ν_ir = (product coefficient of
 * i in r) − (number of times i is a reactant of r). A self-reaction (X + X) lists X twice, so its
 * loss of X is 2 · rate. The Jacobian J_ij = ∂(dc_i/dt)/∂c_j = Σ_r ν_ir · ∂rate_r/∂c_j, where
 * ∂rate_r/∂c_j sums k_r · Π_{q ≠ p} c_q over every occurrence p of j among the reactants (for X + X:
 * 2·k·[X]).
 * @packageDocumentation
 */
import type { KineticSystem } from "./system";
import { sparseLuSymbolic, sparseLuPosition, type SparseLuPattern } from "./sparse-lu";

/** A {@link KineticSystem} compiled for evaluation and integration (see {@link compileKinetics}). */
export interface CompiledKinetics {
  /** The system compiled. */
  system: KineticSystem;
  /** Number of variable species. */
  species: number;
  /** Number of reactions. */
  reactions: number;
  /** The symbolic LU factorisation of the Jacobian pattern (diagonal included) with its fill-in. */
  lu: SparseLuPattern;
  /**
   * Reaction rates k_r · Π c (molecules cm⁻³ s⁻¹).
   * @param k - rate constants, one per reaction (units of the contract in `system.ts`)
   * @param c - concentrations (molecules cm⁻³)
   * @param out - receives the rates (length = reactions)
   */
  rates(k: ArrayLike<number>, c: ArrayLike<number>, out: Float64Array): void;
  /**
   * The time derivative dc/dt (molecules cm⁻³ s⁻¹).
   * @param k - rate constants, one per reaction
   * @param c - concentrations (molecules cm⁻³)
   * @param out - receives dc/dt (length = species)
   */
  rhs(k: ArrayLike<number>, c: ArrayLike<number>, out: Float64Array): void;
  /**
   * The Jacobian ∂(dc/dt)/∂c (s⁻¹), written at the positions of the LU pattern `lu` (fill-in positions 0).
   * @param k - rate constants, one per reaction
   * @param c - concentrations (molecules cm⁻³)
   * @param out - receives the entries (length = `lu.factorNonzeros`); use {@link sparseLuPosition} to find (i, j)
   */
  jacobian(k: ArrayLike<number>, c: ArrayLike<number>, out: Float64Array): void;
}

/**
 * Compile a {@link KineticSystem}: net stoichiometry, the Jacobian's sparsity and its symbolic LU
 * factorisation (diagonal Markowitz ordering with fill-in, as KPP; see `sparse-lu.ts`).
 * @param system - species and reactions (indices into `system.species`)
 * @param opts - `ordering` of the LU: `"markowitz"` (default) or `"natural"`
 * @returns the compiled evaluator
 * @throws RangeError when a reactant or product index is outside the species list, or a product coefficient is not finite
 */
export function compileKinetics(
  system: KineticSystem,
  opts: { ordering?: "markowitz" | "natural" } = {},
): CompiledKinetics {
  const n = system.species.length;
  const R = system.reactions.length;
  const rPtr = new Int32Array(R + 1);
  const rIdxList: number[] = [];
  const sPtr = new Int32Array(R + 1);
  const sIdxList: number[] = [];
  const sCoefList: number[] = [];
  const checkIndex = (label: string, what: string, i: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new RangeError(`compileKinetics: reaction ${label}: ${what} index ${i} is outside the ${n} species`);
  };
  for (let r = 0; r < R; r++) {
    const rx = system.reactions[r];
    const net = new Map<number, number>();
    for (const i of rx.reactants) {
      checkIndex(rx.label, "reactant", i);
      rIdxList.push(i);
      net.set(i, (net.get(i) ?? 0) - 1);
    }
    for (const p of rx.products) {
      checkIndex(rx.label, "product", p.index);
      if (!Number.isFinite(p.coefficient))
        throw new RangeError(
          `compileKinetics: reaction ${rx.label}: product coefficient ${p.coefficient} is not finite`,
        );
      net.set(p.index, (net.get(p.index) ?? 0) + p.coefficient);
    }
    for (const [i, v] of [...net.entries()].sort((a, b) => a[0] - b[0])) {
      if (v === 0) continue;
      sIdxList.push(i);
      sCoefList.push(v);
    }
    rPtr[r + 1] = rIdxList.length;
    sPtr[r + 1] = sIdxList.length;
  }
  const rIdx = Int32Array.from(rIdxList);
  const sIdx = Int32Array.from(sIdxList);
  const sCoef = Float64Array.from(sCoefList);
  // Jacobian pattern: (i, j) for i with ν_ir ≠ 0 and j a reactant of r
  const rows: number[] = [];
  const cols: number[] = [];
  for (let r = 0; r < R; r++)
    for (let p = rPtr[r]; p < rPtr[r + 1]; p++)
      for (let q = sPtr[r]; q < sPtr[r + 1]; q++) {
        rows.push(sIdx[q]);
        cols.push(rIdx[p]);
      }
  const lu = sparseLuSymbolic(n, rows, cols, opts);
  // per reactant occurrence p: the LU positions (and coefficients ν) it contributes to
  const jPtr = new Int32Array(rIdx.length + 1);
  const jPosList: number[] = [];
  const jCoefList: number[] = [];
  for (let r = 0; r < R; r++)
    for (let p = rPtr[r]; p < rPtr[r + 1]; p++) {
      for (let q = sPtr[r]; q < sPtr[r + 1]; q++) {
        jPosList.push(sparseLuPosition(lu, sIdx[q], rIdx[p]));
        jCoefList.push(sCoef[q]);
      }
      jPtr[p + 1] = jPosList.length;
    }
  const jPos = Int32Array.from(jPosList);
  const jCoef = Float64Array.from(jCoefList);
  const nnz = lu.factorNonzeros;

  const rate = (k: ArrayLike<number>, c: ArrayLike<number>, r: number): number => {
    let v = k[r];
    for (let p = rPtr[r], e = rPtr[r + 1]; p < e; p++) v *= c[rIdx[p]];
    return v;
  };
  return {
    system,
    species: n,
    reactions: R,
    lu,
    rates(k, c, out) {
      for (let r = 0; r < R; r++) out[r] = rate(k, c, r);
    },
    rhs(k, c, out) {
      out.fill(0, 0, n);
      for (let r = 0; r < R; r++) {
        const v = rate(k, c, r);
        if (v === 0) continue;
        for (let q = sPtr[r], e = sPtr[r + 1]; q < e; q++) out[sIdx[q]] += sCoef[q] * v;
      }
    },
    jacobian(k, c, out) {
      out.fill(0, 0, nnz);
      for (let r = 0; r < R; r++) {
        const p0 = rPtr[r],
          p1 = rPtr[r + 1];
        const kr = k[r];
        if (kr === 0) continue;
        for (let p = p0; p < p1; p++) {
          let d = kr;
          for (let q = p0; q < p1; q++) if (q !== p) d *= c[rIdx[q]];
          if (d === 0) continue;
          for (let e = jPtr[p], e1 = jPtr[p + 1]; e < e1; e++) out[jPos[e]] += jCoef[e] * d;
        }
      }
    },
  };
}
