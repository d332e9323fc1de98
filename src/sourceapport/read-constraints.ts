import { decodeText } from "../io/decode";
import { AozoraInputError } from "../io/errors";
import { loadBytes, type Source } from "../io/source";
import type { PmfConstraint, PmfExpressionTerm } from "./rotate";

/**
 * The names a constraints file is resolved against: the prepared input's species and sample
 * labels (`input.species`, `input.samples`) and the result's factor names (`factorNames`).
 */
export interface ConstraintNames {
  species: readonly string[];
  samples: readonly string[];
  factors: readonly string[];
}

/** A JSON value with the 1-based line it starts on and its JSON path (`constraints[2].factor`). */
type JNode =
  | { kind: "object"; entries: Map<string, JNode>; line: number; path: string }
  | { kind: "array"; items: JNode[]; line: number; path: string }
  | { kind: "string"; value: string; line: number; path: string }
  | { kind: "number"; value: number; line: number; path: string }
  | { kind: "boolean"; value: boolean; line: number; path: string }
  | { kind: "null"; line: number; path: string };

/**
 * Parse JSON (RFC 8259) keeping the line of every value, so an error can name the line of the
 * file a person opens. Syntax errors name the line and the character (1-based) where the parse
 * stopped.
 */
function parseJson(text: string, file: string): JNode {
  let pos = 0,
    line = 1,
    lineStart = 0;
  const fail = (expected: string): never => {
    throw new AozoraInputError({
      file,
      row: line,
      columnNumber: pos - lineStart + 1,
      expected: `JSON: ${expected}`,
      found: text.slice(pos, pos + 20) || "the end of the file",
    });
  };
  const ws = () => {
    for (; pos < text.length; pos++) {
      const c = text[pos];
      if (c === "\n") {
        line++;
        lineStart = pos + 1;
      } else if (c !== " " && c !== "\t" && c !== "\r") break;
    }
  };
  const str = (): string => {
    const m = /^"((?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*)"/.exec(text.slice(pos));
    if (!m) return fail("a string in double quotes");
    pos += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const value = (path: string): JNode => {
    ws();
    const at = line;
    const c = text[pos];
    if (c === "{") {
      pos++;
      const entries = new Map<string, JNode>();
      ws();
      if (text[pos] === "}") {
        pos++;
        return { kind: "object", entries, line: at, path };
      }
      for (;;) {
        ws();
        const key = str();
        ws();
        if (text[pos] !== ":") fail(`":" after the key "${key}"`);
        pos++;
        entries.set(key, value(path ? `${path}.${key}` : key));
        ws();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "}") {
          pos++;
          return { kind: "object", entries, line: at, path };
        } else fail('"," or "}"');
      }
    }
    if (c === "[") {
      pos++;
      const items: JNode[] = [];
      ws();
      if (text[pos] === "]") {
        pos++;
        return { kind: "array", items, line: at, path };
      }
      for (;;) {
        items.push(value(`${path}[${items.length}]`));
        ws();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "]") {
          pos++;
          return { kind: "array", items, line: at, path };
        } else fail('"," or "]"');
      }
    }
    if (c === '"') return { kind: "string", value: str(), line: at, path };
    const m = /^(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(pos, pos + 400));
    if (!m) return fail("a JSON value");
    pos += m[0].length;
    if (m[0] === "true" || m[0] === "false") return { kind: "boolean", value: m[0] === "true", line: at, path };
    if (m[0] === "null") return { kind: "null", line: at, path };
    return { kind: "number", value: Number(m[0]), line: at, path };
  };
  const root = value("");
  ws();
  if (pos < text.length) fail("the end of the file after the JSON value");
  return root;
}

/** Text of a node for an error message. */
function shown(n: JNode): string {
  return n.kind === "string" ? n.value : n.kind === "number" || n.kind === "boolean" ? String(n.value) : n.kind;
}

/**
 * Read an aozora PMF constraints file (JSON; the schema is in the README, "PMF constraints
 * file") and resolve it against the names of a base solution: factors by 1-based number or by
 * factor name, species by name or 1-based number (of the species used in the fit), samples by
 * their label (the sample id or date text of the input's first column) or 1-based number — the
 * numbering of EPA PMF 5.0's own constraint screens. Returns constraints with 0-based factors,
 * for {@link constrainPmf}.
 *
 * Types: `zero`/`value` (`species`: a profile element; `sample`, or `samples` for zero: a
 * contribution), `pull` (`direction` "up"/"down", `dQPct` > 0), `expression` (`expression`:
 * `c1*F[factor,species] ± c2*G[factor,sample] … = value`, optional `dQPct`).
 *
 * @throws {AozoraInputError} for an unreadable file, a JSON syntax error, or a constraint the
 * schema does not allow (unknown type or key, a missing or mistyped field, an unknown factor,
 * species or sample, an expression that does not parse): naming the file, the line and the
 * JSON path (as the column) and saying what was expected
 */
