/**
 * Coefficients of the Rosenbrock methods of {@link integrate}, in the implementation form of
 * Hairer & Wanner (1996, §IV.7, eq. 7.25 with the transformed stage variables U_i): with
 * G = I/(h·γ₁) − J(t₀, y₀),
 *
 * - stage i: G·K_i = f(t₀ + α_i·h, y₀ + Σ_{j<i} a_ij·K_j) + Σ_{j<i} (c_ij/h)·K_j + h·γ_i·∂f/∂t(t₀, y₀)
 * - solution y₁ = y₀ + Σ m_i·K_i; local error estimate Σ e_i·K_i (the difference to the embedded solution).
 *
 * Strictly lower-triangular a_ij and c_ij are stored row-wise: a[(i−1)(i−2)/2 + j] for 1 ≤ j < i ≤ s
 * (1-based), as in KPP.
 *
 * Sources of the values:
 * - ROS-2: Verwer, Spee, Blom & Hundsdorfer (1999), "A second-order Rosenbrock method applied to
 *   photochemical dispersion problems", SIAM J. Sci. Comput. 20, 1456 (γ = 1 + 1/√2).
 * - ROS-3 and RODAS-3: Sandu, Verwer, Blom, Spee, Carmichael & Potra (1997), "Benchmarking stiff ODE
 *   solvers for atmospheric chemistry problems II: Rosenbrock solvers", Atmos. Environ. 31, 3459–3472,
 *   doi:10.1016/S1352-2310(97)83212-8.
 * - ROS-4 (L-stable, order 4(3)) and RODAS-4 (stiffly accurate, order 4(3), 6 stages): Hairer & Wanner
 *   (1996), Solving Ordinary Differential Equations II, 2nd ed., Springer, §IV.7 and their codes ROS4
 *   and RODAS.
 *
 * The digits are those tabulated in KPP's `int/rosenbrock.f90` (Sandu 2004, revised by Miehe & Sandu
 * 2006; KineticPreProcessor/KPP, commit c0a9b02466355461ba096facd5b0d9d83ef00b68) and documented in KPP's
 * `docs/source/num_methods/rosenbrock-methods.rst`. The papers themselves were not available to us; the
 * tests check every method against the Rosenbrock order conditions of Hairer & Wanner (1996, Table 7.1)
 * instead (test/photochem/rosenbrock-tables.test.ts).
 * @packageDocumentation
 */

/** The Rosenbrock methods {@link integrate} offers (KPP's names, lower case). */
export type RosenbrockMethod = "ros2" | "ros3" | "ros4" | "rodas3" | "rodas4";

/** One Rosenbrock method's coefficients (see the module's formulas). */
export interface RosenbrockCoefficients {
  /** KPP's name of the method. */
  name: string;
  /** Number of stages s. */
  stages: number;
  /** Order of the method (p) and of the embedded method used for the error estimate (p̂). */
  order: readonly [number, number];
  /** a_ij, strictly lower triangular, row-wise (length s(s−1)/2). */
  a: readonly number[];
  /** c_ij, strictly lower triangular, row-wise (length s(s−1)/2). */
  c: readonly number[];
  /** m_i, the weights of the new solution. */
  m: readonly number[];
  /** e_i, the weights of the error estimate. */
  e: readonly number[];
  /** α_i = Σ_j α_ij, the stage times as fractions of h. */
  alpha: readonly number[];
  /** γ_i = Σ_j γ_ij; γ₁ is the diagonal γ of G = I/(hγ) − J. */
  gamma: readonly number[];
  /** Whether stage i needs a new evaluation of f (false: it reuses the previous stage's). */
  newF: readonly boolean[];
  /** The exponent of the step-size controller, min(p, p̂) + 1 (KPP's `ros_ELO`). */
  errorOrder: number;
  /** Where the coefficients come from. */
  source: string;
}

const g2 = 1 + 1 / Math.SQRT2;

