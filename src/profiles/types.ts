/**
 * Source profile table: species → mass fraction of the source's emitted PM mass, with its
 * uncertainty (one standard deviation, same unit), and where the numbers come from.
 */

/** Where a profile's numbers come from. */
export interface ProfileProvenance {
  /** "built-in", "file", "speciate", "dilution-tunnel", "pmf-factor" or "simulated". */
  kind: "built-in" | "file" | "speciate" | "dilution-tunnel" | "pmf-factor" | "simulated";
  /** Citation or file (and row range) the values were taken from. */
  source: string;
  /** Free-text notes (assumptions, conversions). */
  notes?: string;
}

/** One source profile. Fractions are g of species per g of source PM (dimensionless, 0..1). */
export interface SourceProfile {
  /** Profile name, e.g. "Crustal material (UCC)". */
  name: string;
  /** Source category used for naming factors, e.g. "soil", "vehicles", "secondary sulfate". */
  category: string;
  /** Optional code (SPECIATE PROFILE_CODE, test id). */
  code?: string;
  /** Species names as given (matching uses {@link speciesMatchKey}). */
  species: string[];
  /** Mass fraction per species, g/g (dimensionless). */
  fraction: number[];
  /** One-sigma uncertainty of each fraction, g/g (NaN when unknown). */
  uncertainty: number[];
  /** Unit of `fraction` and `uncertainty`: always "g/g" (readers convert % and mg/g and say so). */
  unit: "g/g";
  /**
   * True when the listed species account for the profile's whole mass, so unlisted species are 0
   * (stoichiometric salts, crust, sea salt); comparisons then fill them with 0.
   */
  complete?: boolean;
  provenance: ProfileProvenance;
}
