/**
 * Ozone budget terms of a compiled mechanism, identified from the reactions themselves: peroxy
 * radicals, the NO → NO2 conversions that produce ozone, and the Ox losses.
 * @packageDocumentation
 */
import type { CompiledMechanism } from "./compile";
import type { MechanismReaction } from "./mechanism";

/** Constant species that do not count as reaction partners when classifying (they are folded into k). */
const THIRD_BODIES = new Set(["M", "O2", "N2"]);
/** Inorganic species that react with NO and HO2 but are not peroxy radicals (O3, O atoms, NO3, OH, halogen oxides). */
const NOT_PEROXY = new Set(["O3", "O", "O1D", "NO3", "OH", "HO2", "NO", "NO2", "CLO", "BRO", "IO", "CL", "BR", "I"]);

/** Names of the budget terms of {@link ozoneBudgetTerms}. */
export type OzoneBudgetTerm = "HO2+NO" | "RO2+NO" | "OH+NO2" | "O1D+H2O" | "O3+OH" | "O3+HO2" | "O3+VOC";

/** One reaction's share in a budget term. */
export interface BudgetReaction {
  /** Index of the reaction in `compiled.system.reactions`. */
  index: number;
  /** The reaction's label. */
  label: string;
  /** Ozone (Ox) produced or lost per reaction event: the NO2 yield for production terms, 1 for losses. */
  weight: number;
}

/** The reactions of every budget term, from {@link ozoneBudgetTerms}. */
export interface OzoneBudgetTerms {
  /** Peroxy radicals (RO2) of the mechanism, in species order (see {@link ozoneBudgetTerms}). */
  peroxyRadicals: string[];
  /** Production terms (NO → NO2 by HO2 and RO2). */
  production: Record<"HO2+NO" | "RO2+NO", BudgetReaction[]>;
  /** Loss terms. */
  loss: Record<"OH+NO2" | "O1D+H2O" | "O3+OH" | "O3+HO2" | "O3+VOC", BudgetReaction[]>;
}

function partners(rx: MechanismReaction): string[] {
  return rx.reactants.filter((s) => !THIRD_BODIES.has(s));
}

function coefficientOf(rx: MechanismReaction, species: string): number {
  let c = 0;
  for (const p of rx.products) if (p.species === species) c += p.coefficient;
  return c;
}

/**
 * Classify a compiled mechanism's reactions into the terms of the ozone budget.
 *
 * Peroxy radicals: every variable species Y (not HO2, nor an inorganic species: O3, O, O1D, NO3, OH,
 * NO, NO2, halogen atoms and oxides) that has both a bimolecular reaction Y + NO in which NO is consumed
 * (NO is not among the products: CB6r5's counter reactions such as `RO2 + NO = NO` and the SOA
 * operators `TOLRO2 + NO = NO + …` are excluded) and a reaction Y + HO2. For CB6r5 this gives the
 * peroxy radicals of the mechanism (Yarwood et al. 2010, CB6; CMAQ `mech_cb6r5_ae7_aq.def`): MEO2,
 * C2O3, CXO3, XO2H, XO2, XO2N, HCO3, ISO2, EPX2, BZO2, TO2, XLO2, OPO3 (the test lists them from the file).
 *
 * Terms (the usual definition of observation-based box-model studies, e.g. Tan et al. 2017 ACP 17, 663 and
 * Wang et al. 2017 Sci. Total Environ. 575, 1582; the primary texts were not retrieved in this session, so the
 * definition is stated here rather than quoted): P(O3) = k[HO2][NO] + Σ k_i[RO2_i][NO] × (NO2 yield of the
 * reaction); L(O3) = k[OH][NO2] + k[O1D][H2O] + k[O3][OH] + k[O3][HO2] + Σ k[O3][VOC] (every reaction of O3 with a
 * partner other than NO, NO2, OH, HO2, O: the alkenes and other unsaturated species).
 * Searched again in session 8 (issue #22: stored pages, documentation and code corpora) for the text of
 * Tan et al. 2018 (Sci. Bull. 63, 1067–1076, "Explicit diagnosis of the local ozone production rate and the
 * ozone-NOx-VOC sensitivities", Wangdu) and Kanaya et al. 2009 (Japan): only abstracts were found, none
 * with the equations, so there is still no verbatim quotation; the terms above are aozora's statement of
 * the standard definition. A closure check stands in for it: with everything else off, d[Ox]/dt equals
 * P − L (and P − L − k_dep[O3] with deposition), `test/photochem/obm.test.ts`.
 * @param compiled - from `compileMechanism`
 * @returns the peroxy radicals and the reactions of each term with their weights
 */
export function ozoneBudgetTerms(compiled: CompiledMechanism): OzoneBudgetTerms {
  const byLabel = new Map(compiled.mechanism.reactions.map((r) => [r.label, r]));
  const sys = compiled.system;
  const rxs = sys.reactions.map((r) => byLabel.get(r.label));
  const withNo = new Set<string>();
  const withHo2 = new Set<string>();
  for (const rx of rxs) {
    if (!rx) continue;
    const p = partners(rx);
    if (p.length !== 2) continue;
    if (p.includes("NO") && coefficientOf(rx, "NO") <= 0) {
      const y = p[0] === "NO" ? p[1] : p[0];
      withNo.add(y);
    }
    if (p.includes("HO2")) withHo2.add(p[0] === "HO2" ? p[1] : p[0]);
  }
  const peroxyRadicals = sys.species.filter((s) => !NOT_PEROXY.has(s) && withNo.has(s) && withHo2.has(s));
  const ro2 = new Set(peroxyRadicals);
  const production: OzoneBudgetTerms["production"] = { "HO2+NO": [], "RO2+NO": [] };
  const loss: OzoneBudgetTerms["loss"] = { "OH+NO2": [], "O1D+H2O": [], "O3+OH": [], "O3+HO2": [], "O3+VOC": [] };
  rxs.forEach((rx, index) => {
    if (!rx) return;
    const p = partners(rx);
    const label = rx.label;
    const has = (a: string, b: string) => p.length === 2 && ((p[0] === a && p[1] === b) || (p[0] === b && p[1] === a));
    if (p.length === 2 && p.includes("NO")) {
      const y = p[0] === "NO" ? p[1] : p[0];
      const no2 = coefficientOf(rx, "NO2");
      if (y === "HO2" && no2 > 0) production["HO2+NO"].push({ index, label, weight: no2 });
      else if (ro2.has(y) && no2 > 0) production["RO2+NO"].push({ index, label, weight: no2 });
      return;
    }
    if (has("OH", "NO2")) loss["OH+NO2"].push({ index, label, weight: 1 });
    else if (p.includes("O1D") && p.includes("H2O")) loss["O1D+H2O"].push({ index, label, weight: 1 });
    else if (has("O3", "OH")) loss["O3+OH"].push({ index, label, weight: 1 });
    else if (has("O3", "HO2")) loss["O3+HO2"].push({ index, label, weight: 1 });
    else if (p.length === 2 && p.includes("O3")) {
      const y = p[0] === "O3" ? p[1] : p[0];
      if (!NOT_PEROXY.has(y) && y !== "O3") loss["O3+VOC"].push({ index, label, weight: 1 });
    }
  });
  return { peroxyRadicals, production, loss };
}
