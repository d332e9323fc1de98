/**
 * `aozora/photochem`: gas-phase chemical mechanisms (CMAQ CHEMMECH and KPP readers), photolysis
 * frequencies, a stiff (Rosenbrock) integrator and the observation-based box model.
 * @packageDocumentation
 */
export type { KineticReaction, KineticSystem, RateEnvironment } from "./system";
export { airNumberDensity, BOLTZMANN_J_PER_K } from "./air";
