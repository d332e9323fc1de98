/**
 * `aozora/photochem`: gas-phase chemical mechanisms (CMAQ CHEMMECH and KPP readers), photolysis
 * frequencies, a stiff (Rosenbrock) integrator and the observation-based box model.
 * @packageDocumentation
 */
export type { KineticReaction, KineticSystem, RateEnvironment } from "./system";
export { airNumberDensity, BOLTZMANN_J_PER_K } from "./air";
export { compileKinetics, type CompiledKinetics } from "./kinetics";
export { sparseLuSymbolic, sparseLuPosition, sparseLuFactor, sparseLuSolve, type SparseLuPattern } from "./sparse-lu";
export {
  integrate,
  type IntegrateOptions,
  type IntegrateResult,
  type IntegrateStats,
  type IntegrateConstraint,
} from "./integrate";
export { ROSENBROCK_METHODS, type RosenbrockMethod, type RosenbrockCoefficients } from "./tables/rosenbrock";
