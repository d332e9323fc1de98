/**
 * Measured VOC species → the lumped (model) species of CB6r5 and SAPRC-07TC, moles of model species
 * per mole of compound, for every species of aozora's VOC registry (`src/models/voc/tables/species.ts`),
 * matched by CAS number.
 *
 * Source of the assignments (one row per registry species, {@link VOC_MECHANISM_ROWS}):
 * the US EPA / CMAS Speciation Tool, github.com/CMASCenter/Speciation-Tool, commit
 * b90a7de3f7b2f36ca6dabd604c2a7402260054ba (2024-05-08):
 * - `import_data/speciate5.1_exports/export_species_properties.txt`: SPECIATE 5.1 species id, name
 *   and CAS number (columns 1–3); the registry's CAS number picks the SPECIATE id (the first id of
 *   that CAS number; isoprene has a second id 2166 "Isoprene -duplicate" with the same assignments).
 * - `import_data/mechanism_forImport_11Feb2020_speciate5_0_withSOAALK_8may2024_v0.csv`: rows
 *   `"mechanism","SPECIES_ID","mech_species","moles_ratio"`, e.g. line 6988
 *   `"CB6R3_AE7","592","PAR","4.0000"` (n-butane → 4 PAR). The third element of each term below is
 *   that file's 1-based line number. The Tool's `sptool_mechanism_description` file credits the
 *   assignments to Ramboll (G. Yarwood), "Mechanism_mappings_for_SPECIATE5_7Feb2020.xlsx".
 *
 * Mechanisms used from that file and how they become the species of the shipped CMAQ v5.5 `.def`
 * files (`shared/reference/mechanisms/`):
 * - **CB6r5** (`mech_cb6r5_ae7_aq.def`): the Tool has no CB6r5 mechanism; its `CB6R3_AE7` rows are
 *   used, because CMAQ's own emission mapping for cb6r5_ae7_aq takes exactly the CB6r3 surrogates
 *   (CMAQ `CCTM/src/MECHS/cb6r5_ae7_aq/CMAQ_Control_DESID_cb6r5_ae7_aq.nml`, github.com/USEPA/CMAQ
 *   commit 38ae3a50cf2256542a9515e6345be1f8cbe5e484, "consistent with CMAQv5.4"): every primary-VOC
 *   surrogate maps to the CMAQ species of the same name (ALD2, FORM, MEOH, ALDX, ETHA, ETOH, KET, PAR,
 *   ACET, PRPA, ETHY, ETH, OLE, IOLE, ISOP, APIN, TERP, TOL, XYLMN, NAPH), except the one r3→r5
 *   difference applied here: `'BENZ' ,'BENZENE' ,'GAS' ,1.` (benzene is `BENZENE` in CB6r5). See
 *   {@link CB6R5_SURROGATES}.
 * - **SAPRC-07TC** (`mech_saprc07tc_ae6_aq.def`): the Tool's `SAPRC07TC_AE7` rows (the gas phase of
 *   saprc07tc_ae7 and _ae6 is the same mechanism), renamed to the model species as CMAQ's emission
 *   control file does (`CCTM/src/MECHS/saprc07tc_ae6_aq/EmissCtrl_saprc07tc_ae6_aq.nml`, commit
 *   050665ae733aaeeadeb9e0cd82fcaaded50a3d86, "CMAQv5.3"): ETHE→ETHENE, PRPE→PROPENE, ACYE→ACETYLENE,
 *   BENZ→BENZENE, TOLU→TOLUENE, ISOP→ISOPRENE, ACET→ACETONE, BDE13→BUTADIENE13, ACRO→ACROLEIN,
 *   B124→TMBENZ124; and ARO2→ARO2MN, from the `.def` file's own history ("changed BL15 to (ARO2MN+OH)
 *   … (removed ARO2 and added ARO2MN. Added NAPHTHAL and PAHRO2.)"); the Tool's SAPRC07TC mapping
 *   keeps naphthalene out of ARO2, so its ARO2 is CMAQ's ARO2MN ("minus naphthalene"). The emission
 *   control file names ARO2MN as the surrogate, the Tool writes ARO2: this rename is aozora's reading,
 *   not a line of either file. See {@link SAPRC07_SURROGATES}.
 *
 * Surrogates that are no species of the mechanism (the Tool's unreactive `UNR` carbon of CB6 and
 * `NROG` of SAPRC, and `IVOC`, intermediate-volatility organics that CMAQ represents through its
 * pcSOA/VBS species, not as a gas-phase reactant) have `species: null` with the reason; a mapped
 * concentration reports them as not modelled, never drops them silently. The toxics tracers of the
 * two CMAQ files (`*_PRIMARY`, and in CB6r5 `BUTADIENE13`/`ACROLEIN`, which regenerate their
 * oxidant and feed nothing back) are not filled: the Tool's rows put 1,3-butadiene and acrolein in
 * the reactive lumped species (IOLE; ALDX + 0.5 OLE).
 *
 * Regenerate the rows with `node scripts/voc-mechanism-table.cjs <Speciation-Tool git dir> <commit>`.
 */

