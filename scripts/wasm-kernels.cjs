#!/usr/bin/env node
// Source of the WebAssembly SIMD kernels of the PMF solver (src/sourceapport/kernels-wasm.ts):
// this script writes them as WebAssembly text (.wat), one unrolled function per number of factors
// p = 1..16 exactly like the JavaScript kernels in src/sourceapport/kernels.ts, and assembles the
// text with wabt into a binary. Run by scripts/build.sh (into dist/) and by the vitest global setup
// (into src/, for tests run from the TypeScript sources):
//
//   node scripts/wasm-kernels.cjs <out-dir>     → <out-dir>/kernels.wat and <out-dir>/kernels.wasm
//
// Each f64x2 lane holds one accumulator of the scalar kernels and adds its terms in the same order
// (no fused multiply-add: f64x2.mul then f64x2.add, as JavaScript's `a += w * o`), so the WASM and
// JS kernels give bit-identical results. The objective runs over pairs of columns j, j+1: lane 0
// sums the even columns of every row (and the last column when m is odd), lane 1 the odd ones,
// and the two partial sums are added at the end; the JS objective accumulates in that order too.
"use strict";
const { mkdirSync, writeFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

/** Largest p with WASM kernels (the JS kernels also switch to plain loops above it). */
const MAX_P = 16;

const range = (n) => Array.from({ length: n }, (_, i) => i);
function triPairs(p) {
  const out = [];
  for (let k = 0; k < p; k++) for (let l = 0; l <= k; l++) out.push([k, l]);
  return out;
}
const lg = (name) => `(local.get $${name})`;
/**
 * Locals for `count` accumulators held in pairs: $<name>0… as v128 (two lanes each) and, when
 * count is odd and `tail` is given, the last one as f64 $<tail>.
 */
const laneLocals = (name, count, tail) =>
  range(count >> 1)
    .map((v) => `(local $${name}${v} v128)`)
    .concat(count & 1 && tail ? [`(local $${tail} f64)`] : [])
    .join(" ");
/** `acc = acc + a * b` on f64x2 (mul then add: no FMA, same rounding as the scalar kernels). */
const vmuladd = (acc, a, b) => `(local.set $${acc} (f64x2.add ${lg(acc)} (f64x2.mul ${a} ${b})))`;
const smuladd = (acc, a, b) => `(local.set $${acc} (f64.add ${lg(acc)} (f64.mul ${a} ${b})))`;

/**
 * row_p(W, WX, O, FT, A, b, i, m) — byte addresses. A = Σ_j W_ij·O_j (full symmetric p×p,
 * row-major; O_j the packed lower triangle of f_j f_jᵀ, tri per column), b = Σ_j WX_ij·FT_j.
 */
function row(p) {
  const tri = (p * (p + 1)) / 2,
    nv = tri >> 1,
    nb = p >> 1;
  const L = [];
  L.push(`(func (export "row${p}") (param $W i32) (param $WX i32) (param $O i32) (param $FT i32)`);
  L.push(`  (param $A i32) (param $b i32) (param $i i32) (param $m i32)`);
  L.push(
    `  (local $pw i32) (local $px i32) (local $end i32) (local $ws f64) (local $wxs f64) (local $w v128) (local $wx v128)`,
  );
  L.push(`  ${laneLocals("a", tri, "at")} ${laneLocals("b", p, "bt")}`);
  L.push(`  (local.set $pw (i32.add ${lg("W")} (i32.shl (i32.mul ${lg("i")} ${lg("m")}) (i32.const 3))))`);
  L.push(`  (local.set $px (i32.add ${lg("WX")} (i32.shl (i32.mul ${lg("i")} ${lg("m")}) (i32.const 3))))`);
  L.push(`  (local.set $end (i32.add ${lg("pw")} (i32.shl ${lg("m")} (i32.const 3))))`);
  L.push(`  (block $done (loop $j`);
  L.push(`    (br_if $done (i32.ge_u ${lg("pw")} ${lg("end")}))`);
  L.push(`    (local.set $ws (f64.load ${lg("pw")})) (local.set $w (f64x2.splat ${lg("ws")}))`);
  L.push(`    (local.set $wxs (f64.load ${lg("px")})) (local.set $wx (f64x2.splat ${lg("wxs")}))`);
  for (const v of range(nv)) L.push(`    ${vmuladd(`a${v}`, lg("w"), `(v128.load offset=${16 * v} ${lg("O")})`)}`);
  if (tri & 1) L.push(`    ${smuladd("at", lg("ws"), `(f64.load offset=${8 * (tri - 1)} ${lg("O")})`)}`);
  for (const v of range(nb)) L.push(`    ${vmuladd(`b${v}`, lg("wx"), `(v128.load offset=${16 * v} ${lg("FT")})`)}`);
  if (p & 1) L.push(`    ${smuladd("bt", lg("wxs"), `(f64.load offset=${8 * (p - 1)} ${lg("FT")})`)}`);
  L.push(`    (local.set $pw (i32.add ${lg("pw")} (i32.const 8))) (local.set $px (i32.add ${lg("px")} (i32.const 8)))`);
  L.push(
    `    (local.set $O (i32.add ${lg("O")} (i32.const ${8 * tri}))) (local.set $FT (i32.add ${lg("FT")} (i32.const ${8 * p})))`,
  );
  L.push(`    (br $j)))`);
  const lane = (t) => (t === tri - 1 && tri & 1 ? lg("at") : `(f64x2.extract_lane ${t & 1} ${lg(`a${t >> 1}`)})`);
  triPairs(p).forEach(([k, l], t) => {
    L.push(`  (f64.store offset=${8 * (k * p + l)} ${lg("A")} ${lane(t)})`);
    if (k !== l) L.push(`  (f64.store offset=${8 * (l * p + k)} ${lg("A")} ${lane(t)})`);
  });
  for (const v of range(nb)) L.push(`  (v128.store offset=${16 * v} ${lg("b")} ${lg(`b${v}`)})`);
  if (p & 1) L.push(`  (f64.store offset=${8 * (p - 1)} ${lg("b")} ${lg("bt")})`);
  L.push(`)`);
  return L.join("\n");
}

/**
 * cols_p(W, WX, G, Ap, B, n, m): per column j, Ap_j = Σ_i W_ij·(g_i g_iᵀ) packed (tri per column),
 * B_j = Σ_i WX_ij·g_i; overwrites Ap and B; cells with W_ij = 0 are skipped (as the JS kernel).
 */
function cols(p) {
  const tri = (p * (p + 1)) / 2,
    nv = tri >> 1,
    nb = p >> 1,
    pairs = triPairs(p);
  const L = [];
  L.push(
    `(func (export "cols${p}") (param $W i32) (param $WX i32) (param $G i32) (param $Ap i32) (param $B i32) (param $n i32) (param $m i32)`,
  );
  L.push(
    `  (local $i i32) (local $pw i32) (local $px i32) (local $end i32) (local $o i32) (local $q i32) (local $ws f64) (local $w v128) (local $wx v128)`,
  );
  L.push(
    `  ${range(p)
      .map((k) => `(local $g${k} f64)`)
      .join(" ")}`,
  );
  L.push(`  ${laneLocals("h", tri, "ht")} ${laneLocals("gv", p)}`);
  L.push(`  (memory.fill ${lg("Ap")} (i32.const 0) (i32.mul ${lg("m")} (i32.const ${8 * tri})))`);
  L.push(`  (memory.fill ${lg("B")} (i32.const 0) (i32.mul ${lg("m")} (i32.const ${8 * p})))`);
  L.push(`  (local.set $pw ${lg("W")}) (local.set $px ${lg("WX")})`);
  L.push(`  (block $rows (loop $row`);
  L.push(`    (br_if $rows (i32.ge_u ${lg("i")} ${lg("n")}))`);
  for (const k of range(p)) L.push(`    (local.set $g${k} (f64.load offset=${8 * k} ${lg("G")}))`);
  const h = (t) => `(f64.mul ${lg(`g${pairs[t][0]}`)} ${lg(`g${pairs[t][1]}`)})`;
  for (const v of range(nv))
    L.push(`    (local.set $h${v} (f64x2.replace_lane 1 (f64x2.splat ${h(2 * v)}) ${h(2 * v + 1)}))`);
  if (tri & 1) L.push(`    (local.set $ht ${h(tri - 1)})`);
  for (const v of range(nb))
    L.push(`    (local.set $gv${v} (f64x2.replace_lane 1 (f64x2.splat ${lg(`g${2 * v}`)}) ${lg(`g${2 * v + 1}`)}))`);
  L.push(`    (local.set $end (i32.add ${lg("pw")} (i32.shl ${lg("m")} (i32.const 3))))`);
  L.push(`    (local.set $o ${lg("Ap")}) (local.set $q ${lg("B")})`);
  L.push(`    (block $cells (loop $cell`);
  L.push(`      (br_if $cells (i32.ge_u ${lg("pw")} ${lg("end")}))`);
  L.push(`      (local.set $ws (f64.load ${lg("pw")}))`);
  L.push(`      (if (f64.ne ${lg("ws")} (f64.const 0)) (then`);
  L.push(`        (local.set $w (f64x2.splat ${lg("ws")})) (local.set $wx (f64x2.splat (f64.load ${lg("px")})))`);
  for (const v of range(nv))
    L.push(
      `        (v128.store offset=${16 * v} ${lg("o")} (f64x2.add (v128.load offset=${16 * v} ${lg("o")}) (f64x2.mul ${lg("w")} ${lg(`h${v}`)})))`,
    );
  if (tri & 1)
    L.push(
      `        (f64.store offset=${8 * (tri - 1)} ${lg("o")} (f64.add (f64.load offset=${8 * (tri - 1)} ${lg("o")}) (f64.mul ${lg("ws")} ${lg("ht")})))`,
    );
  for (const v of range(nb))
    L.push(
      `        (v128.store offset=${16 * v} ${lg("q")} (f64x2.add (v128.load offset=${16 * v} ${lg("q")}) (f64x2.mul ${lg("wx")} ${lg(`gv${v}`)})))`,
    );
  if (p & 1)
    L.push(
      `        (f64.store offset=${8 * (p - 1)} ${lg("q")} (f64.add (f64.load offset=${8 * (p - 1)} ${lg("q")}) (f64.mul (f64.load ${lg("px")}) ${lg(`g${p - 1}`)})))`,
    );
  L.push(`      ))`);
  L.push(
    `      (local.set $pw (i32.add ${lg("pw")} (i32.const 8))) (local.set $px (i32.add ${lg("px")} (i32.const 8)))`,
  );
  L.push(
    `      (local.set $o (i32.add ${lg("o")} (i32.const ${8 * tri}))) (local.set $q (i32.add ${lg("q")} (i32.const ${8 * p})))`,
  );
  L.push(`      (br $cell)))`);
  L.push(`    (local.set $G (i32.add ${lg("G")} (i32.const ${8 * p})))`);
  L.push(`    (local.set $i (i32.add ${lg("i")} (i32.const 1)))`);
  L.push(`    (br $row)))`);
  L.push(`)`);
  return L.join("\n");
}

/**
 * objective_p(X, W, G, F, n, m) = Σ_ij W_ij (X_ij − g_i·F_·j)² with F p×m row-major: columns in
 * pairs (lane 0 even j, lane 1 odd j; an odd last column goes to lane 0), lanes added at the end.
 */
function objective(p) {
  const L = [];
  L.push(
    `(func (export "objective${p}") (param $X i32) (param $W i32) (param $G i32) (param $F i32) (param $n i32) (param $m i32) (result f64)`,
  );
  L.push(
    `  (local $i i32) (local $j8 i32) (local $m8 i32) (local $pairs8 i32) (local $px i32) (local $pw i32) (local $s v128) (local $y v128) (local $r v128) (local $ys f64) (local $rs f64)`,
  );
  L.push(
    `  ${range(p)
      .map((k) => `(local $f${k} i32) (local $g${k} f64) (local $gv${k} v128)`)
      .join(" ")}`,
  );
  L.push(`  (local.set $m8 (i32.shl ${lg("m")} (i32.const 3)))`);
  L.push(`  (local.set $pairs8 (i32.shl (i32.and ${lg("m")} (i32.const -2)) (i32.const 3)))`);
  for (const k of range(p)) L.push(`  (local.set $f${k} (i32.add ${lg("F")} (i32.mul ${lg("m8")} (i32.const ${k}))))`);
  L.push(`  (local.set $px ${lg("X")}) (local.set $pw ${lg("W")})`);
  L.push(`  (block $rows (loop $row`);
  L.push(`    (br_if $rows (i32.ge_u ${lg("i")} ${lg("n")}))`);
  for (const k of range(p))
    L.push(
      `    (local.set $g${k} (f64.load offset=${8 * k} ${lg("G")})) (local.set $gv${k} (f64x2.splat ${lg(`g${k}`)}))`,
    );
  L.push(`    (local.set $j8 (i32.const 0))`);
  L.push(`    (block $cells (loop $cell`);
  L.push(`      (br_if $cells (i32.ge_u ${lg("j8")} ${lg("pairs8")}))`);
  L.push(`      (local.set $y (f64x2.mul ${lg("gv0")} (v128.load (i32.add ${lg("f0")} ${lg("j8")}))))`);
  for (const k of range(p).slice(1))
    L.push(`      ${vmuladd("y", lg(`gv${k}`), `(v128.load (i32.add ${lg(`f${k}`)} ${lg("j8")}))`)}`);
  L.push(`      (local.set $r (f64x2.sub (v128.load (i32.add ${lg("px")} ${lg("j8")})) ${lg("y")}))`);
  L.push(
    `      (local.set $s (f64x2.add ${lg("s")} (f64x2.mul (f64x2.mul (v128.load (i32.add ${lg("pw")} ${lg("j8")})) ${lg("r")}) ${lg("r")})))`,
  );
  L.push(`      (local.set $j8 (i32.add ${lg("j8")} (i32.const 16)))`);
  L.push(`      (br $cell)))`);
  L.push(`    (if (i32.lt_u ${lg("j8")} ${lg("m8")}) (then`);
  L.push(`      (local.set $ys (f64.mul ${lg("g0")} (f64.load (i32.add ${lg("f0")} ${lg("j8")}))))`);
  for (const k of range(p).slice(1))
    L.push(`      ${smuladd("ys", lg(`g${k}`), `(f64.load (i32.add ${lg(`f${k}`)} ${lg("j8")}))`)}`);
  L.push(`      (local.set $rs (f64.sub (f64.load (i32.add ${lg("px")} ${lg("j8")})) ${lg("ys")}))`);
  L.push(
    `      (local.set $s (f64x2.replace_lane 0 ${lg("s")} (f64.add (f64x2.extract_lane 0 ${lg("s")}) (f64.mul (f64.mul (f64.load (i32.add ${lg("pw")} ${lg("j8")})) ${lg("rs")}) ${lg("rs")}))))))`,
  );
  L.push(`    (local.set $px (i32.add ${lg("px")} ${lg("m8")})) (local.set $pw (i32.add ${lg("pw")} ${lg("m8")}))`);
  L.push(`    (local.set $G (i32.add ${lg("G")} (i32.const ${8 * p})))`);
  L.push(`    (local.set $i (i32.add ${lg("i")} (i32.const 1)))`);
  L.push(`    (br $row)))`);
  L.push(`  (f64.add (f64x2.extract_lane 0 ${lg("s")}) (f64x2.extract_lane 1 ${lg("s")}))`);
  L.push(`)`);
  return L.join("\n");
}

/** The whole module as WebAssembly text: memory imported from the host (env.memory). */
function wat() {
  const parts = [
    ";; Generated by scripts/wasm-kernels.cjs (the source; do not edit): PMF solver kernels, f64x2 SIMD.",
    "(module",
    '(import "env" "memory" (memory 1))',
  ];
  for (let p = 1; p <= MAX_P; p++) parts.push(row(p), cols(p), objective(p));
  parts.push(")");
  return parts.join("\n") + "\n";
}

/** Write <outDir>/kernels.wat and assemble it to <outDir>/kernels.wasm (wabt). */
async function build(outDir) {
  const wabt = await require("wabt")();
  const text = wat();
  const mod = wabt.parseWat("kernels.wat", text, { simd: true, bulk_memory: true });
  try {
    mod.validate();
    const { buffer } = mod.toBinary({});
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, "kernels.wat"), text);
    writeFileSync(join(outDir, "kernels.wasm"), buffer);
    return join(outDir, "kernels.wasm");
  } finally {
    mod.destroy();
  }
}

module.exports = { wat, build, MAX_P };

if (require.main === module) {
  const out = process.argv[2];
  if (!out) {
    console.error("usage: node scripts/wasm-kernels.cjs <out-dir>");
    process.exit(2);
  }
  build(resolve(out)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
