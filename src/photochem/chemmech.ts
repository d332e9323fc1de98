/**
 * Reader of CMAQ's CHEMMECH mechanism definition files (`mech_*.def`).
 *
 * Format: US EPA, CMAQ v5.5 `UTIL/chemmech/README.md` ("CHEMMECH, the CMAQ photochemical mechanism
 * processor", https://github.com/USEPA/CMAQ/blob/main/UTIL/chemmech/README.md), section *Chemical
 * Reactions Input Format*, Table 3 of the rate-constant forms; where the README and the processor
 * disagree, this reader follows the processor's Fortran (`UTIL/chemmech/src/GET_MECHDEF_DATA.f`,
 * subroutines `GETRATE`, `GETREAL`, `GETPRDCT`, `GETRCTNT`, and the rate functions written by
 * `wrt_reactions_module.f`), CMAQ commit 9bd3734 (v5.5, 2025-08-25).
 * @packageDocumentation
 */

import { AozoraInputError } from "../io/errors";
import { StatementSplitter, statementError, type StatementPlace } from "./statements";
import { CMAQ_CONSTANT_SPECIES, CMAQ_DEFAULT_CONSTANTS_PPM } from "./tables/cmaq-constants";
import {
  isCmaqAerosolSpecies,
  speciesOfReactions,
  type ArrheniusTerm,
  type Mechanism,
  type MechanismChange,
  type MechanismProduct,
  type MechanismReaction,
  type RateExpression,
} from "./mechanism";

/** Options of {@link parseChemmech}. */
export interface ParseChemmechOptions {
  /** File name used in errors and in the result (default `<string>`). */
  file?: string;
  /**
   * Read a number written without its exponent letter, `8.3-11` (CB6r5 `<CL13>`), as 8.3 × 10⁻¹¹ and
   * record it in {@link Mechanism.changes} (reason `lenient-exponent`). Default false: such a number is
   * an error. CMAQ's own reader passes the text to a Fortran list-directed `READ`, which takes a signed
   * exponent without a letter, so `true` reproduces what CMAQ computes.
   */
  lenientExponent?: boolean;
}

const CONSTANT_ALIASES: Record<string, string> = { m: "M", o2: "O2", n2: "N2", h2o: "H2O", h2: "H2", ch4: "CH4" };

/** A species name (README: "Must begin with an alphabetic character but may contain any alphanumeric character … or the characters ":" and "_""). */
const NAME = /^[A-Za-z][A-Za-z0-9_:]*/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[EeDd][+-]?\d+)?/;

interface Ctx extends StatementPlace {
  lenient: boolean;
  changes: MechanismChange[];
}

function fail(ctx: Ctx, expected: string, found: string): never {
  throw statementError(ctx, "reaction", expected, found);
}

/**
 * Parse a CMAQ CHEMMECH mechanism definition file.
 *
 * Read: the optional mechanism name, `ELIMINATE` (products dropped from every reaction, each drop
 * recorded), `REACTIONS[CM]` or `REACTIONS[PP]` (units of the rate constants), the reactions
 * (`<label> A + B = c1*P1 + c2*P2 … rate;`, spanning lines, `!` comment lines and `{…}`/`(…)` inline
 * comments skipped; up to three reactants; coefficients fractional, negative or implicit 1), and
 * `CONSTANTS` (mixing ratios of the constant species in ppm). Every rate form of the README's Table 3
 * that the three mechanisms shipped with CMAQ v5.5 use is read (see {@link RateExpression}):
 * `#A`, `#A^B`, `#A@C`, `#A^B@C`, `#A@C*E<R>`, `#A*K<R>`, `#k0&kinf[&Fc[&N]]` (Fc 0.6 and N 1 when
 * not written, CMAQ `GETRATE`: "default F", "default n"), `%1`, `%2`, `%3`, `%H`, `#A/<NAME>`,
 * `#A~<NAME>`. Refused with an error: `SPECIAL` operators (`?`), `FUNCTIONS` and the Fortran rate
 * strings `%4`/`%5`, photolysis by reference `/*<R>`.
 *
 * Species M, O2, N2, H2O, H2 and CH4 are CMAQ's constant species (README, *Defining Elements*: their
 * "names and volume mixing ratio are fixed"); they are listed in {@link Mechanism.constantSpecies}
 * and folded into the rate constants by {@link compileMechanism}.
 *
 * @param text - the file's text
 * @param options - file name for errors; `lenientExponent`
 * @returns the mechanism, with every change the reader made
 * @throws {AozoraInputError} naming the file, line and reaction label, for a rate form or syntax the
 *   reader does not accept, a number without its exponent letter (unless `lenientExponent`), more than
 *   three reactants, a duplicate label, a reference `K<R>`/`E<R>` to a label that does not exist, or a
 *   missing `REACTIONS` block
 */