/** Where the assignments of {@link VOC_MECHANISM_ROWS} come from. */
export const VOC_MECHANISM_SOURCE = {
  repository: "github.com/CMASCenter/Speciation-Tool",
  commit: "b90a7de3f7b2f36ca6dabd604c2a7402260054ba",
  assignments: "import_data/mechanism_forImport_11Feb2020_speciate5_0_withSOAALK_8may2024_v0.csv",
  species: "import_data/speciate5.1_exports/export_species_properties.txt",
  cb6r5Rename:
    "github.com/USEPA/CMAQ CCTM/src/MECHS/cb6r5_ae7_aq/CMAQ_Control_DESID_cb6r5_ae7_aq.nml (commit 38ae3a50cf2256542a9515e6345be1f8cbe5e484)",
  saprc07Rename:
    "github.com/USEPA/CMAQ CCTM/src/MECHS/saprc07tc_ae6_aq/EmissCtrl_saprc07tc_ae6_aq.nml (commit 050665ae733aaeeadeb9e0cd82fcaaded50a3d86)",
} as const;

/** One Speciation Tool row: `[surrogate, moles per mole of compound, 1-based line in the assignments file]`. */
export type SpeciationToolTerm = readonly [surrogate: string, molesPerMole: number, line: number];

/** A registry species and its Speciation Tool assignments. */
export interface VocMechanismRow {
  /** Registry id (`src/models/voc/tables/species.ts`). */
  readonly id: string;
  /** CAS Registry Number, the key matched to SPECIATE. */
  readonly cas: string;
  /** SPECIATE 5.1 species id. */
  readonly speciateId: number;
  /** SPECIATE 5.1 species name. */
  readonly speciateName: string;
  /** Rows of mechanism `CB6R3_AE7` (used for CB6r5, see the module comment). */
  readonly cb6r3Ae7: readonly SpeciationToolTerm[];
  /** Rows of mechanism `SAPRC07TC_AE7`. */
  readonly saprc07tcAe7: readonly SpeciationToolTerm[];
}

/** A surrogate of the Speciation Tool and the model species it becomes (`null`: no species of the mechanism). */
export interface SurrogateSpecies {
  readonly species: string | null;
  /** Why the surrogate is renamed or not modelled; absent for a same-name species. */
  readonly note?: string;
}