export function readPmfConstraints(src: Source, names: ConstraintNames): PmfConstraint[] {
  const { name, bytes } = loadBytes(src);
  return parsePmfConstraints(decodeText(bytes, name), name, names);
}

/**
 * {@link readPmfConstraints} on text already in memory (`file` names it in errors).
 *
 * @throws {AozoraInputError} as {@link readPmfConstraints} does
 */
export function parsePmfConstraints(text: string, file: string, names: ConstraintNames): PmfConstraint[] {
  const root = parseJson(text, file);
  const bad = (n: JNode, expected: string, found?: string): never => {
    throw new AozoraInputError({
      file,
      row: n.line,
      column: n.path || "(top level)",
      expected,
      found: found ?? shown(n),
    });
  };
  if (root.kind !== "object") bad(root, 'an object {"constraints": [...]}');
  const obj = root as Extract<JNode, { kind: "object" }>;
  for (const k of obj.entries.keys())
    if (k !== "constraints" && k !== "description")
      bad(obj.entries.get(k)!, 'only the keys "constraints" and "description"', k);
  const list = obj.entries.get("constraints");
  if (!list) return bad(root, 'a key "constraints" (an array of constraints)', "no such key");
  if (list.kind !== "array") return bad(list, "an array of constraints");
  const numberIn = (n: JNode, count: number): number | undefined =>
    n.kind === "number" && Number.isInteger(n.value) && n.value >= 1 && n.value <= count ? n.value - 1 : undefined;
  const factorOf = (n: JNode): number => {
    const k = n.kind === "string" ? names.factors.indexOf(n.value) : numberIn(n, names.factors.length);
    if (k === undefined || k < 0)
      return bad(n, `a factor number 1..${names.factors.length} or a factor name (${names.factors.join(", ")})`);
    return k;
  };
  const speciesOf = (n: JNode): string => {
    const j = n.kind === "string" ? names.species.indexOf(n.value) : numberIn(n, names.species.length);
    if (j === undefined || j < 0)
      return bad(n, `a species of the fit by name or number 1..${names.species.length} (${names.species.join(", ")})`);
    return names.species[j];
  };
  const sampleOf = (n: JNode): string => {
    const i = n.kind === "string" ? names.samples.indexOf(n.value) : numberIn(n, names.samples.length);
    if (i === undefined || i < 0)
      return bad(n, `a sample id or date of the input (as in its first column) or a number 1..${names.samples.length}`);
    return names.samples[i];
  };
  const out: PmfConstraint[] = [];
  for (const c of list.items) {
    if (c.kind !== "object") bad(c, "a constraint object");
    const e = (c as Extract<JNode, { kind: "object" }>).entries;
    const need = (key: string): JNode => e.get(key) ?? bad(c, `a key "${key}"`, "no such key");
    const num = (key: string, test: (v: number) => boolean, what: string): number => {
      const n = need(key);
      if (n.kind !== "number" || !test(n.value)) return bad(n, what);
      return n.value;
    };
    const allowed = (keys: string[]) => {
      for (const k of e.keys())
        if (!keys.includes(k)) bad(e.get(k)!, `only the keys ${keys.map((x) => `"${x}"`).join(", ")}`, k);
    };
    const tn = need("type");
    const type = tn.kind === "string" ? tn.value : "";
    const element = () => {
      if (e.has("species") === (e.has("sample") || e.has("samples")))
        bad(c, 'exactly one of "species" (a profile element) or "sample"/"samples" (contributions)', "both or neither");
      return e.has("species") ? { species: speciesOf(e.get("species")!) } : undefined;
    };
    if (type === "zero") {
      allowed(["type", "factor", "species", "sample", "samples", "note"]);
      const factor = factorOf(need("factor"));
      const sp = element();
      if (sp) out.push({ type: "zero", factor, ...sp });
      else if (e.has("samples")) {
        const ss = e.get("samples")!;
        if (ss.kind !== "array" || ss.items.length === 0) bad(ss, "a non-empty array of sample ids or numbers");
        out.push({ type: "zero", factor, samples: (ss as Extract<JNode, { kind: "array" }>).items.map(sampleOf) });
      } else out.push({ type: "zero", factor, samples: [sampleOf(e.get("sample")!)] });
    } else if (type === "value") {
      allowed(["type", "factor", "species", "sample", "value", "note"]);
      const factor = factorOf(need("factor"));
      const sp = element();
      const value = num("value", (v) => v >= 0, "a value ≥ 0 (F in concentration units, G normalised: mean 1)");
      out.push(
        sp
          ? { type: "value", factor, ...sp, value }
          : { type: "value", factor, sample: sampleOf(need("sample")), value },
      );
    } else if (type === "pull") {
      allowed(["type", "factor", "species", "sample", "direction", "dQPct", "note"]);
      const factor = factorOf(need("factor"));
      const sp = element();
      const dn = need("direction");
      if (dn.kind !== "string" || (dn.value !== "up" && dn.value !== "down")) bad(dn, '"up" or "down"');
      const direction = (dn as { value: "up" | "down" }).value;
      const dQPct = num("dQPct", (v) => v > 0 && Number.isFinite(v), "a dQ budget in % of the base Q, > 0");
      out.push(
        sp
          ? { type: "pull", factor, ...sp, direction, dQPct }
          : { type: "pull", factor, sample: sampleOf(need("sample")), direction, dQPct },
      );
    } else if (type === "expression") {
      allowed(["type", "expression", "dQPct", "note"]);
      const xn = need("expression");
      if (xn.kind !== "string") bad(xn, 'an expression text such as "F[1,Pb] - 2*F[1,Zn] = 0"');
      const x = xn as Extract<JNode, { kind: "string" }>;
      // a token inside the brackets, as a JSON number (1-based) when it is all digits
      const tok = (t: string): JNode =>
        /^\d+$/.test(t)
          ? { kind: "number", value: Number(t), line: x.line, path: x.path }
          : { kind: "string", value: t, line: x.line, path: x.path };
      const { terms, value } = parseExpression(x, bad, {
        factor: (t) => factorOf(tok(t)),
        species: (t) => (names.species.includes(t) ? t : speciesOf(tok(t))),
        sample: (t) => (names.samples.includes(t) ? t : sampleOf(tok(t))),
      });
      const expr: PmfConstraint = { type: "expression", factor: terms[0].factor, terms, value };
      if (e.has("dQPct"))
        expr.dQPct = num("dQPct", (v) => v > 0 && Number.isFinite(v), "a dQ budget in % of the base Q, > 0");
      out.push(expr);
    } else bad(tn, 'a constraint type "zero", "value", "pull" or "expression"');
  }
  return out;
}

