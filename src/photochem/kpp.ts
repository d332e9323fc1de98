/**
 * Reader of KPP (the Kinetic PreProcessor) species and equation files, `.spc` and `.eqn`, with rate
 * expressions limited to Arrhenius and Troe forms — the format in which the Master Chemical
 * Mechanism (MCM) site exports mechanism subsets.
 *
 * Format: KPP 3.5.0 documentation (https://github.com/KineticPreProcessor/KPP, `docs/source/input/`,
 * commit fd1c2cd): "KPP sections" (`#DEFVAR`, `#DEFFIX`, `#EQUATIONS`: "Each equation is written in the
 * natural way in which a chemist would write it … The rate coefficient has to be placed at the end of
 * each equation, separated by a colon"), "Input overview" ("Comments are either enclosed between the
 * curly braces "{" and "}", or written in a line starting with two slashes"; "All names are case
 * insensitive"), and the rate-law functions of `util/UserRateLaws.f90`.
 * @packageDocumentation
 */

import { AozoraInputError } from "../io/errors";
import { StatementSplitter, statementError, type StatementPlace } from "./statements";
import { MCM_V331_RATES, type McmRate } from "./tables/mcm-rates";
import { CMAQ_CONSTANT_SPECIES, CMAQ_DEFAULT_CONSTANTS_PPM } from "./tables/cmaq-constants";
import { speciesOfReactions } from "./mechanism";
import type {
  ExpressionTerm,
  Mechanism,
  MechanismChange,
  MechanismProduct,
  MechanismReaction,
  RateExpression,
} from "./mechanism";

/** KPP rate-law functions {@link parseKpp} accepts (KPP 3 `util/UserRateLaws.f90`). */
export const KPP_ACCEPTED_FUNCTIONS: readonly string[] = ["ARR_abc", "ARR_ab", "ARR_ac", "k3rd_jpl", "k3rd_iupac"];

/** Names a KPP rate expression may use for the number densities of air, O2, N2 and water (MCM's KPP export). */
const DENSITY_NAMES: ReadonlyMap<string, string> = new Map([
  ["M", "M"],
  ["CAIR", "M"],
  ["O2", "O2"],
  ["N2", "N2"],
  ["H2O", "H2O"],
]);

/** Options of {@link parseKpp}. */
export interface ParseKppOptions {
  /** File name used in errors and in the result (default `<string>`). */
  file?: string;
  /**
   * The species file (`.spc`) when the equations file does not declare its species itself (an
   * `#INCLUDE` is not followed). Its `#DEFVAR`/`#DEFFIX` sections are read before the equations.
   */
  spc?: { text: string; file?: string };
  /**
   * Resolve the MCM's named rate coefficients (`KMT01`…`KMT16`, `KRO2NO`, `KDEC`, …) from the cited
   * table {@link MCM_V331_RATES} (MCM v3.3.1 as exported to KPP). Without it a named coefficient is
   * an error: the `.eqn` does not define it (the MCM export defines it in Fortran, `constants_mcm.f90`).
   */
  mcmRates?: "v3.3.1";
}

type Ctx = StatementPlace;

function fail(ctx: Ctx, expected: string, found: string): never {
  throw statementError(ctx, "equation", expected, found);
}

/** A KPP item: text up to `;`, with its 1-based starting line. */
interface Item {
  section: string;
  text: string;
  line: number;
  file: string;
}

