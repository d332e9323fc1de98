/**
 * The VOC species registry: one row per compound, each numeric column from one cited source.
 *
 * Columns and their sources (units in brackets):
 * - `id`: the canonical English name used as the key (PAMS/US EPA spelling).
 * - `cas`: CAS Registry Number.
 * - `ja`, `zh`: Japanese (katakana) and Chinese (simplified, as used in Chinese VOC monitoring reports) names;
 *   `synonyms` holds common alternative English, Japanese, Chinese and traditional
 *   Chinese spellings found in instrument exports.
 * - `formula`, `carbon` (carbon atoms per molecule), `mw` [g/mol]: molecular weight as tabulated
 *   with the MIR scale (Carter 2010); the test suite re-derives it from the formula (IUPAC 2021
 *   standard atomic weights) within 0.02 g/mol.
 * - `group`: alkanes, alkenes, alkynes, aromatics, OVOCs, halocarbons, BVOC (isoprene and the
 *   monoterpenes; chemically alkenes, the "Alkenes" of the PAMS grouping).
 * - `mirSaprc07` [g O3 / g VOC]: Maximum Incremental Reactivity, SAPRC-07 scale, 2010 update:
 *   Carter, W. P. L. (2010), Development of the SAPRC-07 chemical mechanism and updated ozone
 *   reactivity scales, final report to the California Air Resources Board, contract 07-339 (MIR
 *   table as revised 2010); Carter, Atmos. Environ. 44 (2010) 5324–5335.
 * - `mirCn` [g O3 / g VOC]: China-specific MCM-based MIR scale, Zhang, Y. et al. (2021), Atmos.
 *   Chem. Phys. 21, 11053–11068. `null` where that scale gives no value.
 * - `kohAtkinson2003` [cm3 molecule-1 s-1]: OH rate constant at 298 K, evaluated/recommended values
 *   of Atkinson, R. and Arey, J. (2003), Chem. Rev. 103, 4605–4638. `null` where not evaluated there.
 * - `kohAopwin` [cm3 molecule-1 s-1]: structure–activity ESTIMATE at 298 K from US EPA EPI Suite
 *   AOPWIN (Kwok & Atkinson 1995 SAR). Used only where `kohAtkinson2003` is `null`, and then
 *   reported as an estimate (see `kOH()` in ../registry.ts).
 * - `soaYieldWu2017` [g SOA / g VOC]: average SOA yield of Wu, W., Zhao, B., Wang, S. and Hao, J.
 *   (2017), Ozone and secondary organic aerosol formation potential from anthropogenic volatile
 *   organic compounds emissions in China, J. Environ. Sci. 53, 224–237. `null` where not given.
 * - `soapDerwent2010` [dimensionless, toluene = 100]: Secondary Organic Aerosol Potential of
 *   Derwent, R. G., Jenkin, M. E., Utembe, S. R., Shallcross, D. E., Murrells, T. P. and Passant,
 *   N. R. (2010), Sci. Total Environ. 408, 3374–3381, doi:10.1016/j.scitotenv.2010.04.013 (SOAP of
 *   113 emitted VOCs computed with MCM v3.1). UNVERIFIED against the paper's table: the paper and
 *   an independent reproduction of its table could not be reached (checked 2026-11, see
 *   {@link SOAP_DERWENT2010_PROVENANCE}); every non-null value is a transcription of the AeroViz
 *   species tables (github.com/Alex870521/AeroViz, AeroViz/dataProcess/VOC/support_voc.json and
 *   voc_par.json), which agree with each other for all these values. `null` where no value can be
 *   sourced: (a) species that are not primary VOCs of the Master Chemical Mechanism (MCM v3.3.1
 *   list of methane + 142 VOCs, mcm.york.ac.uk), so Derwent et al. (2010) cannot give them a SOAP
 *   (cyclopentane, methylcyclopentane, methylcyclohexane, 2,3-/2,4-dimethylpentane, 2,2,4-/2,3,4-
 *   trimethylpentane, 2-/3-methylheptane, 2-methyl-1-pentene, m-/p-diethylbenzene; AeroViz's 0 or
 *   0.4 for these was dropped); (b) MCM species whose SOAP is in the paper but in no reachable
 *   source (p-xylene, n-dodecane, 1-hexene, the pinenes, and the OVOCs/halocarbons left `null`).
 *   m-xylene's 75.8 is AeroViz's "m/p-xylene" value.
 *
 * All values of `cas`, `mw`, `mirSaprc07`, `mirCn`, `kohAtkinson2003`, `kohAopwin` and
 * `soaYieldWu2017` are checked against the project's reference table of these sources by the
 * validate suite (`test/validate/voc-registry.test.ts`).
 *
 * Peer-table errors this registry is tested against (test/models/voc/registry.test.ts): the AeroViz
 * species table (voc_par.json) swaps the kOH of cis-/trans-2-butene and of m-/p-ethyltoluene, gives
 * methylcyclohexane cyclopentane's kOH, has an isoprene row with kOH 3.7e-11 beside one with
 * 1.0e-10, and uses m-xylene's MIR (9.75) for "m,p-Xylene" in one row and 7.8 in another; foqat
 * takes every kOH from AOPWIN estimates (m-xylene 1.36e-11 against the evaluated 2.31e-11) and
 * silently halves an "m,p-xylene" column into m- and p-xylene. Here evaluated values come first,
 * estimates are flagged, and the m/p-xylene treatment is the user's recorded choice.
 *
 * `pams`: one of the PAMS target compounds (US EPA Photochemical Assessment Monitoring Stations list
 * as measured in China: 57 compounds with m-/p-xylene co-eluting as one; here 58 rows with m- and
 * p-xylene separate).
 */

/**
 * Where each `soapDerwent2010` value comes from (see the module comment). Keys are registry ids;
 * species with a non-null SOAP are listed under `aeroviz`, nulls that are structural (no MCM
 * scheme, hence no Derwent et al. 2010 value) under `notInMcm`.
 */
