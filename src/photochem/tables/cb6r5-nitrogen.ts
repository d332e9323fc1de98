/**
 * Nitrogen atoms per CB6r5 model species, for nitrogen bookkeeping (conservation checks, NOy sums).
 *
 * Source: the species' definitions in US EPA CMAQ v5.5, "The GC namelist for cb6r5_ae7_aq has the
 * following gas phase species" (`CCTM/src/MECHS/mechanism_information/cb6r5_ae7_aq/cb6r5_ae7_aq_species_table.md`,
 * https://github.com/USEPA/CMAQ, commit 9bd3734, 2025-08-25), the species of Carbon Bond 6
 * (Yarwood et al., 2010, "Updates to the Carbon Bond Mechanism: CB6", report to US EPA, not
 * retrieved here; the CMAQ table is the one checked). Each entry quotes the table's definition.
 * Every species of `mech_cb6r5_ae7_aq.def` not listed has no nitrogen.
 *
 * Counter and operator species carry no nitrogen in the bookkeeping: `XO2N` ("nitrate production
 * from NO reaction with peroxy radical"), `XPAR` and `XPRP` ("organic nitrate production from PAR /
 * PRPA") are operators that become NTR1/NTR2 by reaction with NO; `TERPNRO2` ("counter species for
 * aerosol from TERP + NO3") and `MTNO3` (the table: "organic nitrates from monoterpene oxidation
 * (Should not to be included for tracking nitrogen)") are SOA tracers.
 */
export const CB6R5_NITROGEN_ATOMS: Readonly<Record<string, { n: number; definition: string }>> = {
  NO: { n: 1, definition: "nitric oxide" },
  NO2: { n: 1, definition: "nitrogen dioxide" },
  NO3: { n: 1, definition: "nitrate radical" },
  N2O5: { n: 2, definition: "dinitrogen pentoxide" },
  HONO: { n: 1, definition: "nitrous acid" },
  HNO3: { n: 1, definition: "nitric acid" },
  PNA: { n: 1, definition: "peroxynitric acid" },
  PAN: { n: 1, definition: "peroxyacylnitrate" },
  PANX: { n: 1, definition: "peroxyacylnitrates with 3 or more carbons" },
  OPAN: { n: 1, definition: "peroxyacylnitrate from OPO3" },
  NTR1: { n: 1, definition: "monofunctional organic nitrates" },
  NTR2: { n: 1, definition: "multifunctional organic nitrates" },
  INTR: { n: 1, definition: "nitrate from isoprene" },
  CRON: { n: 1, definition: "nitro-cresols" },
  CLNO2: { n: 1, definition: "nitryl chloride" },
  CLNO3: { n: 1, definition: "chlorine nitrate" },
  H2NO3PIJ: { n: 1, definition: "tracer producing HNO3 or ClNO2 from N2O5 in fine mode aerosols" },
  H2NO3PK: { n: 1, definition: "tracer producing HNO3 or ClNO2 from N2O5 in coarse mode aerosols" },
};

/**
 * Reactions of `mech_cb6r5_ae7_aq.def` whose printed yields do not conserve nitrogen (rounding to three
 * decimals in the file), with the change in N atoms per reaction (products − reactants).
 * `<R160> ISPD + NO3 = 0.717*HNO3 + 0.142*NTR2 + 0.142*NO2 …` (+0.001) and
 * `<R170> INTR + OH = … 0.444*NO2 + 0.185*NO3 + 0.104*INTR … + 0.266*NTR2` (−0.001).
 */
export const CB6R5_NITROGEN_ROUNDING: Readonly<Record<string, number>> = { R160: 0.001, R170: -0.001 };