/** Split KPP text into section items, removing `{…}` and `//` comments; `#INLINE` blocks skipped and recorded. */
function items(text: string, file: string, changes: MechanismChange[]): Item[] {
  // old-style equation numbers {12.} become label markers; other {…} comments are blanked, keeping line breaks
  const uncommented = text
    .replace(/^\uFEFF/, "")
    .replace(/\{\s*(\d+)\.?\s*\}/g, "\u0001$1\u0002")
    .replace(/\{[^}]*\}/g, (c) => c.replace(/[^\n]/g, " "));
  const lines = uncommented.split(/\r\n|\n|\r/);
  const out: Item[] = [];
  let section = "";
  const splitter = new StatementSplitter();
  let inInline = false;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let raw = lines[i];
    if (inInline) {
      if (/^\s*#ENDINLINE/i.test(raw)) inInline = false;
      continue;
    }
    const slashes = raw.indexOf("//");
    if (slashes >= 0) raw = raw.slice(0, slashes);
    const cmd = /^\s*#([A-Za-z_]+)(.*)$/.exec(raw);
    if (cmd) {
      const open = splitter.pending;
      if (open)
        throw new AozoraInputError({
          file,
          row: open.line,
          expected: `an item of ${section} ending with ';'`,
          found: open.text.trim(),
        });
      const name = cmd[1].toUpperCase();
      if (name === "INLINE") {
        inInline = true;
        changes.push({
          line: lineNo,
          label: "",
          reason: "kpp-inline-skipped",
          original: raw.trim(),
          detail: "inlined target-language code is not read",
        });
        continue;
      }
      if (name === "DEFVAR" || name === "DEFFIX" || name === "EQUATIONS") {
        section = name;
        raw = cmd[2];
      } else {
        section = "";
        changes.push({
          line: lineNo,
          label: "",
          reason: "kpp-command-ignored",
          original: raw.trim(),
          detail: `#${name} is not read (only #DEFVAR, #DEFFIX, #EQUATIONS)`,
        });
        continue;
      }
    }
    if (section === "") {
      if (raw.trim() !== "")
        throw new AozoraInputError({
          file,
          row: lineNo,
          expected: "a KPP section (#DEFVAR, #DEFFIX, #EQUATIONS) before this line",
          found: raw.trim(),
        });
      continue;
    }
    for (const st of splitter.feed(raw, lineNo)) out.push({ section, text: st.text, line: st.line, file });
  }
  const pending = splitter.pending;
  if (pending)
    throw new AozoraInputError({
      file,
      row: pending.line,
      expected: "an item ending with ';'",
      found: pending.text.trim(),
    });
  return out;
}

/**
 * Parse a KPP mechanism: species from `#DEFVAR` (variable) and `#DEFFIX` (fixed), equations from
 * `#EQUATIONS` (`<tag> A + B = 0.5 C + D : rate;`, the old `{n.}` numbers read as labels), in the
 * files' order.
 *
 * Rate expressions accepted (sums and products of, with parentheses): numbers (Fortran `D` exponents too);
 * `EXP(±C/TEMP)`; `(TEMP/300)**B`; the number densities `M`, `O2`, `N2`, `H2O` (as MCM's KPP export
 * writes them, e.g. `2.14E-10*H2O`); photolysis `J(<name>)`; and the KPP 3 functions
 * `ARR_abc(a,b,c)` = a·exp(−b/T)·(T/300)^c, `ARR_ab(a,b)` = a·exp(−b/T), `ARR_ac(a,c)` = a·(T/300)^c,
 * `k3rd_jpl(M,k0,n,kinf,m,fc)` and `k3rd_iupac(M,k0,n,kinf,m,fc)` (Troe with k0·(300/T)^n·[M],
 * kinf·(300/T)^m, and N = 1, respectively N = 0.75 − 1.27·log10(fc); KPP `util/UserRateLaws.f90`).
 * Anything else — the MCM's named complex rate coefficients (`KMT01`, `KRO2NO`, …, defined in
 * Fortran outside the `.eqn`), the `RO2` sum, other functions — is refused with an error naming it.
 *
 * `hv` among the reactants and `PROD` among the products are KPP's dummy species and are not
 * species of the mechanism (KPP manual: "Using dummy species does not affect the numerics").
 * Fixed species must be constant species the box model holds (M, O2, N2, H2O, H2, CH4).
 *
 * @param eqn - text of the `.eqn` (or of a `.kpp` file with all sections)
 * @param options - file name; the `.spc` text when species are in a separate file
 * @returns the mechanism, with the commands and inlined code it did not read recorded in `changes`
 * With `{ mcmRates: "v3.3.1" }` the MCM's named coefficients are also accepted, from
 * {@link MCM_V331_RATES}.
 *
 * @throws {AozoraInputError} naming the file, line and equation, for an undeclared species, a rate
 *   expression outside the accepted forms, a fixed species that is not a constant species, or bad syntax
 * @throws {RangeError} when `mcmRates` is given and is not `"v3.3.1"`
 */