/**
 * Parse `c1*F[factor,species] + c2*G[factor,sample] - … = value` (coefficients optional, `*`
 * optional; the factor before the first comma in the brackets, the species or sample after it).
 */
function parseExpression(
  n: Extract<JNode, { kind: "string" }>,
  bad: (n: JNode, expected: string, found?: string) => never,
  resolve: { factor: (t: string) => number; species: (t: string) => string; sample: (t: string) => string },
): { terms: PmfExpressionTerm[]; value: number } {
  const text = n.value;
  const eq = text.indexOf("=");
  if (eq < 0 || text.indexOf("=", eq + 1) >= 0)
    bad(n, 'one "=" followed by the value (e.g. "F[1,Pb] - 2*F[1,Zn] = 0")');
  const rhs = text.slice(eq + 1).trim();
  const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(rhs) ? Number(rhs) : NaN;
  if (!Number.isFinite(value)) bad(n, "a number after the = sign", rhs);
  const terms: PmfExpressionTerm[] = [];
  const term = /^\s*([+-])?\s*((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)?\s*\*?\s*([FG])\s*\[([^\],]+),([^\]]+)\]\s*/;
  let rest = text.slice(0, eq);
  while (rest.trim() !== "") {
    const m = term.exec(rest);
    if (!m || (terms.length > 0 && !m[1]))
      bad(n, 'terms such as "2*F[1,Pb]" or "0.5*G[Traffic,2019-01-05]" joined by + or -', rest.trim());
    const mm = m as RegExpExecArray;
    const coef = (mm[1] === "-" ? -1 : 1) * (mm[2] !== undefined ? Number(mm[2]) : 1);
    const factor = resolve.factor(mm[4].trim());
    const item = mm[5].trim();
    terms.push(
      mm[3] === "F"
        ? { matrix: "F", factor, species: resolve.species(item), coef }
        : { matrix: "G", factor, sample: resolve.sample(item), coef },
    );
    rest = rest.slice(mm[0].length);
  }
  if (terms.length === 0) bad(n, "at least one term before the = sign");
  return { terms, value };
}
