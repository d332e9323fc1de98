/*
 * EPA PMF 5.0 result files written by hand in the layout the public readers of real PMF 5.0
 * output rely on (see src/sourceapport/read-epapmf-results.ts for the sources): no real PMF 5.0
 * output file was available. Block titles are the texts those readers match ("Factor Profiles
 * (conc. of species) from Base Run #r (Convergent Run)", "Base run summary table:", "Mapping of
 * bootstrap factors to base factors:", "Q(Robust) Percentile Report:", "DISP Diagnostics:",
 * "Error Code:", "Largest Decrease in Q:", "%dQ:", "Swaps by Factor:", "Concentrations for
 * Factor n"); the column header texts of the run table and the interval tables are not given by
 * those sources (they read those columns by position), so the ones here are placeholders.
 *
 * Numbers: two factors over A, B, PM (the total variable) and Fe (only in the EPA run).
 * EPA Factor 1 = A 2, B 5, PM 10, Fe 0.3; EPA Factor 2 = A 2, B 1, PM 4, Fe 0.1. With contributions
 * of mean 1 (avg = 1), % of species sum = 100·F_kj/Σ_k F_kj: A 50/50, B 83.333/16.667,
 * PM 71.429/28.571, Fe 75/25 (written rounded to 3 decimals, as a spreadsheet export would).
 * Contributions (avg = 1), rows in the order 2025-01-02, 2025-01-01, 2025-01-03, 2025-01-04:
 *   Factor 1: 0.5, 2.0, 0.5, 1.0 (by date: 2.0, 0.5, 0.5, 1.0; mean 1)
 *   Factor 2: 1.5, 0.5, 1.0, 1.0 (by date: 0.5, 1.5, 1.0, 1.0; mean 1)
 */

/** `<prefix>_profiles.txt`: tab separated, header with two empty cells (run, species) as ESAT reads it. */
export const PROFILES_TXT = [
  "Factor Profiles (conc. of species) from Base Run #3 (Convergent Run)",
  "",
  "\t\tFactor 1\tFactor 2",
  "3\tA\t2\t2",
  "3\tB\t5\t1",
  "3\tPM\t10\t4",
  "3\tFe\t0.3\t0.1",
  "",
  "Factor Profiles (% of species sum) from Base Run #3 (Convergent Run)",
  "",
  "\t\tFactor 1\tFactor 2",
  "3\tA\t50\t50",
  "3\tB\t83.333\t16.667",
  "3\tPM\t71.429\t28.571",
  "3\tFe\t75\t25",
  "",
].join("\r\n");

/** `<prefix>_contributions.txt`: header on line 4, data from line 5 (ESAT), run, date, factors. */
export const CONTRIBUTIONS_TXT = [
  "",
  "Factor Contributions (avg = 1) from Base Run #3 (Convergent Run)",
  "",
  "\t\tFactor 1\tFactor 2",
  "3\t2025-01-02\t0.5\t1.5",
  "3\t2025-01-01\t2\t0.5",
  "3\t2025-01-03\t0.5\t1",
  "3\t2025-01-04\t1\t1",
  "",
  "Factor Contributions (conc. units) from Base Run #3 (Convergent Run)",
  "",
  "",
  "\t\tFactor 1\tFactor 2\t\t",
  "3\t2025-01-02\t5\t6",
  "3\t2025-01-01\t20\t2",
  "3\t2025-01-03\t5\t",
  "3\t2025-01-04\t10\t4",
  "",
].join("\r\n");

/** `<prefix>_diagnostics.csv`: the base run summary table (header right after its title) and the bootstrap tables. */
export const DIAGNOSTICS_CSV = [
  "Base run summary table:",
  ",Run Number,Q(Robust),Q(True),Converged,# of Steps,Q(True)/Q(Exp)",
  ",1,18.25,19.5,Yes,200,1.2",
  ",2,17,18,Yes,180,1.1",
  ",3,16.5,17.25,Yes,210,1.05",
  "",
  "Mapping of bootstrap factors to base factors:",
  ",Base Factor 1,Base Factor 2,Unmapped",
  "Boot Factor 1,97,1,2",
  "Boot Factor 2,0,100,0",
  "",
  "Q(Robust) Percentile Report:",
  ",Base,Min,25th,Median,75th,Max",
  ",16.5,12.1,14.3,15.8,17.2,21.9",
  "",
].join("\r\n");

/** `<prefix>_BaseErrorEstimationSummary.csv` (Grange's layout: `,Label:,value` lines; 13-column per-factor tables). */
export const ERROR_SUMMARY_CSV = [
  "DISP Displaced Species",
  ",none",
  "",
  "DISP Diagnostics:",
  ",Error Code:,0",
  ",Largest Decrease in Q:,-0.0125",
  ",%dQ:,-7.5758E-04",
  ",Swaps by Factor:,0,1",
  "",
  "Concentrations for Factor 1",
  ",Species,Base,BS5,BS25,BS50,BS75,BS95,BSD5,BSDAvg,BSD95,DMin,DAvg,DMax",
  ",A,2,1.6,1.8,2,2.2,2.5,1.5,2,2.6,1.7,2,2.3",
  ",B,5,4.1,4.6,5,5.3,5.9,4,5.1,6,4.5,5,5.6",
  "",
  "Concentrations for Factor 2",
  ",Species,Base,BS5,BS25,BS50,BS75,BS95,BSD5,BSDAvg,BSD95,DMin,DAvg,DMax",
  ",A,2,1.7,1.9,2,2.1,2.4,1.6,2,2.5,1.8,2,2.2",
  ",B,1,0.7,0.9,1,1.1,1.3,0.6,1,1.4,0.8,1,1.2",
  "",
].join("\r\n");