export function parseKpp(eqn: string, options: ParseKppOptions = {}): Mechanism {
  const file = options.file ?? "<string>";
  if (options.mcmRates !== undefined && options.mcmRates !== "v3.3.1")
    throw new RangeError(`parseKpp: mcmRates must be "v3.3.1", got ${String(options.mcmRates)}`);
  const named = options.mcmRates === "v3.3.1" ? MCM_V331_RATES : undefined;
  const changes: MechanismChange[] = [];
  const all: Item[] = [];
  if (options.spc) all.push(...items(options.spc.text, options.spc.file ?? "<spc>", changes));
  all.push(...items(eqn, file, changes));

  const declared = new Map<string, { name: string; fixed: boolean }>();
  for (const it of all) {
    if (it.section === "EQUATIONS") continue;
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(it.text);
    if (!m)
      throw new AozoraInputError({
        file: it.file,
        row: it.line,
        expected: `a species definition NAME = composition in #${it.section}`,
        found: it.text.trim(),
      });
    const fixed = it.section === "DEFFIX";
    const key = m[1].toUpperCase();
    if (fixed) {
      const canonical = DENSITY_NAMES.get(key) ?? (CMAQ_CONSTANT_SPECIES.includes(key) ? key : undefined);
      if (canonical === undefined)
        throw new AozoraInputError({
          file: it.file,
          row: it.line,
          expected: "a fixed species (#DEFFIX) the box model holds constant: M, O2, N2, H2O, H2 or CH4",
          found: m[1],
        });
      declared.set(key, { name: canonical, fixed: true });
    } else declared.set(key, { name: m[1], fixed: false });
  }

  const reactions: MechanismReaction[] = [];
  const labels = new Set<string>();
  for (const it of all) {
    if (it.section !== "EQUATIONS") continue;
    let body = it.text.trim();
    let label = String(reactions.length + 1);
    const tag = /^<([^>]*)>/.exec(body) ?? /^\u0001(\d+)\u0002/.exec(body);
    if (tag) {
      label = tag[1].trim();
      body = body.slice(tag[0].length);
    }
    body = body.replace(/\u0001\d+\u0002/g, "");
    const ctx: Ctx = { file: it.file, line: it.line, label };
    if (labels.has(label)) fail(ctx, "an equation tag not used before", `<${label}>`);
    labels.add(label);
    const colon = body.indexOf(":");
    const eq = body.indexOf("=");
    if (eq < 0 || colon < 0 || colon < eq) fail(ctx, "reactants = products : rate", body);
    const lhs = terms(body.slice(0, eq), ctx, declared, "reactant");
    const reactants: string[] = [];
    for (const t of lhs) {
      if (t.coefficient !== Math.round(t.coefficient) || t.coefficient < 1)
        fail(ctx, "a whole positive number of each reactant", `${t.coefficient} ${t.species}`);
      for (let k = 0; k < t.coefficient; k++) reactants.push(t.species);
    }
    if (reactants.length === 0) fail(ctx, "at least one reactant", body.slice(0, eq));
    const products = terms(body.slice(eq + 1, colon), ctx, declared, "product");
    const rate = parseExpression(body.slice(colon + 1).replace(/\s+/g, ""), ctx, named);
    reactions.push({ label, line: it.line, reactants, products, rate, phase: "gas" });
  }

  // M, O2, N2, H2O inside a rate expression are number densities (env), not species of the reactions
  const fixedNames = new Set([...declared.values()].filter((d) => d.fixed).map((d) => d.name));
  const { species, constantSpecies } = speciesOfReactions(reactions, (x) => fixedNames.has(x), CMAQ_CONSTANT_SPECIES);
  return {
    file,
    format: "kpp",
    units: "CM",
    species,
    constantSpecies,
    reactions,
    eliminated: [],
    constants: { ...CMAQ_DEFAULT_CONSTANTS_PPM },
    changes,
  };
}

/** `2 NO2 + .75 CH3O2 + X` → species with coefficients; KPP dummies hv/PROD dropped. */
function terms(
  text: string,
  ctx: Ctx,
  declared: Map<string, { name: string; fixed: boolean }>,
  role: "reactant" | "product",
): MechanismProduct[] {
  const s = text.replace(/\s+/g, " ").trim();
  const out: MechanismProduct[] = [];
  if (s === "") return out;
  const re = /^([+-])?\s*((?:\d+\.?\d*|\.\d+)(?:[EeDd][+-]?\d+)?)?\s*\*?\s*([A-Za-z_][A-Za-z0-9_]*)\s*/;
  let rest = s;
  let first = true;
  while (rest.length > 0) {
    const m = re.exec(rest);
    if (!m || (!first && m[1] === undefined)) fail(ctx, `${role}s as [coefficient] NAME joined by '+'`, rest);
    if (role === "reactant" && m![1] === "-") fail(ctx, "reactants joined by '+'", rest);
    first = false;
    const sign = m![1] === "-" ? -1 : 1;
    const coefficient = sign * (m![2] ? Number(m![2].replace(/[Dd]/, "E")) : 1);
    const key = m![3].toUpperCase();
    rest = rest.slice(m![0].length);
    if ((role === "reactant" && key === "HV") || (role === "product" && key === "PROD")) continue;
    const d = declared.get(key);
    if (!d) fail(ctx, `a species declared in #DEFVAR or #DEFFIX`, m![3]);
    out.push({ species: d!.name, coefficient });
  }
  return out;
}