export const SOAP_DERWENT2010_PROVENANCE = {
  aeroviz: {
    source: "AeroViz (github.com/Alex870521/AeroViz) AeroViz/dataProcess/VOC/support_voc.json and voc_par.json; secondary transcription of Derwent et al. (2010), not checked against the paper's table",
    ids: [
      "ethylene", "acetylene", "ethane", "propylene", "propane", "isobutane", "1-butene", "n-butane", "trans-2-butene",
      "cis-2-butene", "isopentane", "1-pentene", "n-pentane", "isoprene", "trans-2-pentene", "cis-2-pentene",
      "2,2-dimethylbutane", "2,3-dimethylbutane", "2-methylpentane", "3-methylpentane", "n-hexane", "benzene",
      "cyclohexane", "2-methylhexane", "3-methylhexane", "n-heptane", "toluene", "n-octane", "ethylbenzene",
      "m-xylene", "styrene", "o-xylene", "n-nonane", "isopropylbenzene", "n-propylbenzene", "m-ethyltoluene",
      "p-ethyltoluene", "1,3,5-trimethylbenzene", "o-ethyltoluene", "1,2,4-trimethylbenzene", "n-decane",
      "1,2,3-trimethylbenzene", "n-undecane", "1,3-butadiene", "acetaldehyde", "acetone", "ethanol", "isopropanol",
      "ethyl acetate",
    ],
  },
  notInMcm: {
    source: "not a primary VOC of the Master Chemical Mechanism (MCM v3.3.1, methane + 142 VOCs; Derwent et al. 2010 used MCM v3.1), so Derwent et al. (2010) give no SOAP",
    ids: [
      "cyclopentane", "methylcyclopentane", "methylcyclohexane", "2,3-dimethylpentane", "2,4-dimethylpentane",
      "2,2,4-trimethylpentane", "2,3,4-trimethylpentane", "2-methylheptane", "3-methylheptane", "2-methyl-1-pentene",
      "m-diethylbenzene", "p-diethylbenzene", "vinyl acetate", "chlorobenzene",
    ],
  },
} as const;

/** Compound group used for per-group totals. */
export type VocGroup = "alkanes" | "alkenes" | "alkynes" | "aromatics" | "OVOCs" | "halocarbons" | "BVOC";

/** One row of the species registry (see the module comment for each column's source and unit). */
export interface VocSpeciesRow {
  id: string;
  cas: string;
  ja: string;
  zh: string;
  synonyms: string[];
  formula: string;
  carbon: number;
  mw: number;
  group: VocGroup;
  pams: boolean;
  mirSaprc07: number | null;
  mirCn: number | null;
  kohAtkinson2003: number | null;
  kohAopwin: number | null;
  soaYieldWu2017: number | null;
  soapDerwent2010: number | null;
}