/** The coefficients of each {@link RosenbrockMethod} (sources in the module comment). */
export const ROSENBROCK_METHODS: Readonly<Record<RosenbrockMethod, RosenbrockCoefficients>> = {
  ros2: {
    name: "ROS-2",
    stages: 2,
    order: [2, 1],
    a: [1 / g2],
    c: [-2 / g2],
    m: [3 / (2 * g2), 1 / (2 * g2)],
    e: [1 / (2 * g2), 1 / (2 * g2)],
    alpha: [0, 1],
    gamma: [g2, -g2],
    newF: [true, true],
    errorOrder: 2,
    source: "Verwer et al. (1999) SIAM J. Sci. Comput. 20, 1456; values as in KPP int/rosenbrock.f90",
  },
  ros3: {
    name: "ROS-3",
    stages: 3,
    order: [3, 2],
    a: [1, 1, 0],
    c: [
      -0.10156171083877702091975600115545e1, 0.40759956452537699824805835358067e1, 0.92076794298330791242156818474003e1,
    ],
    m: [1, 0.6169794704382824559255361568973e1, -0.42772256543218573326238373806514],
    e: [0.5, -0.29079558716805469821718236208017e1, 0.22354069897811569627360909276199],
    alpha: [0, 0.43586652150845899941601945119356, 0.43586652150845899941601945119356],
    gamma: [
      0.43586652150845899941601945119356, 0.24291996454816804366592249683314, 0.21851380027664058511513169485832e1,
    ],
    newF: [true, true, false],
    errorOrder: 3,
    source: "Sandu et al. (1997) Atmos. Environ. 31, 3459; values as in KPP int/rosenbrock.f90",
  },
  ros4: {
    name: "ROS-4",
    stages: 4,
    order: [4, 3],
    a: [0.2e1, 0.1867943637803922e1, 0.2344449711399156, 0.1867943637803922e1, 0.2344449711399156, 0],
    c: [
      -0.713761503641231e1, 0.2580708087951457e1, 0.6515950076447975, -0.2137148994382534e1, -0.3214669691237626,
      -0.6949742501781779,
    ],
    m: [0.2255570073418735e1, 0.2870493262186792, 0.435317943184018, 0.1093502252409163e1],
    e: [-0.2815431932141155, -0.727619912493892e-1, -0.1082196201495311, -0.1093502252409163e1],
    alpha: [0, 0.114564e1, 0.65521686381559, 0.65521686381559],
    gamma: [0.57282, -0.1769193891319233e1, 0.7592633437920482, -0.104902108710045],
    newF: [true, true, true, false],
    errorOrder: 4,
    source: "Hairer & Wanner (1996) §IV.7, code ROS4 (L-stable set); values as in KPP int/rosenbrock.f90",
  },
  rodas3: {
    name: "RODAS-3",
    stages: 4,
    order: [3, 2],
    a: [0, 2, 0, 2, 0, 1],
    c: [4, 1, -1, 1, -1, -8 / 3],
    m: [2, 0, 1, 1],
    e: [0, 0, 0, 1],
    alpha: [0, 0, 1, 1],
    gamma: [0.5, 1.5, 0, 0],
    newF: [true, false, true, true],
    errorOrder: 3,
    source: "Sandu et al. (1997) Atmos. Environ. 31, 3459; values as in KPP int/rosenbrock.f90",
  },
  rodas4: {
    name: "RODAS-4",
    stages: 6,
    order: [4, 3],
    a: [
      0.1544e1, 0.9466785280815826, 0.2557011698983284, 0.3314825187068521e1, 0.2896124015972201e1, 0.9986419139977817,
      0.1221224509226641e1, 0.6019134481288629e1, 0.1253708332932087e2, -0.687886036105895, 0.1221224509226641e1,
      0.6019134481288629e1, 0.1253708332932087e2, -0.687886036105895, 1,
    ],
    c: [
      -0.56688e1, -0.2430093356833875e1, -0.2063599157091915, -0.1073529058151375, -0.9594562251023355e1,
      -0.2047028614809616e2, 0.7496443313967647e1, -0.1024680431464352e2, -0.3399990352819905e2, 0.117089089320616e2,
      0.8083246795921522e1, -0.7981132988064893e1, -0.3152159432874371e2, 0.1631930543123136e2, -0.6058818238834054e1,
    ],
    m: [0.1221224509226641e1, 0.6019134481288629e1, 0.1253708332932087e2, -0.687886036105895, 1, 1],
    e: [0, 0, 0, 0, 0, 1],
    alpha: [0, 0.386, 0.21, 0.63, 1, 1],
    gamma: [0.25, -0.1043, 0.1035, -0.3620000000000023e-1, 0, 0],
    newF: [true, true, true, true, true, true],
    errorOrder: 4,
    source: "Hairer & Wanner (1996) §IV.7, code RODAS; values as in KPP int/rosenbrock.f90",
  },
};