const NUM = /^(?:\d+\.?\d*|\.\d+)(?:[EeDd][+-]?\d+)?/;

/** Parse a rate expression into a sum of {@link ExpressionTerm}s (see {@link parseKpp} for the accepted forms). */
function parseExpression(s: string, ctx: Ctx, named: ReadonlyMap<string, McmRate> | undefined): RateExpression {
  let pos = 0;
  const peek = () => s[pos] ?? "";
  const num = (what: string): number => {
    let sign = 1;
    if (peek() === "-" || peek() === "+") {
      if (peek() === "-") sign = -1;
      pos++;
    }
    const m = NUM.exec(s.slice(pos));
    if (!m) fail(ctx, what, s);
    pos += m![0].length;
    return sign * Number(m![0].replace(/[Dd]/, "E"));
  };
  const take = (lit: string, what: string) => {
    if (s.slice(pos, pos + lit.length).toUpperCase() !== lit.toUpperCase()) fail(ctx, what, s.slice(pos) || s);
    pos += lit.length;
  };
  const args = (n: number, name: string): (number | string)[] => {
    take("(", `'(' after ${name}`);
    const out: (number | string)[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0) take(",", `${n} arguments of ${name}`);
      const w = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(pos));
      if (w) {
        out.push(w[0]);
        pos += w[0].length;
      } else out.push(num(`a number (argument ${i + 1} of ${name})`));
    }
    take(")", `')' after the ${n} arguments of ${name}`);
    return out;
  };
  const numArg = (v: number | string, name: string): number => {
    if (typeof v !== "number") fail(ctx, `a number as argument of ${name}`, v);
    return v as number;
  };
  const termsOut: ExpressionTerm[] = [];
  const factors: (readonly ExpressionTerm[])[] = [];
  let sign = 1;
  if (peek() === "+" || peek() === "-") {
    sign = peek() === "-" ? -1 : 1;
    pos++;
  }
  for (;;) {
    const t: ExpressionTerm = { A: sign, B: 0, C: 0, densities: [] };
    for (;;) {
      const rest = s.slice(pos);
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0];
      if (NUM.test(rest)) t.A *= num("a number");
      else if (/^EXP\(/i.test(rest)) {
        pos += 4;
        const c = num("a number in EXP(C/TEMP)");
        take("/TEMP", "EXP(C/TEMP)");
        take(")", "EXP(C/TEMP)");
        t.C -= c;
      } else if (/^\(TEMP\/300\.?\)\*\*/i.test(rest)) {
        pos += /^\(TEMP\/300\.?\)\*\*/i.exec(rest)![0].length;
        let b: number;
        if (peek() === "(") {
          pos++;
          b = num("an exponent in (TEMP/300)**(B)");
          take(")", "(TEMP/300)**(B)");
        } else b = num("an exponent in (TEMP/300)**B");
        t.B += b;
      } else if (rest.startsWith("(")) {
        // a parenthesised sum, e.g. (1.-7.18*EXP(-885./TEMP)): its terms multiply this product
        let depth = 0;
        let end = pos;
        for (; end < s.length; end++) {
          if (s[end] === "(") depth++;
          else if (s[end] === ")" && --depth === 0) break;
        }
        if (end >= s.length) fail(ctx, "a ')' closing the '('", s.slice(pos));
        const inner = parseExpression(s.slice(pos + 1, end), ctx, named);
        if (inner.kind !== "expression") fail(ctx, "a rate expression inside '(…)'", s.slice(pos, end + 1));
        factors.push(inner.terms);
        pos = end + 1;
      } else if (word !== undefined && DENSITY_NAMES.has(word.toUpperCase()) && s[pos + word.length] !== "(") {
        pos += word.length;
        t.densities.push(DENSITY_NAMES.get(word.toUpperCase())!);
      } else if (word !== undefined && word.toUpperCase() === "J" && s[pos + 1] === "(") {
        pos += 2;
        const name = /^[A-Za-z0-9_]+/.exec(s.slice(pos))?.[0];
        if (!name) fail(ctx, "J(<photolysis name>)", s);
        pos += name!.length;
        take(")", "')' after J(<name>");
        if (t.photolysis !== undefined) fail(ctx, "at most one photolysis frequency per term", s);
        t.photolysis = name!;
      } else if (word !== undefined && s[pos + word.length] === "(") {
        const fn = KPP_ACCEPTED_FUNCTIONS.find((f) => f.toUpperCase() === word.toUpperCase());
        if (!fn)
          fail(ctx, `a rate expression using only ${KPP_ACCEPTED_FUNCTIONS.join(", ")} (function not supported)`, word);
        pos += word.length;
        if (fn === "ARR_abc") {
          const [a, b, c] = args(3, fn).map((v) => numArg(v, fn));
          t.A *= a;
          t.C += b;
          t.B += c;
        } else if (fn === "ARR_ab") {
          const [a, b] = args(2, fn).map((v) => numArg(v, fn));
          t.A *= a;
          t.C += b;
        } else if (fn === "ARR_ac") {
          const [a, c] = args(2, fn).map((v) => numArg(v, fn));
          t.A *= a;
          t.B += c;
        } else {
          const a = args(6, fn);
          if (typeof a[0] !== "string" || DENSITY_NAMES.get(a[0].toUpperCase()) !== "M")
            fail(ctx, `the air number density M as the first argument of ${fn}`, String(a[0]));
          const [k0, n, kinf, m, fc] = a.slice(1).map((v) => numArg(v, fn));
          if (t.falloff) fail(ctx, "at most one falloff function per term", s);
          t.falloff = {
            k0: { A: k0, B: -n, C: 0 },
            kinf: { A: kinf, B: -m, C: 0 },
            Fc: fc,
            N: fn === "k3rd_jpl" ? 1 : 0.75 - 1.27 * Math.log10(fc),
          };
        }
      } else if (word !== undefined && named !== undefined && named.has(word.toUpperCase())) {
        pos += word.length;
        factors.push(named.get(word.toUpperCase())!.terms);
      } else if (word !== undefined) {
        fail(
          ctx,
          `a rate expression of numbers, EXP(C/TEMP), (TEMP/300)**B, M, O2, N2, H2O, J(<name>) and ${KPP_ACCEPTED_FUNCTIONS.join(", ")}${
            named === undefined
              ? ' (named rate coefficients such as MCM\'s KMT01 need { mcmRates: "v3.3.1" }; the RO2 sum is not supported)'
              : ` or an MCM v3.3.1 coefficient (${word} is not one, or not representable: KMT17, KMT18; the RO2 sum is not supported)`
          }`,
          word,
        );
      } else fail(ctx, "a number, EXP(…), (TEMP/300)**B, a density name, J(…) or a KPP function", rest || s);
      if (peek() === "*") {
        pos++;
        continue;
      }
      break;
    }
    // a product with named sums expands into one term per combination
    let expanded: ExpressionTerm[] = [t];
    for (const f of factors) expanded = expanded.flatMap((a) => f.map((b) => multiplyTerms(a, b, ctx, s)));
    factors.length = 0;
    termsOut.push(...expanded);
    if (pos >= s.length) break;
    const op = peek();
    if (op !== "+" && op !== "-") fail(ctx, "'*', '+' or '-' between the factors and terms of the rate", s.slice(pos));
    sign = op === "-" ? -1 : 1;
    pos++;
  }
  return { kind: "expression", terms: termsOut };
}

/** The product of two terms (factors multiplied, exponents added); at most one J, falloff and OH + HNO3 factor. */
function multiplyTerms(a: ExpressionTerm, b: ExpressionTerm, ctx: Ctx, s: string): ExpressionTerm {
  const once = <T>(x: T | undefined, y: T | undefined, what: string): T | undefined => {
    if (x !== undefined && y !== undefined) fail(ctx, `at most one ${what} per term`, s);
    return x ?? y;
  };
  const photolysis = once(a.photolysis, b.photolysis, "photolysis frequency");
  const falloff = once(a.falloff, b.falloff, "falloff factor");
  const hno3oh = once(a.hno3oh, b.hno3oh, "OH + HNO3 factor");
  return {
    A: a.A * b.A,
    B: a.B + b.B,
    C: a.C + b.C,
    densities: [...a.densities, ...b.densities],
    ...(photolysis !== undefined ? { photolysis } : {}),
    ...(falloff !== undefined ? { falloff } : {}),
    ...(hno3oh !== undefined ? { hno3oh } : {}),
  };
}