/** Every registry species, in registry order, with its Speciation Tool rows (no registry species lacks a SPECIATE match). */
export const VOC_MECHANISM_ROWS: readonly VocMechanismRow[] = [
  {
    id: "ethylene",
    cas: "74-85-1",
    speciateId: 452,
    speciateName: "Ethylene (or ethene)",
    cb6r3Ae7: [["ETH", 1, 6715]],
    saprc07tcAe7: [["ETHE", 1, 30452]],
  },
  {
    id: "acetylene",
    cas: "74-86-2",
    speciateId: 282,
    speciateName: "Acetylene (or ethyne)",
    cb6r3Ae7: [["ETHY", 1, 5915]],
    saprc07tcAe7: [["ACYE", 1, 29648]],
  },
  {
    id: "ethane",
    cas: "74-84-0",
    speciateId: 438,
    speciateName: "Ethane",
    cb6r3Ae7: [["ETHA", 1, 6693]],
    saprc07tcAe7: [["ALK1", 1, 30436]],
  },
  {
    id: "propylene",
    cas: "115-07-1",
    speciateId: 678,
    speciateName: "Propylene (or Propene || 1-Propene)",
    cb6r3Ae7: [
      ["OLE", 1, 7118],
      ["PAR", 1, 7119],
    ],
    saprc07tcAe7: [["PRPE", 1, 31018]],
  },
  {
    id: "propane",
    cas: "74-98-6",
    speciateId: 671,
    speciateName: "Propane",
    cb6r3Ae7: [["PRPA", 1, 7107]],
    saprc07tcAe7: [["ALK2", 1, 31011]],
  },
  {
    id: "isobutane",
    cas: "75-28-5",
    speciateId: 491,
    speciateName: "Isobutane (or 2-Methylpropane)",
    cb6r3Ae7: [["PAR", 4, 6781]],
    saprc07tcAe7: [["ALK3", 1, 30523]],
  },
  {
    id: "1-butene",
    cas: "106-98-9",
    speciateId: 64,
    speciateName: "1-butene",
    cb6r3Ae7: [
      ["OLE", 1, 7057],
      ["PAR", 2, 7058],
    ],
    saprc07tcAe7: [["OLE1", 1, 30936]],
  },
  {
    id: "n-butane",
    cas: "106-97-8",
    speciateId: 592,
    speciateName: "N-butane",
    cb6r3Ae7: [["PAR", 4, 6988]],
    saprc07tcAe7: [["ALK3", 1, 30862]],
  },
  {
    id: "trans-2-butene",
    cas: "624-64-6",
    speciateId: 737,
    speciateName: "Trans-2-butene (or (2E)-2-Butene)",
    cb6r3Ae7: [["IOLE", 1, 7194]],
    saprc07tcAe7: [["OLE2", 1, 31093]],
  },
  {
    id: "cis-2-butene",
    cas: "590-18-1",
    speciateId: 367,
    speciateName: "Cis-2-butene (or 2-Butene, (2Z)-)",
    cb6r3Ae7: [["IOLE", 1, 6586]],
    saprc07tcAe7: [["OLE2", 1, 30338]],
  },
  {
    id: "isopentane",
    cas: "78-78-4",
    speciateId: 508,
    speciateName: "Isopentane (or 2-Methylbutane)",
    cb6r3Ae7: [["PAR", 5, 6812]],
    saprc07tcAe7: [["ALK4", 1, 30581]],
  },
  {
    id: "1-pentene",
    cas: "109-67-1",
    speciateId: 108,
    speciateName: "1-pentene",
    cb6r3Ae7: [
      ["OLE", 1, 3777],
      ["PAR", 3, 3778],
    ],
    saprc07tcAe7: [["OLE1", 1, 27699]],
  },
  {
    id: "n-pentane",
    cas: "109-66-0",
    speciateId: 605,
    speciateName: "N-pentane",
    cb6r3Ae7: [["PAR", 5, 7009]],
    saprc07tcAe7: [["ALK4", 1, 30877]],
  },
  {
    id: "isoprene",
    cas: "78-79-5",
    speciateId: 511,
    speciateName: "Isoprene",
    cb6r3Ae7: [["ISOP", 1, 6817]],
    saprc07tcAe7: [["ISOP", 1, 30585]],
  },
  {
    id: "trans-2-pentene",
    cas: "646-04-8",
    speciateId: 742,
    speciateName: "Trans-2-pentene (or (2E)-2-Pentene)",
    cb6r3Ae7: [
      ["IOLE", 1, 7204],
      ["PAR", 1, 7205],
    ],
    saprc07tcAe7: [["OLE2", 1, 31099]],
  },
  {
    id: "cis-2-pentene",
    cas: "627-20-3",
    speciateId: 371,
    speciateName: "Cis-2-pentene (or (2Z)-2-Pentene)",
    cb6r3Ae7: [
      ["IOLE", 1, 6595],
      ["PAR", 1, 6596],
    ],
    saprc07tcAe7: [["OLE2", 1, 30343]],
  },
  {
    id: "2,2-dimethylbutane",
    cas: "75-83-2",
    speciateId: 122,
    speciateName: "2,2-dimethylbutane",
    cb6r3Ae7: [
      ["PAR", 5, 3846],
      ["UNR", 1, 3847],
    ],
    saprc07tcAe7: [["ALK3", 1, 27744]],
  },
  {
    id: "cyclopentane",
    cas: "287-92-3",
    speciateId: 390,
    speciateName: "Cyclopentane",
    cb6r3Ae7: [["PAR", 5, 6626]],
    saprc07tcAe7: [["ALK4", 1, 30373]],
  },
  {
    id: "2,3-dimethylbutane",
    cas: "79-29-8",
    speciateId: 136,
    speciateName: "2,3-dimethylbutane",
    cb6r3Ae7: [["PAR", 6, 3908]],
    saprc07tcAe7: [["ALK4", 1, 27795]],
  },
  {
    id: "2-methylpentane",
    cas: "107-83-5",
    speciateId: 199,
    speciateName: "2-methylpentane (or isohexane)",
    cb6r3Ae7: [["PAR", 6, 4599]],
    saprc07tcAe7: [["ALK4", 1, 28387]],
  },
  {
    id: "3-methylpentane",
    cas: "96-14-0",
    speciateId: 248,
    speciateName: "3-methylpentane",
    cb6r3Ae7: [["PAR", 6, 5433]],
    saprc07tcAe7: [["ALK4", 1, 29264]],
  },
  {
    id: "2-methyl-1-pentene",
    cas: "763-29-1",
    speciateId: 184,
    speciateName: "2-methyl-1-pentene",
    cb6r3Ae7: [
      ["OLE", 1, 4409],
      ["PAR", 4, 4410],
    ],
    saprc07tcAe7: [["OLE2", 1, 28241]],
  },
  {
    id: "1-hexene",
    cas: "592-41-6",
    speciateId: 78,
    speciateName: "1-hexene",
    cb6r3Ae7: [
      ["OLE", 1, 7269],
      ["PAR", 4, 7270],
    ],
    saprc07tcAe7: [["OLE1", 1, 31199]],
  },
  {
    id: "n-hexane",
    cas: "110-54-3",
    speciateId: 601,
    speciateName: "N-hexane",
    cb6r3Ae7: [["PAR", 6, 7005]],
    saprc07tcAe7: [["ALK4", 1, 30873]],
  },
  {
    id: "methylcyclopentane",
    cas: "96-37-7",
    speciateId: 551,
    speciateName: "Methylcyclopentane",
    cb6r3Ae7: [["PAR", 6, 6872]],
    saprc07tcAe7: [["ALK4", 1, 30635]],
  },
  {
    id: "2,4-dimethylpentane",
    cas: "108-08-7",
    speciateId: 152,
    speciateName: "2,4-dimethylpentane",
    cb6r3Ae7: [["PAR", 7, 4029]],
    saprc07tcAe7: [["ALK4", 1, 27904]],
  },
  {
    id: "benzene",
    cas: "71-43-2",
    speciateId: 302,
    speciateName: "Benzene",
    cb6r3Ae7: [["BENZ", 1, 6187]],
    saprc07tcAe7: [["BENZ", 1, 29909]],
  },
  {
    id: "cyclohexane",
    cas: "110-82-7",
    speciateId: 385,
    speciateName: "Cyclohexane",
    cb6r3Ae7: [["PAR", 6, 6612]],
    saprc07tcAe7: [["ALK5", 1, 30367]],
  },
  {
    id: "2-methylhexane",
    cas: "591-76-4",
    speciateId: 194,
    speciateName: "2-methylhexane",
    cb6r3Ae7: [["PAR", 7, 4521]],
    saprc07tcAe7: [["ALK5", 1, 28328]],
  },
  {
    id: "2,3-dimethylpentane",
    cas: "565-59-3",
    speciateId: 140,
    speciateName: "2,3-dimethylpentane",
    cb6r3Ae7: [["PAR", 7, 3922]],
    saprc07tcAe7: [["ALK5", 1, 27808]],
  },
  {
    id: "3-methylhexane",
    cas: "589-34-4",
    speciateId: 245,
    speciateName: "3-methylhexane",
    cb6r3Ae7: [["PAR", 7, 5401]],
    saprc07tcAe7: [["ALK5", 1, 29232]],
  },
  {
    id: "2,2,4-trimethylpentane",
    cas: "540-84-1",
    speciateId: 118,
    speciateName: "2,2,4-trimethylpentane",
    cb6r3Ae7: [
      ["PAR", 7, 3836],
      ["UNR", 1, 3837],
    ],
    saprc07tcAe7: [["ALK3", 1, 27738]],
  },
  {
    id: "n-heptane",
    cas: "142-82-5",
    speciateId: 600,
    speciateName: "N-heptane",
    cb6r3Ae7: [["PAR", 7, 7004]],
    saprc07tcAe7: [["ALK4", 1, 30872]],
  },
  {
    id: "methylcyclohexane",
    cas: "108-87-2",
    speciateId: 550,
    speciateName: "Methylcyclohexane",
    cb6r3Ae7: [["PAR", 7, 6871]],
    saprc07tcAe7: [["ALK5", 1, 30634]],
  },
  {
    id: "2,3,4-trimethylpentane",
    cas: "565-75-3",
    speciateId: 130,
    speciateName: "2,3,4-trimethylpentane",
    cb6r3Ae7: [["PAR", 8, 3883]],
    saprc07tcAe7: [["ALK4", 1, 27773]],
  },
  {
    id: "toluene",
    cas: "108-88-3",
    speciateId: 717,
    speciateName: "Toluene",
    cb6r3Ae7: [["TOL", 1, 7169]],
    saprc07tcAe7: [["TOLU", 1, 31063]],
  },
  {
    id: "2-methylheptane",
    cas: "592-27-8",
    speciateId: 193,
    speciateName: "2-methylheptane",
    cb6r3Ae7: [["PAR", 8, 4507]],
    saprc07tcAe7: [["ALK5", 1, 28316]],
  },
  {
    id: "3-methylheptane",
    cas: "589-81-1",
    speciateId: 244,
    speciateName: "3-methylheptane",
    cb6r3Ae7: [["PAR", 8, 5390]],
    saprc07tcAe7: [["ALK5", 1, 29221]],
  },
  {
    id: "n-octane",
    cas: "111-65-9",
    speciateId: 604,
    speciateName: "N-octane",
    cb6r3Ae7: [["PAR", 8, 7008]],
    saprc07tcAe7: [["ALK5", 1, 30876]],
  },
  {
    id: "ethylbenzene",
    cas: "100-41-4",
    speciateId: 449,
    speciateName: "Ethylbenzene",
    cb6r3Ae7: [
      ["PAR", 1, 6710],
      ["TOL", 1, 6711],
    ],
    saprc07tcAe7: [["ARO1", 1, 30448]],
  },
  {
    id: "m-xylene",
    cas: "108-38-3",
    speciateId: 524,
    speciateName: "M-xylene",
    cb6r3Ae7: [["XYLMN", 1, 6833]],
    saprc07tcAe7: [["MXYL", 1, 30609]],
  },
  {
    id: "p-xylene",
    cas: "106-42-3",
    speciateId: 648,
    speciateName: "P-xylene",
    cb6r3Ae7: [["XYLMN", 1, 7080]],
    saprc07tcAe7: [["PXYL", 1, 30979]],
  },
  {
    id: "styrene",
    cas: "100-42-5",
    speciateId: 698,
    speciateName: "Styrene",
    cb6r3Ae7: [
      ["OLE", 0.5, 7143],
      ["TOL", 1, 7144],
    ],
    saprc07tcAe7: [["OLE2", 1, 31045]],
  },
  {
    id: "o-xylene",
    cas: "95-47-6",
    speciateId: 620,
    speciateName: "O-xylene",
    cb6r3Ae7: [["XYLMN", 1, 7027]],
    saprc07tcAe7: [["OXYL", 1, 30892]],
  },
  {
    id: "n-nonane",
    cas: "111-84-2",
    speciateId: 603,
    speciateName: "N-nonane",
    cb6r3Ae7: [["PAR", 9, 7007]],
    saprc07tcAe7: [["ALK5", 1, 30875]],
  },
  {
    id: "isopropylbenzene",
    cas: "98-82-8",
    speciateId: 514,
    speciateName: "Isopropylbenzene (or cumene || 2-Phenylpropane)",
    cb6r3Ae7: [
      ["PAR", 2, 6821],
      ["TOL", 1, 6822],
    ],
    saprc07tcAe7: [["ARO1", 1, 30588]],
  },
  {
    id: "n-propylbenzene",
    cas: "103-65-1",
    speciateId: 608,
    speciateName: "N-propylbenzene",
    cb6r3Ae7: [
      ["PAR", 2, 7012],
      ["TOL", 1, 7013],
    ],
    saprc07tcAe7: [["ARO1", 1, 30880]],
  },
  {
    id: "m-ethyltoluene",
    cas: "620-14-4",
    speciateId: 89,
    speciateName: "1-Methyl-3-ethylbenzene (or 1-Ethyl-3-methylbenzene || 3-Ethyltoluene)",
    cb6r3Ae7: [
      ["PAR", 1, 7339],
      ["XYLMN", 1, 7340],
    ],
    saprc07tcAe7: [["ARO2", 1, 31259]],
  },
  {
    id: "p-ethyltoluene",
    cas: "622-96-8",
    speciateId: 94,
    speciateName: "1-Methyl-4-ethylbenzene (or 1-Ethyl-4-methylbenzene || 4-ethyltoluene)",
    cb6r3Ae7: [
      ["PAR", 1, 7397],
      ["XYLMN", 1, 7398],
    ],
    saprc07tcAe7: [["ARO2", 1, 31313]],
  },
  {
    id: "1,3,5-trimethylbenzene",
    cas: "108-67-8",
    speciateId: 44,
    speciateName: "1,3,5-trimethylbenzene",
    cb6r3Ae7: [
      ["PAR", 1, 6695],
      ["XYLMN", 1, 6696],
    ],
    saprc07tcAe7: [["ARO2", 1, 30438]],
  },
  {
    id: "o-ethyltoluene",
    cas: "611-14-3",
    speciateId: 80,
    speciateName:
      "1-Methyl-2-ethylbenzene (or o-ethyltoluene || 1-Ethyl-2-methylbenzene || 2-ethyltoluene || 2-Ethylmethylbenzene)",
    cb6r3Ae7: [
      ["PAR", 1, 7279],
      ["XYLMN", 1, 7280],
    ],
    saprc07tcAe7: [["ARO2", 1, 31206]],
  },
  {
    id: "1,2,4-trimethylbenzene",
    cas: "95-63-6",
    speciateId: 30,
    speciateName: "1,2,4-trimethylbenzene",
    cb6r3Ae7: [
      ["PAR", 1, 6147],
      ["XYLMN", 1, 6148],
    ],
    saprc07tcAe7: [
      ["ARO2", 0.5, 29886],
      ["B124", 0.5, 29887],
    ],
  },
  {
    id: "n-decane",
    cas: "124-18-5",
    speciateId: 598,
    speciateName: "N-decane",
    cb6r3Ae7: [["PAR", 10, 6998]],
    saprc07tcAe7: [["ALK5", 1, 30868]],
  },
  {
    id: "1,2,3-trimethylbenzene",
    cas: "526-73-8",
    speciateId: 25,
    speciateName: "1,2,3-trimethylbenzene",
    cb6r3Ae7: [
      ["PAR", 1, 5455],
      ["XYLMN", 1, 5456],
    ],
    saprc07tcAe7: [["ARO2", 1, 29286]],
  },
  {
    id: "m-diethylbenzene",
    cas: "141-93-5",
    speciateId: 51,
    speciateName: "1,3-diethylbenzene (or m-diethylbenzene)",
    cb6r3Ae7: [
      ["PAR", 2, 6814],
      ["XYLMN", 1, 6815],
    ],
    saprc07tcAe7: [["ARO2", 1, 30583]],
  },
  {
    id: "p-diethylbenzene",
    cas: "105-05-5",
    speciateId: 59,
    speciateName: "1,4-diethylbenzene ( or p-diethylbenzene)",
    cb6r3Ae7: [
      ["PAR", 2, 6984],
      ["XYLMN", 1, 6985],
    ],
    saprc07tcAe7: [["ARO2", 1, 30859]],
  },
  {
    id: "n-undecane",
    cas: "1120-21-4",
    speciateId: 610,
    speciateName: "N-undecane",
    cb6r3Ae7: [["PAR", 11, 7016]],
    saprc07tcAe7: [["ALK5", 1, 30883]],
  },
  {
    id: "n-dodecane",
    cas: "112-40-3",
    speciateId: 599,
    speciateName: "N-dodecane",
    cb6r3Ae7: [["IVOC", 1, 6999]],
    saprc07tcAe7: [["IVOC", 1, 30869]],
  },
  {
    id: "1,3-butadiene",
    cas: "106-99-0",
    speciateId: 46,
    speciateName: "1,3-butadiene",
    cb6r3Ae7: [["IOLE", 1, 6726]],
    saprc07tcAe7: [["BDE13", 1, 30460]],
  },
  {
    id: "alpha-pinene",
    cas: "80-56-8",
    speciateId: 1083,
    speciateName: "Alpha-pinene",
    cb6r3Ae7: [["APIN", 1, 3783]],
    saprc07tcAe7: [["APIN", 1, 27702]],
  },
  {
    id: "beta-pinene",
    cas: "127-91-3",
    speciateId: 977,
    speciateName: "Beta-pinene",
    cb6r3Ae7: [["TERP", 1, 7438]],
    saprc07tcAe7: [["TERP", 1, 31352]],
  },
  {
    id: "formaldehyde",
    cas: "50-00-0",
    speciateId: 465,
    speciateName: "Formaldehyde",
    cb6r3Ae7: [["FORM", 1, 6733]],
    saprc07tcAe7: [["HCHO", 1, 30465]],
  },
  {
    id: "acetaldehyde",
    cas: "75-07-0",
    speciateId: 279,
    speciateName: "Acetaldehyde",
    cb6r3Ae7: [["ALD2", 1, 5860]],
    saprc07tcAe7: [["CCHO", 1, 29613]],
  },
  {
    id: "acetone",
    cas: "67-64-1",
    speciateId: 281,
    speciateName: "Acetone",
    cb6r3Ae7: [["ACET", 1, 5895]],
    saprc07tcAe7: [["ACET", 1, 29637]],
  },
  {
    id: "MEK",
    cas: "78-93-3",
    speciateId: 536,
    speciateName: "Methyl ethyl ketone (or MEK || 2-butanone)",
    cb6r3Ae7: [
      ["KET", 1, 6846],
      ["PAR", 3, 6847],
    ],
    saprc07tcAe7: [["MEK", 1, 30619]],
  },
  {
    id: "ethanol",
    cas: "64-17-5",
    speciateId: 442,
    speciateName: "Ethyl alcohol (or ethanol)",
    cb6r3Ae7: [["ETOH", 1, 6702]],
    saprc07tcAe7: [["ETOH", 1, 30441]],
  },
  {
    id: "methanol",
    cas: "67-56-1",
    speciateId: 531,
    speciateName: "Methyl alcohol (or methanol)",
    cb6r3Ae7: [["MEOH", 1, 6840]],
    saprc07tcAe7: [["MEOH", 1, 30614]],
  },
  {
    id: "propionaldehyde",
    cas: "123-38-6",
    speciateId: 673,
    speciateName: "Propionaldehyde (or Propanal || 1-Propanone || 1-Propanal)",
    cb6r3Ae7: [
      ["ALDX", 1, 7110],
      ["PAR", 1, 7111],
    ],
    saprc07tcAe7: [["RCHO", 1, 31013]],
  },
  {
    id: "acrolein",
    cas: "107-02-8",
    speciateId: 283,
    speciateName: "Acrolein (or 2-propenal)",
    cb6r3Ae7: [
      ["ALDX", 1, 5937],
      ["OLE", 0.5, 5938],
    ],
    saprc07tcAe7: [["ACRO", 1, 29660]],
  },
  {
    id: "MVK",
    cas: "78-94-4",
    speciateId: 2562,
    speciateName: "Methyl vinyl ketone (or 2-Butenone || 1-Buten-3-one || Butenone || 3-Butenen-2-one)",
    cb6r3Ae7: [
      ["KET", 1, 5531],
      ["OLE", 1, 5532],
      ["PAR", 1, 5533],
    ],
    saprc07tcAe7: [["MVK", 1, 29356]],
  },
  {
    id: "methacrolein",
    cas: "78-85-3",
    speciateId: 188,
    speciateName: "2-methyl-2-propenal (or Methacrolein || Methacrylaldehyde; Isobutenal || Methacrylic aldehyde)",
    cb6r3Ae7: [
      ["ALDX", 1, 4428],
      ["OLE", 0.5, 4429],
      ["PAR", 1, 4430],
    ],
    saprc07tcAe7: [["MACR", 1, 28255]],
  },
  {
    id: "benzaldehyde",
    cas: "100-52-7",
    speciateId: 301,
    speciateName: "Benzaldehyde",
    cb6r3Ae7: [["TOL", 1, 6165]],
    saprc07tcAe7: [["BALD", 1, 29898]],
  },
  {
    id: "n-butanal",
    cas: "123-72-8",
    speciateId: 313,
    speciateName: "Butyraldehyde (or butanal)",
    cb6r3Ae7: [
      ["ALDX", 1, 6342],
      ["PAR", 2, 6343],
    ],
    saprc07tcAe7: [["RCHO", 1, 30061]],
  },
  {
    id: "MTBE",
    cas: "1634-04-4",
    speciateId: 548,
    speciateName: "Methyl tert-butyl ether (or Methyl t-butyl ether || MTBE)",
    cb6r3Ae7: [
      ["PAR", 4, 6867],
      ["UNR", 1, 6868],
    ],
    saprc07tcAe7: [["ALK3", 1, 30632]],
  },
  {
    id: "isopropanol",
    cas: "67-63-0",
    speciateId: 513,
    speciateName: "Isopropyl alcohol (or 2-Propanol)",
    cb6r3Ae7: [["PAR", 3, 6820]],
    saprc07tcAe7: [["ALK4", 1, 30587]],
  },
  {
    id: "ethyl acetate",
    cas: "141-78-6",
    speciateId: 440,
    speciateName: "Ethyl acetate",
    cb6r3Ae7: [
      ["PAR", 3, 6697],
      ["UNR", 1, 6698],
    ],
    saprc07tcAe7: [["ALK2", 1, 30439]],
  },
  {
    id: "vinyl acetate",
    cas: "108-05-4",
    speciateId: 768,
    speciateName: "Vinyl acetate",
    cb6r3Ae7: [
      ["OLE", 1, 7250],
      ["PAR", 1, 7251],
      ["UNR", 1, 7252],
    ],
    saprc07tcAe7: [["OLE1", 1, 31146]],
  },
  {
    id: "dichloromethane",
    cas: "75-09-2",
    speciateId: 401,
    speciateName: "Dichloromethane (or methylene chloride)",
    cb6r3Ae7: [["UNR", 1, 6640]],
    saprc07tcAe7: [["ALK1", 1, 30386]],
  },
  {
    id: "chloroform",
    cas: "67-66-3",
    speciateId: 343,
    speciateName: "Chloroform (or Trichlormethan; Methane trichloride)",
    cb6r3Ae7: [["UNR", 1, 6560]],
    saprc07tcAe7: [["NROG", 1, 30314]],
  },
  {
    id: "TCE",
    cas: "79-01-6",
    speciateId: 747,
    speciateName: "Trichloroethylene",
    cb6r3Ae7: [["UNR", 2, 7214]],
    saprc07tcAe7: [["ALK3", 1, 31104]],
  },
  {
    id: "PCE",
    cas: "127-18-4",
    speciateId: 661,
    speciateName: "Perchloroethylene (or Tetrachloroethylene)",
    cb6r3Ae7: [["UNR", 2, 7100]],
    saprc07tcAe7: [["ALK1", 1, 31004]],
  },
  {
    id: "vinyl chloride",
    cas: "75-01-4",
    speciateId: 769,
    speciateName: "Vinyl chloride",
    cb6r3Ae7: [["PAR", 2, 7253]],
    saprc07tcAe7: [["ALK5", 1, 31147]],
  },
  {
    id: "1,2-dichloroethane",
    cas: "107-06-2",
    speciateId: 454,
    speciateName: "Ethylene dichloride (or 1,2-dichloroethane)",
    cb6r3Ae7: [["UNR", 2, 6717]],
    saprc07tcAe7: [["ALK1", 1, 30454]],
  },
  {
    id: "chlorobenzene",
    cas: "108-90-7",
    speciateId: 340,
    speciateName: "Chlorobenzene",
    cb6r3Ae7: [
      ["PAR", 1, 6556],
      ["UNR", 5, 6557],
    ],
    saprc07tcAe7: [
      ["ARO1", 0.15, 30310],
      ["NROG", 0.85, 30311],
    ],
  },
];