/** The registry rows (84 compounds: 57 PAMS targets with m/p-xylene separate, OVOCs, halocarbons, BVOC). */
export const VOC_SPECIES_ROWS: readonly VocSpeciesRow[] = [
  { id: "ethylene", cas: "74-85-1", ja: "エチレン", zh: "乙烯", synonyms: ["ethene", "エテン"], formula: "C2H4", carbon: 2, mw: 28.05, group: "alkenes", pams: true,
    mirSaprc07: 9, mirCn: 4.71, kohAtkinson2003: 8.52e-12, kohAopwin: 8.52e-12, soaYieldWu2017: 0, soapDerwent2010: 1.3 },
  { id: "acetylene", cas: "74-86-2", ja: "アセチレン", zh: "乙炔", synonyms: ["ethyne", "エチン"], formula: "C2H2", carbon: 2, mw: 26.04, group: "alkynes", pams: true,
    mirSaprc07: 0.95, mirCn: 0.2, kohAtkinson2003: null, kohAopwin: 8.15e-13, soaYieldWu2017: 0, soapDerwent2010: 0.1 },
  { id: "ethane", cas: "74-84-0", ja: "エタン", zh: "乙烷", synonyms: [], formula: "C2H6", carbon: 2, mw: 30.07, group: "alkanes", pams: true,
    mirSaprc07: 0.28, mirCn: 0.14, kohAtkinson2003: 2.48e-13, kohAopwin: 2.72e-13, soaYieldWu2017: 0, soapDerwent2010: 0.1 },
  { id: "propylene", cas: "115-07-1", ja: "プロピレン", zh: "丙烯", synonyms: ["propene", "プロペン"], formula: "C3H6", carbon: 3, mw: 42.08, group: "alkenes", pams: true,
    mirSaprc07: 11.66, mirCn: 6.68, kohAtkinson2003: 2.63e-11, kohAopwin: 2.6436e-11, soaYieldWu2017: 0, soapDerwent2010: 1.6 },
  { id: "propane", cas: "74-98-6", ja: "プロパン", zh: "丙烷", synonyms: [], formula: "C3H8", carbon: 3, mw: 44.1, group: "alkanes", pams: true,
    mirSaprc07: 0.49, mirCn: 0.25, kohAtkinson2003: 1.09e-12, kohAopwin: 1.2686e-12, soaYieldWu2017: 0, soapDerwent2010: 0 },
  { id: "isobutane", cas: "75-28-5", ja: "イソブタン", zh: "异丁烷", synonyms: ["i-butane", "iso-butane", "2-methylpropane", "2-メチルプロパン", "異丁烷"], formula: "C4H10", carbon: 4, mw: 58.12, group: "alkanes", pams: true,
    mirSaprc07: 1.23, mirCn: 0.83, kohAtkinson2003: 2.12e-12, kohAopwin: 2.4418e-12, soaYieldWu2017: 0, soapDerwent2010: 0 },
  { id: "1-butene", cas: "106-98-9", ja: "1-ブテン", zh: "1-丁烯", synonyms: ["but-1-ene", "1-butylene"], formula: "C4H8", carbon: 4, mw: 56.11, group: "alkenes", pams: true,
    mirSaprc07: 9.73, mirCn: 4.75, kohAtkinson2003: 3.14e-11, kohAopwin: 2.74013e-11, soaYieldWu2017: 0, soapDerwent2010: 1.2 },
  { id: "n-butane", cas: "106-97-8", ja: "n-ブタン", zh: "正丁烷", synonyms: ["butane", "ブタン", "丁烷"], formula: "C4H10", carbon: 4, mw: 58.12, group: "alkanes", pams: true,
    mirSaprc07: 1.15, mirCn: 0.75, kohAtkinson2003: 2.36e-12, kohAopwin: 2.6322e-12, soaYieldWu2017: 0, soapDerwent2010: 0.3 },
  { id: "trans-2-butene", cas: "624-64-6", ja: "trans-2-ブテン", zh: "反-2-丁烯", synonyms: ["t-2-butene", "(E)-2-butene", "trans-but-2-ene", "反式-2-丁烯"], formula: "C4H8", carbon: 4, mw: 56.11, group: "alkenes", pams: true,
    mirSaprc07: 15.16, mirCn: 14.11, kohAtkinson2003: 6.4e-11, kohAopwin: 5.6672e-11, soaYieldWu2017: 0, soapDerwent2010: 3.1 },
  { id: "cis-2-butene", cas: "590-18-1", ja: "cis-2-ブテン", zh: "顺-2-丁烯", synonyms: ["c-2-butene", "(Z)-2-butene", "cis-but-2-ene", "顺式-2-丁烯", "順-2-丁烯"], formula: "C4H8", carbon: 4, mw: 56.11, group: "alkenes", pams: true,
    mirSaprc07: 14.24, mirCn: 12.64, kohAtkinson2003: 5.64e-11, kohAopwin: 5.6672e-11, soaYieldWu2017: 0, soapDerwent2010: 3.6 },
  { id: "isopentane", cas: "78-78-4", ja: "イソペンタン", zh: "异戊烷", synonyms: ["i-pentane", "iso-pentane", "2-methylbutane", "2-メチルブタン", "異戊烷"], formula: "C5H12", carbon: 5, mw: 72.15, group: "alkanes", pams: true,
    mirSaprc07: 1.45, mirCn: 0.91, kohAtkinson2003: 3.6e-12, kohAopwin: 4.0369e-12, soaYieldWu2017: 0, soapDerwent2010: 0.2 },
  { id: "1-pentene", cas: "109-67-1", ja: "1-ペンテン", zh: "1-戊烯", synonyms: ["pent-1-ene"], formula: "C5H10", carbon: 5, mw: 70.13, group: "alkenes", pams: true,
    mirSaprc07: 7.21, mirCn: 6.18, kohAtkinson2003: 3.14e-11, kohAopwin: 2.87649e-11, soaYieldWu2017: 0, soapDerwent2010: 0 },
  { id: "n-pentane", cas: "109-66-0", ja: "n-ペンタン", zh: "正戊烷", synonyms: ["pentane", "ペンタン", "戊烷"], formula: "C5H12", carbon: 5, mw: 72.15, group: "alkanes", pams: true,
    mirSaprc07: 1.31, mirCn: 0.87, kohAtkinson2003: 3.8e-12, kohAopwin: 4.0452e-12, soaYieldWu2017: 0, soapDerwent2010: 0.3 },
  { id: "isoprene", cas: "78-79-5", ja: "イソプレン", zh: "异戊二烯", synonyms: ["2-methyl-1,3-butadiene", "異戊二烯", "2-メチル-1,3-ブタジエン"], formula: "C5H8", carbon: 5, mw: 68.12, group: "BVOC", pams: true,
    mirSaprc07: 10.61, mirCn: 7.89, kohAtkinson2003: 1e-10, kohAopwin: 1.05136e-10, soaYieldWu2017: 0.0079, soapDerwent2010: 1.9 },
  { id: "trans-2-pentene", cas: "646-04-8", ja: "trans-2-ペンテン", zh: "反-2-戊烯", synonyms: ["t-2-pentene", "(E)-2-pentene", "反式-2-戊烯"], formula: "C5H10", carbon: 5, mw: 70.13, group: "alkenes", pams: true,
    mirSaprc07: 10.56, mirCn: 9.45, kohAtkinson2003: 6.7e-11, kohAopwin: 5.76373e-11, soaYieldWu2017: 0, soapDerwent2010: 4 },
  { id: "cis-2-pentene", cas: "627-20-3", ja: "cis-2-ペンテン", zh: "顺-2-戊烯", synonyms: ["c-2-pentene", "(Z)-2-pentene", "顺式-2-戊烯", "順-2-戊烯"], formula: "C5H10", carbon: 5, mw: 70.13, group: "alkenes", pams: true,
    mirSaprc07: 10.38, mirCn: 9.69, kohAtkinson2003: 6.5e-11, kohAopwin: 5.76373e-11, soaYieldWu2017: 0, soapDerwent2010: 3.6 },
  { id: "2,2-dimethylbutane", cas: "75-83-2", ja: "2,2-ジメチルブタン", zh: "2,2-二甲基丁烷", synonyms: ["2,2-dimethyl butane", "neohexane"], formula: "C6H14", carbon: 6, mw: 86.18, group: "alkanes", pams: true,
    mirSaprc07: 1.17, mirCn: 0.74, kohAtkinson2003: 2.23e-12, kohAopwin: 1.8179e-12, soaYieldWu2017: 0, soapDerwent2010: 0 },
  { id: "cyclopentane", cas: "287-92-3", ja: "シクロペンタン", zh: "环戊烷", synonyms: ["環戊烷"], formula: "C5H10", carbon: 5, mw: 70.13, group: "alkanes", pams: true,
    mirSaprc07: 2.39, mirCn: null, kohAtkinson2003: 4.97e-12, kohAopwin: 4.5218e-12, soaYieldWu2017: 0.04, soapDerwent2010: null },
  { id: "2,3-dimethylbutane", cas: "79-29-8", ja: "2,3-ジメチルブタン", zh: "2,3-二甲基丁烷", synonyms: ["2,3-dimethyl butane"], formula: "C6H14", carbon: 6, mw: 86.18, group: "alkanes", pams: true,
    mirSaprc07: 0.97, mirCn: 0.81, kohAtkinson2003: 5.78e-12, kohAopwin: 5.4415e-12, soaYieldWu2017: 0, soapDerwent2010: 0 },
  { id: "2-methylpentane", cas: "107-83-5", ja: "2-メチルペンタン", zh: "2-甲基戊烷", synonyms: ["2-methyl pentane", "isohexane"], formula: "C6H14", carbon: 6, mw: 86.18, group: "alkanes", pams: true,
    mirSaprc07: 1.5, mirCn: 1.12, kohAtkinson2003: 5.2e-12, kohAopwin: 5.4499e-12, soaYieldWu2017: 0, soapDerwent2010: 0 },
  { id: "3-methylpentane", cas: "96-14-0", ja: "3-メチルペンタン", zh: "3-甲基戊烷", synonyms: ["3-methyl pentane"], formula: "C6H14", carbon: 6, mw: 86.18, group: "alkanes", pams: true,
    mirSaprc07: 1.8, mirCn: 1.19, kohAtkinson2003: 5.2e-12, kohAopwin: 5.7345e-12, soaYieldWu2017: 0, soapDerwent2010: 0.2 },
  { id: "2-methyl-1-pentene", cas: "763-29-1", ja: "2-メチル-1-ペンテン", zh: "2-甲基-1-戊烯", synonyms: [], formula: "C6H12", carbon: 6, mw: 84.16, group: "alkenes", pams: true,
    mirSaprc07: 5.26, mirCn: null, kohAtkinson2003: 6.3e-11, kohAopwin: 5.40009e-11, soaYieldWu2017: 0.02, soapDerwent2010: null },
  { id: "1-hexene", cas: "592-41-6", ja: "1-ヘキセン", zh: "1-己烯", synonyms: ["hex-1-ene"], formula: "C6H12", carbon: 6, mw: 84.16, group: "alkenes", pams: true,
    mirSaprc07: 5.49, mirCn: 5.69, kohAtkinson2003: 3.7e-11, kohAopwin: 3.0178e-11, soaYieldWu2017: 0.02, soapDerwent2010: null },
  { id: "n-hexane", cas: "110-54-3", ja: "n-ヘキサン", zh: "正己烷", synonyms: ["hexane", "ヘキサン", "己烷"], formula: "C6H14", carbon: 6, mw: 86.18, group: "alkanes", pams: true,
    mirSaprc07: 1.24, mirCn: 0.62, kohAtkinson2003: 5.2e-12, kohAopwin: 5.4583e-12, soaYieldWu2017: 0, soapDerwent2010: 0.1 },
  { id: "methylcyclopentane", cas: "96-37-7", ja: "メチルシクロペンタン", zh: "甲基环戊烷", synonyms: ["methyl cyclopentane", "甲基環戊烷"], formula: "C6H12", carbon: 6, mw: 84.16, group: "alkanes", pams: true,
    mirSaprc07: 2.19, mirCn: null, kohAtkinson2003: null, kohAopwin: 5.6631e-12, soaYieldWu2017: 0.0017, soapDerwent2010: null },
  { id: "2,4-dimethylpentane", cas: "108-08-7", ja: "2,4-ジメチルペンタン", zh: "2,4-二甲基戊烷", synonyms: ["2,4-dimethyl pentane"], formula: "C7H16", carbon: 7, mw: 100.2, group: "alkanes", pams: true,
    mirSaprc07: 1.55, mirCn: null, kohAtkinson2003: 4.77e-12, kohAopwin: 6.8546e-12, soaYieldWu2017: 0, soapDerwent2010: null },
  { id: "benzene", cas: "71-43-2", ja: "ベンゼン", zh: "苯", synonyms: [], formula: "C6H6", carbon: 6, mw: 78.11, group: "aromatics", pams: true,
    mirSaprc07: 0.72, mirCn: 0.38, kohAtkinson2003: 1.22e-12, kohAopwin: 1.9498e-12, soaYieldWu2017: 0.0093, soapDerwent2010: 92.9 },
  { id: "cyclohexane", cas: "110-82-7", ja: "シクロヘキサン", zh: "环己烷", synonyms: ["環己烷"], formula: "C6H12", carbon: 6, mw: 84.16, group: "alkanes", pams: true,
    mirSaprc07: 1.25, mirCn: 1.29, kohAtkinson2003: 6.97e-12, kohAopwin: 8.4783e-12, soaYieldWu2017: 0.0017, soapDerwent2010: 0 },
  { id: "2-methylhexane", cas: "591-76-4", ja: "2-メチルヘキサン", zh: "2-甲基己烷", synonyms: ["2-methyl hexane"], formula: "C7H16", carbon: 7, mw: 100.2, group: "alkanes", pams: true,
    mirSaprc07: 1.19, mirCn: 0.73, kohAtkinson2003: null, kohAopwin: 6.863e-12, soaYieldWu2017: 0, soapDerwent2010: 0 },
  { id: "2,3-dimethylpentane", cas: "565-59-3", ja: "2,3-ジメチルペンタン", zh: "2,3-二甲基戊烷", synonyms: ["2,3-dimethyl pentane"], formula: "C7H16", carbon: 7, mw: 100.2, group: "alkanes", pams: true,
    mirSaprc07: 1.34, mirCn: null, kohAtkinson2003: null, kohAopwin: 7.1392e-12, soaYieldWu2017: 0, soapDerwent2010: null },
  { id: "3-methylhexane", cas: "589-34-4", ja: "3-メチルヘキサン", zh: "3-甲基己烷", synonyms: ["3-methyl hexane"], formula: "C7H16", carbon: 7, mw: 100.2, group: "alkanes", pams: true,
    mirSaprc07: 1.61, mirCn: 1.06, kohAtkinson2003: null, kohAopwin: 7.1476e-12, soaYieldWu2017: 0, soapDerwent2010: 0 },
  { id: "2,2,4-trimethylpentane", cas: "540-84-1", ja: "2,2,4-トリメチルペンタン", zh: "2,2,4-三甲基戊烷", synonyms: ["2,2,4-trimethyl pentane", "isooctane", "イソオクタン", "异辛烷"], formula: "C8H18", carbon: 8, mw: 114.23, group: "alkanes", pams: true,
    mirSaprc07: 1.26, mirCn: null, kohAtkinson2003: 3.34e-12, kohAopwin: 4.6356e-12, soaYieldWu2017: 0.048, soapDerwent2010: null },
  { id: "n-heptane", cas: "142-82-5", ja: "n-ヘプタン", zh: "正庚烷", synonyms: ["heptane", "ヘプタン", "庚烷"], formula: "C7H16", carbon: 7, mw: 100.2, group: "alkanes", pams: true,
    mirSaprc07: 1.07, mirCn: 0.28, kohAtkinson2003: 6.76e-12, kohAopwin: 6.8713e-12, soaYieldWu2017: 0.048, soapDerwent2010: 0.1 },
  { id: "methylcyclohexane", cas: "108-87-2", ja: "メチルシクロヘキサン", zh: "甲基环己烷", synonyms: ["methyl cyclohexane", "甲基環己烷"], formula: "C7H14", carbon: 7, mw: 98.19, group: "alkanes", pams: true,
    mirSaprc07: 1.7, mirCn: null, kohAtkinson2003: 9.64e-12, kohAopwin: 1.01675e-11, soaYieldWu2017: 0.22, soapDerwent2010: null },
  { id: "2,3,4-trimethylpentane", cas: "565-75-3", ja: "2,3,4-トリメチルペンタン", zh: "2,3,4-三甲基戊烷", synonyms: ["2,3,4-trimethyl pentane"], formula: "C8H18", carbon: 8, mw: 114.23, group: "alkanes", pams: true,
    mirSaprc07: 1.03, mirCn: null, kohAtkinson2003: 6.6e-12, kohAopwin: 8.5438e-12, soaYieldWu2017: 0.048, soapDerwent2010: null },
  { id: "toluene", cas: "108-88-3", ja: "トルエン", zh: "甲苯", synonyms: ["methylbenzene", "メチルベンゼン"], formula: "C7H8", carbon: 7, mw: 92.14, group: "aromatics", pams: true,
    mirSaprc07: 4, mirCn: 2.12, kohAtkinson2003: 5.63e-12, kohAopwin: 5.2263e-12, soaYieldWu2017: 0.36, soapDerwent2010: 100 },
  { id: "2-methylheptane", cas: "592-27-8", ja: "2-メチルヘプタン", zh: "2-甲基庚烷", synonyms: ["2-methyl heptane"], formula: "C8H18", carbon: 8, mw: 114.23, group: "alkanes", pams: true,
    mirSaprc07: 1.07, mirCn: null, kohAtkinson2003: null, kohAopwin: 8.276e-12, soaYieldWu2017: 0.048, soapDerwent2010: null },
  { id: "3-methylheptane", cas: "589-81-1", ja: "3-メチルヘプタン", zh: "3-甲基庚烷", synonyms: ["3-methyl heptane"], formula: "C8H18", carbon: 8, mw: 114.23, group: "alkanes", pams: true,
    mirSaprc07: 1.24, mirCn: null, kohAtkinson2003: null, kohAopwin: 8.5606e-12, soaYieldWu2017: 0.048, soapDerwent2010: null },
  { id: "n-octane", cas: "111-65-9", ja: "n-オクタン", zh: "正辛烷", synonyms: ["octane", "オクタン", "辛烷"], formula: "C8H18", carbon: 8, mw: 114.23, group: "alkanes", pams: true,
    mirSaprc07: 0.9, mirCn: 0.07, kohAtkinson2003: 8.11e-12, kohAopwin: 8.2844e-12, soaYieldWu2017: 0.058, soapDerwent2010: 0.8 },
  { id: "ethylbenzene", cas: "100-41-4", ja: "エチルベンゼン", zh: "乙苯", synonyms: ["ethyl benzene", "乙基苯"], formula: "C8H10", carbon: 8, mw: 106.17, group: "aromatics", pams: true,
    mirSaprc07: 3.04, mirCn: 2.02, kohAtkinson2003: 7e-12, kohAopwin: 5.9463e-12, soaYieldWu2017: 0.054, soapDerwent2010: 111.6 },
  { id: "m-xylene", cas: "108-38-3", ja: "m-キシレン", zh: "间二甲苯", synonyms: ["1,3-dimethylbenzene", "1,3-xylene", "meta-xylene", "メタキシレン", "間二甲苯", "间-二甲苯"], formula: "C8H10", carbon: 8, mw: 106.17, group: "aromatics", pams: true,
    mirSaprc07: 9.75, mirCn: 6.41, kohAtkinson2003: 2.31e-11, kohAopwin: 1.35606e-11, soaYieldWu2017: 0.069, soapDerwent2010: 75.8 },
  { id: "p-xylene", cas: "106-42-3", ja: "p-キシレン", zh: "对二甲苯", synonyms: ["1,4-dimethylbenzene", "1,4-xylene", "para-xylene", "パラキシレン", "對二甲苯", "对-二甲苯"], formula: "C8H10", carbon: 8, mw: 106.17, group: "aromatics", pams: true,
    mirSaprc07: 5.84, mirCn: 4.17, kohAtkinson2003: 1.43e-11, kohAopwin: 6.5119e-12, soaYieldWu2017: 0.072, soapDerwent2010: null },
  { id: "styrene", cas: "100-42-5", ja: "スチレン", zh: "苯乙烯", synonyms: ["vinylbenzene", "ethenylbenzene"], formula: "C8H8", carbon: 8, mw: 104.15, group: "aromatics", pams: true,
    mirSaprc07: 1.73, mirCn: 1.45, kohAtkinson2003: 5.8e-11, kohAopwin: 2.81332e-11, soaYieldWu2017: 0.039, soapDerwent2010: 212.3 },
  { id: "o-xylene", cas: "95-47-6", ja: "o-キシレン", zh: "邻二甲苯", synonyms: ["1,2-dimethylbenzene", "1,2-xylene", "ortho-xylene", "オルトキシレン", "鄰二甲苯", "邻-二甲苯"], formula: "C8H10", carbon: 8, mw: 106.17, group: "aromatics", pams: true,
    mirSaprc07: 7.64, mirCn: 5.41, kohAtkinson2003: 1.36e-11, kohAopwin: 6.5119e-12, soaYieldWu2017: 0.1, soapDerwent2010: 95.5 },
  { id: "n-nonane", cas: "111-84-2", ja: "n-ノナン", zh: "正壬烷", synonyms: ["nonane", "ノナン", "壬烷"], formula: "C9H20", carbon: 9, mw: 128.26, group: "alkanes", pams: true,
    mirSaprc07: 0.78, mirCn: 0.01, kohAtkinson2003: 9.7e-12, kohAopwin: 9.6974e-12, soaYieldWu2017: 0.14, soapDerwent2010: 1.9 },
  { id: "isopropylbenzene", cas: "98-82-8", ja: "イソプロピルベンゼン", zh: "异丙苯", synonyms: ["isopropyl benzene", "cumene", "クメン", "i-propylbenzene", "iso-propylbenzene", "异丙基苯", "異丙苯"], formula: "C9H12", carbon: 9, mw: 120.19, group: "aromatics", pams: true,
    mirSaprc07: 2.52, mirCn: 2.41, kohAtkinson2003: 6.3e-12, kohAopwin: 6.9005e-12, soaYieldWu2017: 0.021, soapDerwent2010: 95.5 },
  { id: "n-propylbenzene", cas: "103-65-1", ja: "n-プロピルベンゼン", zh: "正丙苯", synonyms: ["n-propyl benzene", "propylbenzene", "プロピルベンゼン", "丙苯"], formula: "C9H12", carbon: 9, mw: 120.19, group: "aromatics", pams: true,
    mirSaprc07: 2.03, mirCn: 1.79, kohAtkinson2003: 5.8e-12, kohAopwin: 7.31e-12, soaYieldWu2017: 0.016, soapDerwent2010: 109.7 },
  { id: "m-ethyltoluene", cas: "620-14-4", ja: "m-エチルトルエン", zh: "间乙基甲苯", synonyms: ["m-ethyl toluene", "3-ethyltoluene", "1-ethyl-3-methylbenzene", "間乙基甲苯", "间-乙基甲苯"], formula: "C9H12", carbon: 9, mw: 120.19, group: "aromatics", pams: true,
    mirSaprc07: 7.39, mirCn: 5.83, kohAtkinson2003: 1.86e-11, kohAopwin: 1.38858e-11, soaYieldWu2017: 0.063, soapDerwent2010: 100.6 },
  { id: "p-ethyltoluene", cas: "622-96-8", ja: "p-エチルトルエン", zh: "对乙基甲苯", synonyms: ["p-ethyl toluene", "4-ethyltoluene", "1-ethyl-4-methylbenzene", "對乙基甲苯", "对-乙基甲苯"], formula: "C9H12", carbon: 9, mw: 120.19, group: "aromatics", pams: true,
    mirSaprc07: 4.44, mirCn: 3.87, kohAtkinson2003: 1.18e-11, kohAopwin: 7.4388e-12, soaYieldWu2017: 0.025, soapDerwent2010: 69.7 },
  { id: "1,3,5-trimethylbenzene", cas: "108-67-8", ja: "1,3,5-トリメチルベンゼン", zh: "1,3,5-三甲苯", synonyms: ["1,3,5-trimethyl benzene", "mesitylene", "1,3,5-TMB", "1,3,5-三甲基苯", "メシチレン"], formula: "C9H12", carbon: 9, mw: 120.19, group: "aromatics", pams: true,
    mirSaprc07: 11.76, mirCn: 9.64, kohAtkinson2003: 5.67e-11, kohAopwin: 3.50993e-11, soaYieldWu2017: 0.021, soapDerwent2010: 13.5 },
  { id: "o-ethyltoluene", cas: "611-14-3", ja: "o-エチルトルエン", zh: "邻乙基甲苯", synonyms: ["o-ethyl toluene", "2-ethyltoluene", "1-ethyl-2-methylbenzene", "鄰乙基甲苯", "邻-乙基甲苯"], formula: "C9H12", carbon: 9, mw: 120.19, group: "aromatics", pams: true,
    mirSaprc07: 5.59, mirCn: 4.47, kohAtkinson2003: 1.19e-11, kohAopwin: 7.4388e-12, soaYieldWu2017: 0.056, soapDerwent2010: 94.8 },
  { id: "1,2,4-trimethylbenzene", cas: "95-63-6", ja: "1,2,4-トリメチルベンゼン", zh: "1,2,4-三甲苯", synonyms: ["1,2,4-trimethyl benzene", "pseudocumene", "1,2,4-TMB", "1,2,4-三甲基苯"], formula: "C9H12", carbon: 9, mw: 120.19, group: "aromatics", pams: true,
    mirSaprc07: 8.87, mirCn: 9.54, kohAtkinson2003: 3.25e-11, kohAopwin: 1.6698e-11, soaYieldWu2017: 0.021, soapDerwent2010: 20.6 },
  { id: "n-decane", cas: "124-18-5", ja: "n-デカン", zh: "正癸烷", synonyms: ["decane", "デカン", "癸烷"], formula: "C10H22", carbon: 10, mw: 142.28, group: "alkanes", pams: true,
    mirSaprc07: 0.68, mirCn: 0.02, kohAtkinson2003: 1.1e-11, kohAopwin: 1.11105e-11, soaYieldWu2017: 0.22, soapDerwent2010: 7 },
  { id: "1,2,3-trimethylbenzene", cas: "526-73-8", ja: "1,2,3-トリメチルベンゼン", zh: "1,2,3-三甲苯", synonyms: ["1,2,3-trimethyl benzene", "hemimellitene", "1,2,3-TMB", "1,2,3-三甲基苯"], formula: "C9H12", carbon: 9, mw: 120.19, group: "aromatics", pams: true,
    mirSaprc07: 11.97, mirCn: 8.57, kohAtkinson2003: 3.27e-11, kohAopwin: 1.6698e-11, soaYieldWu2017: 0.021, soapDerwent2010: 43.9 },
  { id: "m-diethylbenzene", cas: "141-93-5", ja: "m-ジエチルベンゼン", zh: "间二乙苯", synonyms: ["m-diethyl benzene", "1,3-diethylbenzene", "间二乙基苯", "間二乙苯"], formula: "C10H14", carbon: 10, mw: 134.22, group: "aromatics", pams: true,
    mirSaprc07: 7.1, mirCn: null, kohAtkinson2003: null, kohAopwin: 1.42418e-11, soaYieldWu2017: 0.063, soapDerwent2010: null },
  { id: "p-diethylbenzene", cas: "105-05-5", ja: "p-ジエチルベンゼン", zh: "对二乙苯", synonyms: ["p-diethyl benzene", "1,4-diethylbenzene", "对二乙基苯", "對二乙苯"], formula: "C10H14", carbon: 10, mw: 134.22, group: "aromatics", pams: true,
    mirSaprc07: 4.43, mirCn: null, kohAtkinson2003: null, kohAopwin: 8.1054e-12, soaYieldWu2017: 0.063, soapDerwent2010: null },
  { id: "n-undecane", cas: "1120-21-4", ja: "n-ウンデカン", zh: "正十一烷", synonyms: ["undecane", "ウンデカン", "十一烷"], formula: "C11H24", carbon: 11, mw: 156.31, group: "alkanes", pams: true,
    mirSaprc07: 0.61, mirCn: -0.03, kohAtkinson2003: 1.23e-11, kohAopwin: 1.25235e-11, soaYieldWu2017: 0.33, soapDerwent2010: 16.2 },
  { id: "n-dodecane", cas: "112-40-3", ja: "n-ドデカン", zh: "正十二烷", synonyms: ["dodecane", "ドデカン", "十二烷"], formula: "C12H26", carbon: 12, mw: 170.33, group: "alkanes", pams: true,
    mirSaprc07: 0.55, mirCn: -0.1, kohAtkinson2003: 1.32e-11, kohAopwin: 1.39366e-11, soaYieldWu2017: 0.44, soapDerwent2010: null },
  { id: "1,3-butadiene", cas: "106-99-0", ja: "1,3-ブタジエン", zh: "1,3-丁二烯", synonyms: ["butadiene", "ブタジエン", "丁二烯"], formula: "C4H6", carbon: 4, mw: 54.09, group: "alkenes", pams: false,
    mirSaprc07: 12.61, mirCn: 4.73, kohAtkinson2003: 6.66e-11, kohAopwin: 6.66e-11, soaYieldWu2017: 0.13, soapDerwent2010: 1.8 },
  { id: "alpha-pinene", cas: "80-56-8", ja: "α-ピネン", zh: "α-蒎烯", synonyms: ["apinene", "a-pinene", "α-pinene"], formula: "C10H16", carbon: 10, mw: 136.23, group: "BVOC", pams: false,
    mirSaprc07: 4.51, mirCn: null, kohAtkinson2003: 5.23e-11, kohAopwin: 9.07477e-11, soaYieldWu2017: 0.14, soapDerwent2010: null },
  { id: "beta-pinene", cas: "127-91-3", ja: "β-ピネン", zh: "β-蒎烯", synonyms: ["bpinene", "b-pinene", "β-pinene"], formula: "C10H16", carbon: 10, mw: 136.23, group: "BVOC", pams: false,
    mirSaprc07: 3.52, mirCn: 2.46, kohAtkinson2003: 7.43e-11, kohAopwin: 5.65247e-11, soaYieldWu2017: 0.12, soapDerwent2010: null },
  { id: "formaldehyde", cas: "50-00-0", ja: "ホルムアルデヒド", zh: "甲醛", synonyms: ["methanal", "HCHO"], formula: "CH2O", carbon: 1, mw: 30.03, group: "OVOCs", pams: false,
    mirSaprc07: 9.46, mirCn: 6.71, kohAtkinson2003: 9.37e-12, kohAopwin: 8.13e-12, soaYieldWu2017: 0, soapDerwent2010: null },
  { id: "acetaldehyde", cas: "75-07-0", ja: "アセトアルデヒド", zh: "乙醛", synonyms: ["ethanal", "CH3CHO"], formula: "C2H4O", carbon: 2, mw: 44.05, group: "OVOCs", pams: false,
    mirSaprc07: 6.54, mirCn: 4.1, kohAtkinson2003: 1.5e-11, kohAopwin: 1.698e-11, soaYieldWu2017: 0, soapDerwent2010: 0.6 },
  { id: "acetone", cas: "67-64-1", ja: "アセトン", zh: "丙酮", synonyms: ["propanone", "2-propanone"], formula: "C3H6O", carbon: 3, mw: 58.08, group: "OVOCs", pams: false,
    mirSaprc07: 0.36, mirCn: 0.22, kohAtkinson2003: 1.7e-13, kohAopwin: 2.04e-13, soaYieldWu2017: 0.0078, soapDerwent2010: 0.3 },
  { id: "MEK", cas: "78-93-3", ja: "メチルエチルケトン", zh: "丁酮", synonyms: ["methyl ethyl ketone", "2-butanone", "butanone", "2-ブタノン", "甲乙酮", "甲基乙基酮"], formula: "C4H8O", carbon: 4, mw: 72.11, group: "OVOCs", pams: false,
    mirSaprc07: 1.48, mirCn: 1.18, kohAtkinson2003: 1.22e-12, kohAopwin: 1.3329e-12, soaYieldWu2017: 0.0078, soapDerwent2010: null },
  { id: "ethanol", cas: "64-17-5", ja: "エタノール", zh: "乙醇", synonyms: ["ethyl alcohol"], formula: "C2H6O", carbon: 2, mw: 46.07, group: "OVOCs", pams: false,
    mirSaprc07: 1.53, mirCn: 0.66, kohAtkinson2003: 3.2e-12, kohAopwin: 3.5763e-12, soaYieldWu2017: 0, soapDerwent2010: 0.6 },
  { id: "methanol", cas: "67-56-1", ja: "メタノール", zh: "甲醇", synonyms: ["methyl alcohol"], formula: "CH4O", carbon: 1, mw: 32.04, group: "OVOCs", pams: false,
    mirSaprc07: 0.67, mirCn: 0.38, kohAtkinson2003: 9.4e-13, kohAopwin: 6.16e-13, soaYieldWu2017: 0, soapDerwent2010: null },
  { id: "propionaldehyde", cas: "123-38-6", ja: "プロピオンアルデヒド", zh: "丙醛", synonyms: ["propanal"], formula: "C3H6O", carbon: 3, mw: 58.08, group: "OVOCs", pams: false,
    mirSaprc07: 7.08, mirCn: 2.6, kohAtkinson2003: 2e-11, kohAopwin: 2.19908e-11, soaYieldWu2017: 0, soapDerwent2010: null },
  { id: "acrolein", cas: "107-02-8", ja: "アクロレイン", zh: "丙烯醛", synonyms: ["propenal", "2-propenal"], formula: "C3H4O", carbon: 3, mw: 56.06, group: "OVOCs", pams: false,
    mirSaprc07: 7.45, mirCn: 3.01, kohAtkinson2003: null, kohAopwin: 2.582e-11, soaYieldWu2017: null, soapDerwent2010: null },
  { id: "MVK", cas: "78-94-4", ja: "メチルビニルケトン", zh: "甲基乙烯基酮", synonyms: ["methyl vinyl ketone", "3-buten-2-one"], formula: "C4H6O", carbon: 4, mw: 70.09, group: "OVOCs", pams: false,
    mirSaprc07: 9.65, mirCn: null, kohAtkinson2003: 2e-11, kohAopwin: 2.3772e-11, soaYieldWu2017: null, soapDerwent2010: null },
  { id: "methacrolein", cas: "78-85-3", ja: "メタクロレイン", zh: "甲基丙烯醛", synonyms: ["MACR", "methacrylaldehyde", "2-methylpropenal"], formula: "C4H6O", carbon: 4, mw: 70.09, group: "OVOCs", pams: false,
    mirSaprc07: 6.01, mirCn: 5.23, kohAtkinson2003: 2.9e-11, kohAopwin: 3.449e-11, soaYieldWu2017: 0.093, soapDerwent2010: null },
  { id: "benzaldehyde", cas: "100-52-7", ja: "ベンズアルデヒド", zh: "苯甲醛", synonyms: [], formula: "C7H6O", carbon: 7, mw: 106.12, group: "OVOCs", pams: false,
    mirSaprc07: -0.67, mirCn: -1.02, kohAtkinson2003: 1.2e-11, kohAopwin: 1.7867e-11, soaYieldWu2017: 0, soapDerwent2010: null },
  { id: "n-butanal", cas: "123-72-8", ja: "ブタナール", zh: "正丁醛", synonyms: ["butanal", "butyraldehyde", "n-butyraldehyde", "ブチルアルデヒド", "丁醛"], formula: "C4H8O", carbon: 4, mw: 72.11, group: "OVOCs", pams: false,
    mirSaprc07: 5.97, mirCn: 4.54, kohAtkinson2003: 2.4e-11, kohAopwin: 2.54314e-11, soaYieldWu2017: 0.093, soapDerwent2010: null },
  { id: "MTBE", cas: "1634-04-4", ja: "メチル tert-ブチルエーテル", zh: "甲基叔丁基醚", synonyms: ["methyl t-butyl ether", "methyl tert-butyl ether", "methyl tertiary butyl ether"], formula: "C5H12O", carbon: 5, mw: 88.15, group: "OVOCs", pams: false,
    mirSaprc07: 0.73, mirCn: 0.44, kohAtkinson2003: 2.94e-12, kohAopwin: 2.2576e-12, soaYieldWu2017: 0.001, soapDerwent2010: null },
  { id: "isopropanol", cas: "67-63-0", ja: "イソプロパノール", zh: "异丙醇", synonyms: ["isopropyl alcohol", "2-propanol", "IPA", "2-プロパノール", "イソプロピルアルコール"], formula: "C3H8O", carbon: 3, mw: 60.1, group: "OVOCs", pams: false,
    mirSaprc07: 0.61, mirCn: 0.49, kohAtkinson2003: 5.1e-12, kohAopwin: 7.2646e-12, soaYieldWu2017: 0, soapDerwent2010: 0.4 },
  { id: "ethyl acetate", cas: "141-78-6", ja: "酢酸エチル", zh: "乙酸乙酯", synonyms: [], formula: "C4H8O2", carbon: 4, mw: 88.11, group: "OVOCs", pams: false,
    mirSaprc07: 0.63, mirCn: 0.54, kohAtkinson2003: null, kohAopwin: 1.7038e-12, soaYieldWu2017: 0, soapDerwent2010: 0.1 },
  { id: "vinyl acetate", cas: "108-05-4", ja: "酢酸ビニル", zh: "乙酸乙烯酯", synonyms: [], formula: "C4H6O2", carbon: 4, mw: 86.09, group: "OVOCs", pams: false,
    mirSaprc07: 3.2, mirCn: null, kohAtkinson2003: null, kohAopwin: 2.63422e-11, soaYieldWu2017: 0, soapDerwent2010: null },
  { id: "dichloromethane", cas: "75-09-2", ja: "ジクロロメタン", zh: "二氯甲烷", synonyms: ["methylene chloride", "塩化メチレン"], formula: "CH2Cl2", carbon: 1, mw: 84.93, group: "halocarbons", pams: false,
    mirSaprc07: 0.041, mirCn: 0.07, kohAtkinson2003: null, kohAopwin: 1.349e-13, soaYieldWu2017: 0.035, soapDerwent2010: null },
  { id: "chloroform", cas: "67-66-3", ja: "クロロホルム", zh: "三氯甲烷", synonyms: ["trichloromethane", "トリクロロメタン", "氯仿"], formula: "CHCl3", carbon: 1, mw: 119.38, group: "halocarbons", pams: false,
    mirSaprc07: 0.022, mirCn: null, kohAtkinson2003: null, kohAopwin: 1.065e-13, soaYieldWu2017: 0.035, soapDerwent2010: null },
  { id: "TCE", cas: "79-01-6", ja: "トリクロロエチレン", zh: "三氯乙烯", synonyms: ["trichloroethylene", "trichloroethene"], formula: "C2HCl3", carbon: 2, mw: 131.39, group: "halocarbons", pams: false,
    mirSaprc07: 0.64, mirCn: null, kohAtkinson2003: null, kohAopwin: 8.048e-13, soaYieldWu2017: 0.035, soapDerwent2010: null },
  { id: "PCE", cas: "127-18-4", ja: "テトラクロロエチレン", zh: "四氯乙烯", synonyms: ["perchloroethylene", "tetrachloroethylene", "tetrachloroethene"], formula: "C2Cl4", carbon: 2, mw: 165.83, group: "halocarbons", pams: false,
    mirSaprc07: 0.031, mirCn: null, kohAtkinson2003: null, kohAopwin: 2.139e-13, soaYieldWu2017: 0.035, soapDerwent2010: null },
  { id: "vinyl chloride", cas: "75-01-4", ja: "塩化ビニル", zh: "氯乙烯", synonyms: ["chloroethene", "chloroethylene", "VCM"], formula: "C2H3Cl", carbon: 2, mw: 62.5, group: "halocarbons", pams: false,
    mirSaprc07: 2.83, mirCn: 3.03, kohAtkinson2003: null, kohAopwin: 5.523e-12, soaYieldWu2017: 0.035, soapDerwent2010: null },
  { id: "1,2-dichloroethane", cas: "107-06-2", ja: "1,2-ジクロロエタン", zh: "1,2-二氯乙烷", synonyms: ["ethylene dichloride"], formula: "C2H4Cl2", carbon: 2, mw: 98.96, group: "halocarbons", pams: false,
    mirSaprc07: 0.21, mirCn: null, kohAtkinson2003: null, kohAopwin: 2.555e-13, soaYieldWu2017: 0.035, soapDerwent2010: null },
  { id: "chlorobenzene", cas: "108-90-7", ja: "クロロベンゼン", zh: "氯苯", synonyms: ["monochlorobenzene"], formula: "C6H5Cl", carbon: 6, mw: 112.56, group: "halocarbons", pams: false,
    mirSaprc07: 0.32, mirCn: null, kohAtkinson2003: null, kohAopwin: 1.3716e-12, soaYieldWu2017: 0.035, soapDerwent2010: null },
];