export function parseChemmech(text: string, options: ParseChemmechOptions = {}): Mechanism {
  const file = options.file ?? "<string>";
  const lenient = options.lenientExponent ?? false;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const changes: MechanismChange[] = [];
  const eliminated: string[] = [];
  const constants = { ...CMAQ_DEFAULT_CONSTANTS_PPM };
  const reactions: MechanismReaction[] = [];
  let name: string | undefined;
  let units: "CM" | "PP" | undefined;
  let state: "pre" | "eliminate" | "reactions" | "constants" | "after" = "pre";
  const splitter = new StatementSplitter();

  const err = (line: number, expected: string, found: string): never => {
    throw new AozoraInputError({ file, row: line, expected, found: found.trim() });
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i];
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("!")) {
      if (state === "reactions") splitter.gap(); // keep line numbers inside a statement
      continue;
    }
    const squeezed = trimmed.replace(/\s+/g, "");
    const upper = squeezed.toUpperCase();
    if (state === "pre") {
      if (upper.startsWith("REAC")) {
        const m = /^REAC[A-Z]*\[([A-Z]+)\]=?(.*)$/.exec(upper);
        if (!m) err(lineNo, "a REACTIONS header such as REACTIONS[CM] =", raw);
        const u = m![1];
        if (u.startsWith("CM")) units = "CM";
        else if (u.startsWith("PP")) units = "PP";
        else err(lineNo, "REACTIONS[CM] (molecules/cm3) or REACTIONS[PP] (ppm-min)", raw);
        if (m![2] !== "") err(lineNo, "nothing after the REACTIONS header on its line", raw);
        state = "reactions";
      } else if (/^ELIMINATE=?$/.test(upper)) {
        state = "eliminate";
      } else if (upper.startsWith("SPECIAL")) {
        err(lineNo, "no SPECIAL block (SPECIAL operators are not supported by this reader)", raw);
      } else if (name === undefined && /^[A-Za-z][A-Za-z0-9_:]*$/.test(squeezed) && reactions.length === 0) {
        name = squeezed;
      } else {
        err(lineNo, "the mechanism name, ELIMINATE or REACTIONS[CM|PP] =", raw);
      }
      continue;
    }
    if (state === "eliminate") {
      if (/^END(ELIMINATE)?$/.test(upper)) {
        state = "pre";
        continue;
      }
      for (const part of squeezed.split(";")) {
        if (part === "") continue;
        if (!NAME.test(part) || NAME.exec(part)![0] !== part) err(lineNo, "a species name followed by ';'", raw);
        eliminated.push(part);
      }
      continue;
    }
    if (state === "reactions") {
      if (!splitter.open && /^END(MECH(ANISM)?)?$/.test(upper)) {
        state = "after";
        continue;
      }
      // inline comments {…} and (…) (README, General rules)
      const data = raw.replace(/\{[^}]*\}/g, "").replace(/\([^)]*\)/g, "");
      for (const st of splitter.feed(data, lineNo))
        reactions.push(parseReaction(st.text, st.line, reactions.length + 1, file, lenient, changes, eliminated));
      continue;
    }
    if (state === "after") {
      if (/^CONSTANTS?$/.test(upper)) {
        state = "constants";
        continue;
      }
      if (upper.startsWith("FUNCTIONS"))
        err(lineNo, "no FUNCTIONS block (Fortran rate functions are not supported)", raw);
      err(lineNo, "CONSTANTS or the end of the file after the reactions", raw);
    }
    if (state === "constants") {
      if (/^END(CONSTANTS?)?$/.test(upper)) {
        state = "after";
        continue;
      }
      const m = /^(?:<[^>]*>)?ATM_(AIR|O2|N2|H2|CH4)=(.+)$/.exec(squeezed.toUpperCase());
      if (!m) err(lineNo, "<Cn> ATM_AIR|ATM_O2|ATM_N2|ATM_H2|ATM_CH4 = value (ppm)", raw);
      const v = Number(m![2].replace(/D/, "E"));
      if (!Number.isFinite(v) || v < 0) err(lineNo, "a non-negative mixing ratio in ppm", m![2]);
      constants[m![1] as keyof typeof constants] = v;
    }
  }
  if (units === undefined) throw new AozoraInputError({ file, expected: "a REACTIONS[CM] = or REACTIONS[PP] = block" });
  const pending = splitter.pending;
  if (pending) err(pending.line, "a reaction ending with ';'", pending.text.slice(0, 60));
  if (state === "reactions")
    throw new AozoraInputError({ file, row: lines.length, expected: "END (of the REACTIONS block)" });

  checkLabels(reactions, file);
  const constantSet = new Set(CMAQ_CONSTANT_SPECIES);
  const { species, constantSpecies } = speciesOfReactions(reactions, (x) => constantSet.has(x), CMAQ_CONSTANT_SPECIES);
  return {
    file,
    format: "chemmech",
    ...(name !== undefined ? { name } : {}),
    units,
    species,
    constantSpecies,
    reactions,
    eliminated,
    constants,
    changes,
  };
}