const UNR_NOTE =
  "unreactive carbon of CB6 (Speciation Tool surrogate UNR); no species of CMAQ cb6r5_ae7_aq (not in the .def file, no DESID rule)";
const IVOC_NOTE =
  "intermediate-volatility organic (Speciation Tool surrogate IVOC); CMAQ represents IVOCs through pcSOA/VBS species, not as a gas-phase reactant of the .def file";
const SAME = (s: string): SurrogateSpecies => ({ species: s });

/**
 * CB6r5: Speciation Tool `CB6R3_AE7` surrogate → species of `mech_cb6r5_ae7_aq.def` (CMAQ DESID
 * namelist, see the module comment). Lists every surrogate that {@link VOC_MECHANISM_ROWS} uses.
 */
export const CB6R5_SURROGATES: Readonly<Record<string, SurrogateSpecies>> = {
  PAR: SAME("PAR"),
  ETHA: SAME("ETHA"),
  PRPA: SAME("PRPA"),
  ETH: SAME("ETH"),
  OLE: SAME("OLE"),
  IOLE: SAME("IOLE"),
  ETHY: SAME("ETHY"),
  ISOP: SAME("ISOP"),
  APIN: SAME("APIN"),
  TERP: SAME("TERP"),
  TOL: SAME("TOL"),
  XYLMN: SAME("XYLMN"),
  BENZ: { species: "BENZENE", note: "CMAQ_Control_DESID_cb6r5_ae7_aq.nml: 'BENZ' ,'BENZENE' ,'GAS' ,1." },
  FORM: SAME("FORM"),
  ALD2: SAME("ALD2"),
  ALDX: SAME("ALDX"),
  KET: SAME("KET"),
  ACET: SAME("ACET"),
  MEOH: SAME("MEOH"),
  ETOH: SAME("ETOH"),
  UNR: { species: null, note: UNR_NOTE },
  IVOC: { species: null, note: IVOC_NOTE },
};

const SAPRC_RENAME = (s: string): SurrogateSpecies => ({
  species: s,
  note: "EmissCtrl_saprc07tc_ae6_aq.nml default mapping",
});

/**
 * SAPRC-07TC: Speciation Tool `SAPRC07TC_AE7` surrogate → species of `mech_saprc07tc_ae6_aq.def`
 * (CMAQ emission control namelist, see the module comment). Lists every surrogate that
 * {@link VOC_MECHANISM_ROWS} uses.
 */
export const SAPRC07_SURROGATES: Readonly<Record<string, SurrogateSpecies>> = {
  ETHE: SAPRC_RENAME("ETHENE"),
  PRPE: SAPRC_RENAME("PROPENE"),
  ACYE: SAPRC_RENAME("ACETYLENE"),
  BENZ: SAPRC_RENAME("BENZENE"),
  TOLU: SAPRC_RENAME("TOLUENE"),
  ISOP: SAPRC_RENAME("ISOPRENE"),
  ACET: SAPRC_RENAME("ACETONE"),
  BDE13: SAPRC_RENAME("BUTADIENE13"),
  ACRO: SAPRC_RENAME("ACROLEIN"),
  B124: SAPRC_RENAME("TMBENZ124"),
  ARO2: {
    species: "ARO2MN",
    note: "mech_saprc07tc_ae6_aq.def history: removed ARO2 and added ARO2MN (aromatics other than naphthalene); aozora's reading",
  },
  ALK1: SAME("ALK1"),
  ALK2: SAME("ALK2"),
  ALK3: SAME("ALK3"),
  ALK4: SAME("ALK4"),
  ALK5: SAME("ALK5"),
  OLE1: SAME("OLE1"),
  OLE2: SAME("OLE2"),
  ARO1: SAME("ARO1"),
  MXYL: SAME("MXYL"),
  OXYL: SAME("OXYL"),
  PXYL: SAME("PXYL"),
  APIN: SAME("APIN"),
  TERP: SAME("TERP"),
  HCHO: SAME("HCHO"),
  CCHO: SAME("CCHO"),
  RCHO: SAME("RCHO"),
  MEK: SAME("MEK"),
  MVK: SAME("MVK"),
  MACR: SAME("MACR"),
  BALD: SAME("BALD"),
  MEOH: SAME("MEOH"),
  ETOH: SAME("ETOH"),
  NROG: {
    species: null,
    note: "non-reactive organic of SAPRC (Speciation Tool surrogate NROG); no species of CMAQ saprc07tc_ae6_aq",
  },
  IVOC: { species: null, note: IVOC_NOTE },
};

/**
 * Registry species whose every Speciation Tool surrogate is no species of the mechanism (so a
 * mapping gives them no model species at all), with the surrogates: listed explicitly, checked
 * against the rows and surrogate tables by the tests.
 */
export const VOC_MECHANISM_UNASSIGNED: Readonly<Record<"cb6r5" | "saprc07", Readonly<Record<string, string>>>> = {
  cb6r5: {
    "n-dodecane": "IVOC",
    dichloromethane: "UNR",
    chloroform: "UNR",
    TCE: "UNR",
    PCE: "UNR",
    "1,2-dichloroethane": "UNR",
  },
  saprc07: {
    "n-dodecane": "IVOC",
    chloroform: "NROG",
  },
};