/** Labels unique; every `K<R>`/`E<R>` names an existing reaction. */
function checkLabels(reactions: readonly MechanismReaction[], file: string): void {
  const byLabel = new Map<string, MechanismReaction>();
  for (const r of reactions) {
    const prev = byLabel.get(r.label);
    if (prev)
      throw new AozoraInputError({
        file,
        row: r.line,
        expected: `a reaction label not used before (<${r.label}> is also the label at line ${prev.line})`,
        found: `<${r.label}>`,
      });
    byLabel.set(r.label, r);
  }
  for (const r of reactions) {
    if (r.rate.kind === "reference" || r.rate.kind === "reverse") {
      if (!byLabel.has(r.rate.ref))
        throw new AozoraInputError({
          file,
          row: r.line,
          expected: `in reaction <${r.label}>, a reference to the label of a reaction in the file`,
          found: `<${r.rate.ref}>`,
        });
    }
  }
}

function parseReaction(
  stmt: string,
  line: number,
  ordinal: number,
  file: string,
  lenient: boolean,
  changes: MechanismChange[],
  eliminated: readonly string[],
): MechanismReaction {
  let body = stmt.trimEnd();
  body = body.slice(firstNonBlankOf(body));
  let label = String(ordinal);
  if (body.startsWith("<")) {
    const close = body.indexOf(">");
    if (close < 0)
      throw new AozoraInputError({ file, row: line, expected: "a reaction label <…> closed by '>'", found: body });
    label = body.slice(1, close).replace(/\s+/g, "");
    body = body.slice(close + 1);
  }
  // the statement may span lines: errors name the line where the part in question is
  const lineAt = (text: string, at: number): number => line + (text.slice(0, at).match(/\n/g)?.length ?? 0);
  const firstNonBlank = (text: string): number => Math.max(0, text.search(/\S/));
  const ctx: Ctx = { file, line, label, lenient, changes };
  const eq = body.indexOf("=");
  if (eq < 0) fail(ctx, "reactants = products followed by a rate", body);
  const right = body.slice(eq + 1);
  const rateAt = right.search(/[#%]/);
  if (rateAt < 0) fail(ctx, "a rate constant starting with '#' or '%'", right);
  const head = stmt.trimEnd().length - body.length; // label and blanks before the body
  const reactants = parseReactants(body.slice(0, eq), ctx, eliminated);
  const products = parseProducts(
    right.slice(0, rateAt),
    {
      ...ctx,
      line: lineAt(stmt, head + eq + 1 + firstNonBlank(right)),
    },
    eliminated,
  );
  const rate = parseRate(right.slice(rateAt).replace(/\s+/g, ""), {
    ...ctx,
    line: lineAt(stmt, head + eq + 1 + rateAt),
  });
  const phase =
    rate.kind === "heterogeneous"
      ? "heterogeneous"
      : reactants.some(isCmaqAerosolSpecies) || products.some((p) => isCmaqAerosolSpecies(p.species))
        ? "aerosol"
        : "gas";
  return { label, line, reactants, products, rate, phase };
}

function firstNonBlankOf(text: string): number {
  return Math.max(0, text.search(/\S/));
}

function speciesName(raw: string, ctx: Ctx): string {
  const alias = Object.prototype.hasOwnProperty.call(CONSTANT_ALIASES, raw) ? CONSTANT_ALIASES[raw] : undefined;
  if (alias !== undefined) {
    ctx.changes.push({
      line: ctx.line,
      label: ctx.label,
      reason: "constant-species-case",
      original: raw,
      detail: alias,
    });
    return alias;
  }
  return raw;
}

function parseReactants(text: string, ctx: Ctx, eliminated: readonly string[]): string[] {
  const s = text.replace(/\s+/g, "");
  if (s === "") fail(ctx, "at least one reactant before '='", text);
  const out: string[] = [];
  for (const part of s.split("+")) {
    const m = NAME.exec(part);
    if (!m || m[0] !== part) fail(ctx, "reactants as species names joined by '+' (no coefficients)", text.trim());
    if (eliminated.includes(part)) {
      ctx.changes.push({
        line: ctx.line,
        label: ctx.label,
        reason: "eliminated-reactant",
        original: part,
        detail: "removed (ELIMINATE)",
      });
      continue;
    }
    out.push(speciesName(part, ctx));
  }
  if (out.length > 3) fail(ctx, "at most three reactants (CMAQ MAXRCTNTS = 3)", text.trim());
  return out;
}

function parseProducts(text: string, ctx: Ctx, eliminated: readonly string[]): MechanismProduct[] {
  const s = text.replace(/\s+/g, "");
  const out: MechanismProduct[] = [];
  let pos = 0;
  while (pos < s.length) {
    let sign = 1;
    if (s[pos] === "+" || s[pos] === "-") {
      if (s[pos] === "-") sign = -1;
      pos++;
    } else if (out.length > 0) fail(ctx, "'+' or '-' between products", s.slice(pos));
    let coefficient = 1;
    const num = NUMBER.exec(s.slice(pos));
    if (num && /^[+-]?[\d.]/.test(s.slice(pos))) {
      const after = s[pos + num[0].length];
      if (after !== "*") fail(ctx, "a coefficient followed by '*' and a species name", s.slice(pos));
      coefficient = readNumberText(num[0], ctx);
      pos += num[0].length + 1;
    }
    const m = NAME.exec(s.slice(pos));
    if (!m) fail(ctx, "a product species name", s.slice(pos) || text.trim());
    const name = m![0];
    pos += name.length;
    if (eliminated.includes(name)) {
      ctx.changes.push({
        line: ctx.line,
        label: ctx.label,
        reason: "eliminated-product",
        original: `${sign * coefficient}*${name}`,
        detail: "removed (ELIMINATE)",
      });
      continue;
    }
    out.push({ species: speciesName(name, ctx), coefficient: sign * coefficient });
  }
  return out;
}

function readNumberText(t: string, ctx: Ctx): number {
  const v = Number(
    t
      .replace(/[Dd]/, "E")
      .replace(/\.$/, ".0")
      .replace(/\.([Ee])/, ".0$1"),
  );
  if (!Number.isFinite(v)) fail(ctx, "a number", t);
  return v;
}

/** Cursor over a whitespace-free rate expression. */
class RateCursor {
  pos = 0;
  constructor(
    readonly s: string,
    readonly ctx: Ctx,
  ) {}
  peek(): string {
    return this.s[this.pos] ?? ";";
  }
  take(ch: string, what: string): void {
    if (this.peek() !== ch) fail(this.ctx, what, this.s);
    this.pos++;
  }
  number(what: string): number {
    const rest = this.s.slice(this.pos);
    const m = NUMBER.exec(rest);
    if (!m) fail(this.ctx, what, this.s);
    let text = m![0];
    let value = readNumberText(text, this.ctx);
    const tail = /^[+-]\d+/.exec(rest.slice(text.length));
    if (tail && !/[EeDd]/.test(text)) {
      if (!this.ctx.lenient)
        fail(
          this.ctx,
          "a number with its exponent letter (e.g. 8.3E-11); pass { lenientExponent: true } to read a signed exponent without the letter as CMAQ's Fortran does",
          text + tail[0],
        );
      const full = text + tail[0];
      value = Number(text + "E" + tail[0]);
      this.ctx.changes.push({
        line: this.ctx.line,
        label: this.ctx.label,
        reason: "lenient-exponent",
        original: full,
        detail: `read as ${value.toExponential()}`,
      });
      text = full;
    }
    this.pos += text.length;
    return value;
  }
  /** The number after `ch` when the next character is `ch`, else undefined. */
  optional(ch: string, what: string): number | undefined {
    if (this.peek() !== ch) return undefined;
    this.pos++;
    return this.number(what);
  }
  bracketName(what: string): string {
    this.take("<", what);
    const close = this.s.indexOf(">", this.pos);
    if (close < 0) fail(this.ctx, what, this.s);
    const name = this.s.slice(this.pos, close);
    this.pos = close + 1;
    if (name === "") fail(this.ctx, what, this.s);
    return name;
  }
  /** A · (T/300)^B · exp(−C/T): `A[^B][@C]`. */
  term(): ArrheniusTerm {
    const A = this.number("a number (the factor A)");
    let B = 0;
    let C = 0;
    let seenB = false;
    let seenC = false;
    for (;;) {
      const ch = this.peek();
      if (ch === "^" && !seenB && !seenC) {
        this.pos++;
        B = this.number("a number after '^' (the exponent of T/300)");
        seenB = true;
      } else if (ch === "@" && !seenC) {
        this.pos++;
        C = this.number("a number after '@' (the activation temperature, K)");
        seenC = true;
        if (this.peek() === "*") return { A, B, C }; // maybe *E<R>
      } else return { A, B, C };
    }
  }
  end(): void {
    if (this.pos !== this.s.length) fail(this.ctx, "';' after the rate constant", this.s.slice(this.pos));
  }
}

function parseRate(s: string, ctx: Ctx): RateExpression {
  const c = new RateCursor(s, ctx);
  if (s.startsWith("%")) {
    const kind = s[1];
    c.pos = 2;
    if (kind === "4" || kind === "5")
      fail(ctx, "a rate form other than %4/%5 (Fortran rate strings and FUNCTIONS are not supported)", s);
    c.take("#", "'#' after the % form");
    if (kind === "1") {
      const A = c.number("a number (A of %1)");
      c.end();
      return { kind: "pressure", A };
    }
    if (kind === "2") {
      const k0 = c.term();
      c.take("&", "'&' between the three terms of %2 (k0 & k2 & k3)");
      const k2 = c.term();
      c.take("&", "'&' between the three terms of %2 (k0 & k2 & k3)");
      const k3 = c.term();
      c.end();
      return { kind: "hno3oh", k0, k2, k3 };
    }
    if (kind === "3") {
      const k1 = c.term();
      c.take("&", "'&' between the terms of %3 (k1 & k2 [& k3])");
      const k2 = c.term();
      let k3: ArrheniusTerm | undefined;
      if (c.peek() === "&") {
        c.pos++;
        k3 = c.term();
      }
      c.end();
      return k3 ? { kind: "sumM", k1, k2, k3 } : { kind: "sumM", k1, k2 };
    }
    if (kind === "H" || kind === "h") {
      const A1 = c.number("a number (A1 of %H)");
      const B1 = c.optional("@", "a number after '@'") ?? 0;
      const A2 = c.optional("&", "a number (A2 of %H)") ?? 0;
      const B2 = A2 !== 0 ? (c.optional("@", "a number after '@'") ?? 0) : 0;
      const max = c.optional("&", "a number (the maximum loss rate of %H, s-1)") ?? Infinity;
      c.end();
      return { kind: "halogen", A1, B1, A2, B2, max };
    }
    fail(ctx, "a rate form %1, %2, %3 or %H", s);
  }
  c.take("#", "a rate constant starting with '#'");
  const first = c.term();
  const ch = c.peek();
  if (ch === ";") {
    c.end();
    return { kind: "arrhenius", term: first };
  }
  if (ch === "*") {
    c.pos++;
    const which = c.peek();
    if (which === "E" && first.B === 0 && s.includes("@")) {
      c.pos++;
      const ref = c.bracketName("E<label> (the forward reaction of the equilibrium)");
      c.end();
      return { kind: "reverse", A: first.A, C: first.C, ref };
    }
    if (which === "K" && first.B === 0 && first.C === 0 && !/[@^]/.test(s.slice(0, c.pos))) {
      c.pos++;
      const ref = c.bracketName("K<label> (the reaction whose rate constant is multiplied)");
      c.end();
      return { kind: "reference", A: first.A, ref };
    }
    fail(ctx, "#A*K<label> or #A@C*E<label>", s);
  }
  if (ch === "/" || ch === "~") {
    if (/[@^]/.test(s.slice(0, c.pos))) fail(ctx, `#A${ch}<NAME> with a plain factor A`, s);
    c.pos++;
    if (c.peek() === "*")
      fail(ctx, "a photolysis-table name /<NAME> (photolysis by reference /*<R> is not supported)", s);
    const name = c.bracketName(ch === "/" ? "a photolysis-table name /<NAME>" : "a heterogeneous rate name ~<NAME>");
    c.end();
    return ch === "/" ? { kind: "photolysis", A: first.A, name } : { kind: "heterogeneous", A: first.A, name };
  }
  if (ch === "?") fail(ctx, "a rate form other than #A?OPERATOR (SPECIAL operators are not supported)", s);
  if (ch === "&") {
    c.pos++;
    const kinf = c.term();
    const Fc = c.optional("&", "a number (Fc of the falloff form)") ?? 0.6; // CMAQ GETRATE: "default F"
    const N = c.optional("&", "a number (N of the falloff form)") ?? 1.0; // CMAQ GETRATE: "default n"
    c.end();
    return { kind: "falloff", k0: first, kinf, Fc, N };
  }
  return fail(ctx, "';', '&', '*K<…>', '*E<…>', '/<…>' or '~<…>' after the rate constant", s.slice(c.pos));
}
