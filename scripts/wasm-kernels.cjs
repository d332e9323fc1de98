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
  L.push(`(func $row${p} (export "row${p}") (param $W i32) (param $WX i32) (param $O i32) (param $FT i32)`);
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
    `(func $cols${p} (export "cols${p}") (param $W i32) (param $WX i32) (param $G i32) (param $Ap i32) (param $B i32) (param $n i32) (param $m i32)`,
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

// ---------------------------------------------------------------- NNLS (scalar, any p)
//
// The active-set NNLS of src/sourceapport/nnls.ts (NnlsSolver.solve, .feasible, .solvePassive),
// statement for statement: the same f64 operations in the same order (f64.sqrt and the four
// arithmetic operations are correctly rounded in both), so the solution has the same bits.
// Scratch at $scr (byte address, 16-aligned), p² + 5p doubles: z (p), L (p²), y (p), the passive
// flags (p bytes, in p doubles), idx (p i32, in p doubles), col (p; used by fstep).

const i32 = (v) => `(i32.const ${v})`;
/** Byte address of element `idx` (an i32 expression) of the f64 array at `base` (an i32 expression). */
const at8 = (base, idx) => `(i32.add ${base} (i32.shl ${idx} ${i32(3)}))`;
const ld = (base, idx) => `(f64.load ${at8(base, idx)})`;
const st = (base, idx, v) => `(f64.store ${at8(base, idx)} ${v})`;
const add = (a, b) => `(i32.add ${a} ${b})`;
const mul = (a, b) => `(i32.mul ${a} ${b})`;
const inc = (v) => `(local.set $${v} ${add(lg(v), i32(1))})`;
/** `for (v = from; v < to; v++) body` (from, to: i32 expressions); `name` labels the block ($name) and loop. */
const forLoop = (name, v, from, to, body) =>
  [
    `(local.set $${v} ${from})`,
    `(block $${name} (loop $${name}_l`,
    `  (br_if $${name} (i32.ge_s ${lg(v)} ${to}))`,
    ...body.map((x) => "  " + x),
    `  ${inc(v)} (br $${name}_l)))`,
  ].join("\n");
/** The scratch layout from $scr and $p into locals $z $L $y $P $idx. */
const scratchLocals = `(local $z i32) (local $L i32) (local $y i32) (local $P i32) (local $idx i32)`;
const scratchSet = [
  `(local.set $z ${lg("scr")})`,
  `(local.set $L ${at8(lg("z"), lg("p"))})`,
  `(local.set $y ${at8(lg("L"), mul(lg("p"), lg("p")))})`,
  `(local.set $P ${at8(lg("y"), lg("p"))})`,
  `(local.set $idx ${at8(lg("P"), lg("p"))})`,
].join("\n");
const passive = (k) => `(i32.load8_u ${add(lg("P"), k)})`;
const idxAt = (a) => `(i32.load ${add(lg("idx"), `(i32.shl ${a} ${i32(2)})`)})`;

/** solvePassive: z_P = A_PP⁻¹ b_P by Cholesky (ridge on a second attempt), z = 0 off P; 1 = solved. */
function nnlsPassive() {
  const Aat = (r, c) => ld(lg("A"), add(mul(idxAt(r), lg("p")), idxAt(c)));
  const Lat = (r, c) => ld(lg("L"), add(mul(r, lg("q")), c));
  return [
    `(func $nnls_passive (param $A i32) (param $b i32) (param $p i32) (param $scr i32) (result i32)`,
    `  ${scratchLocals} (local $k i32) (local $q i32) (local $a i32) (local $c i32) (local $attempt i32) (local $ok i32)`,
    `  (local $s f64) (local $ridge f64) (local $tr f64)`,
    scratchSet,
    `(local.set $q ${i32(0)})`,
    forLoop("zero", "k", i32(0), lg("p"), [
      st(lg("z"), lg("k"), "(f64.const 0)"),
      `(if ${passive(lg("k"))} (then (i32.store ${add(lg("idx"), `(i32.shl ${lg("q")} ${i32(2)})`)} ${lg("k")}) ${inc("q")}))`,
    ]),
    `(if (i32.eqz ${lg("q")}) (then (return ${i32(1)})))`,
    forLoop("attempts", "attempt", i32(0), i32(2), [
      `(local.set $ridge (f64.const 0))`,
      `(if (i32.eq ${lg("attempt")} ${i32(1)}) (then`,
      `  (local.set $tr (f64.const 0))`,
      forLoop("trace", "a", i32(0), lg("q"), [`(local.set $tr (f64.add ${lg("tr")} ${Aat(lg("a"), lg("a"))}))`]),
      `  (local.set $ridge (f64.mul (f64.const 1e-10) (f64.div ${lg("tr")} (f64.convert_i32_s ${lg("q")}))))))`,
      `(local.set $ok ${i32(1)})`,
      `(block $chol`,
      forLoop("ra", "a", i32(0), lg("q"), [
        forLoop("rc", "c", i32(0), add(lg("a"), i32(1)), [
          `(local.set $s (f64.add ${Aat(lg("a"), lg("c"))} (select ${lg("ridge")} (f64.const 0) (i32.eq ${lg("a")} ${lg("c")}))))`,
          forLoop("dot", "k", i32(0), lg("c"), [
            `(local.set $s (f64.sub ${lg("s")} (f64.mul ${Lat(lg("a"), lg("k"))} ${Lat(lg("c"), lg("k"))})))`,
          ]),
          `(if (i32.eq ${lg("a")} ${lg("c")})`,
          `  (then (if (i32.eqz (f64.gt ${lg("s")} (f64.const 0))) (then (local.set $ok ${i32(0)}) (br $chol)))`,
          `        ${st(lg("L"), add(mul(lg("a"), lg("q")), lg("a")), `(f64.sqrt ${lg("s")})`)})`,
          `  (else ${st(lg("L"), add(mul(lg("a"), lg("q")), lg("c")), `(f64.div ${lg("s")} ${Lat(lg("c"), lg("c"))})`)}))`,
        ]),
      ]),
      `)`,
      `(if ${lg("ok")} (then`,
      forLoop("fwd", "a", i32(0), lg("q"), [
        `(local.set $s ${ld(lg("b"), idxAt(lg("a")))})`,
        forLoop("fdot", "k", i32(0), lg("a"), [
          `(local.set $s (f64.sub ${lg("s")} (f64.mul ${Lat(lg("a"), lg("k"))} ${ld(lg("y"), lg("k"))})))`,
        ]),
        st(lg("y"), lg("a"), `(f64.div ${lg("s")} ${Lat(lg("a"), lg("a"))})`),
      ]),
      `(local.set $a (i32.sub ${lg("q")} ${i32(1)}))`,
      `(block $back (loop $back_l`,
      `  (br_if $back (i32.lt_s ${lg("a")} ${i32(0)}))`,
      `  (local.set $s ${ld(lg("y"), lg("a"))})`,
      forLoop("bdot", "k", add(lg("a"), i32(1)), lg("q"), [
        `(local.set $s (f64.sub ${lg("s")} (f64.mul ${Lat(lg("k"), lg("a"))} ${ld(lg("y"), lg("k"))})))`,
      ]),
      `  ${st(lg("y"), lg("a"), `(f64.div ${lg("s")} ${Lat(lg("a"), lg("a"))})`)}`,
      `  (local.set $a (i32.sub ${lg("a")} ${i32(1)})) (br $back_l)))`,
      forLoop("scatter", "a", i32(0), lg("q"), [st(lg("z"), idxAt(lg("a")), ld(lg("y"), lg("a")))]),
      `(return ${i32(1)})))`,
    ]),
    `${i32(0)})`,
  ].join("\n");
}

/** feasible: from feasible x, to the minimiser on the passive set, dropping variables that turn negative; 1 = done. */
function nnlsFeasible() {
  const xk = ld(lg("x"), lg("k")),
    zk = ld(lg("z"), lg("k"));
  return [
    `(func $nnls_feasible (param $A i32) (param $b i32) (param $x i32) (param $p i32) (param $scr i32) (result i32)`,
    `  ${scratchLocals} (local $k i32) (local $inner i32)`,
    `  (local $alpha f64) (local $d f64) (local $av f64) (local $old f64) (local $v f64) (local $zk f64)`,
    scratchSet,
    forLoop("inner", "inner", i32(0), add(mul(i32(3), lg("p")), i32(10)), [
      `(if (i32.eqz (call $nnls_passive ${lg("A")} ${lg("b")} ${lg("p")} ${lg("scr")})) (then (return ${i32(0)})))`,
      `(local.set $alpha (f64.const inf))`,
      forLoop("ratio", "k", i32(0), lg("p"), [
        `(if (i32.and ${passive(lg("k"))} (f64.le ${zk} (f64.const 0))) (then`,
        `  (local.set $d (f64.sub ${xk} ${zk}))`,
        `  (local.set $av (select (f64.div ${xk} ${lg("d")}) (f64.const 0) (f64.gt ${lg("d")} (f64.const 0))))`,
        `  (if (f64.lt ${lg("av")} ${lg("alpha")}) (then (local.set $alpha ${lg("av")})))))`,
      ]),
      `(if (f64.eq ${lg("alpha")} (f64.const inf)) (then`,
      forLoop("take", "k", i32(0), lg("p"), [st(lg("x"), lg("k"), `(select ${zk} (f64.const 0) ${passive(lg("k"))})`)]),
      `  (return ${i32(1)})))`,
      forLoop("step", "k", i32(0), lg("p"), [
        `(if ${passive(lg("k"))} (then`,
        `  (local.set $old ${xk}) (local.set $zk ${zk})`,
        `  (local.set $v (f64.add ${lg("old")} (f64.mul ${lg("alpha")} (f64.sub ${lg("zk")} ${lg("old")}))))`,
        `  (if (i32.or (f64.le ${lg("v")} (f64.const 0)) (i32.and (f64.le ${lg("zk")} (f64.const 0)) (f64.le ${lg("v")} (f64.mul (f64.const 1e-12) ${lg("old")}))))`,
        `    (then ${st(lg("x"), lg("k"), "(f64.const 0)")} (i32.store8 ${add(lg("P"), lg("k"))} ${i32(0)}))`,
        `    (else ${st(lg("x"), lg("k"), lg("v"))}))))`,
      ]),
    ]),
    `${i32(0)})`,
  ].join("\n");
}

/** nnls(A, b, x, p, scr): minimise ½xᵀAx − bᵀx, x ≥ 0, warm-started from x (in/out); A p×p row-major. */
function nnlsSolve() {
  return [
    `(func $nnls (export "nnls") (param $A i32) (param $b i32) (param $x i32) (param $p i32) (param $scr i32)`,
    `  ${scratchLocals} (local $k i32) (local $l i32) (local $outer i32) (local $best i32) (local $any i32) (local $row i32) (local $pk i32)`,
    `  (local $scale f64) (local $tol f64) (local $bestW f64) (local $s f64)`,
    scratchSet,
    `(local.set $scale (f64.const 0))`,
    forLoop("diag", "k", i32(0), lg("p"), [
      `(local.set $scale (f64.max ${lg("scale")} ${ld(lg("A"), add(mul(lg("k"), lg("p")), lg("k")))}))`,
    ]),
    `(if (i32.eqz (f64.gt ${lg("scale")} (f64.const 0))) (then`,
    forLoop("clear", "k", i32(0), lg("p"), [st(lg("x"), lg("k"), "(f64.const 0)")]),
    `  (return)))`,
    `(local.set $tol (f64.mul (f64.mul (f64.const 1e-12) ${lg("scale")}) (f64.convert_i32_s ${lg("p")})))`,
    `(local.set $any ${i32(0)})`,
    forLoop("start", "k", i32(0), lg("p"), [
      `(local.set $pk (f64.gt ${ld(lg("x"), lg("k"))} (f64.const 0)))`,
      `(i32.store8 ${add(lg("P"), lg("k"))} ${lg("pk")})`,
      `(local.set $any (i32.or ${lg("any")} ${lg("pk")}))`,
    ]),
    `(if ${lg("any")} (then (drop (call $nnls_feasible ${lg("A")} ${lg("b")} ${lg("x")} ${lg("p")} ${lg("scr")}))))`,
    forLoop("outer", "outer", i32(0), add(mul(i32(3), lg("p")), i32(10)), [
      `(local.set $best ${i32(-1)}) (local.set $bestW ${lg("tol")})`,
      forLoop("grad", "k", i32(0), lg("p"), [
        `(if (i32.eqz ${passive(lg("k"))}) (then`,
        `  (local.set $s ${ld(lg("b"), lg("k"))})`,
        `  (local.set $row ${mul(lg("k"), lg("p"))})`,
        forLoop("gdot", "l", i32(0), lg("p"), [
          `(local.set $s (f64.sub ${lg("s")} (f64.mul ${ld(lg("A"), add(lg("row"), lg("l")))} ${ld(lg("x"), lg("l"))})))`,
        ]),
        `  (if (f64.gt ${lg("s")} ${lg("bestW")}) (then (local.set $bestW ${lg("s")}) (local.set $best ${lg("k")})))))`,
      ]),
      `(if (i32.lt_s ${lg("best")} ${i32(0)}) (then (return)))`,
      `(i32.store8 ${add(lg("P"), lg("best"))} ${i32(1)})`,
      `(if (i32.eqz (call $nnls_feasible ${lg("A")} ${lg("b")} ${lg("x")} ${lg("p")} ${lg("scr")})) (then (return)))`,
    ]),
    `)`,
  ].join("\n");
}

/**
 * gstep_p(W, WX, O, FT, A, b, G, cRow, n, m, scr) — the whole G half-step without penalties
 * (AlsWorkspace.updateG): per row i, row_p, then NNLS into G_i (warm start), then the row's
 * objective c_i − 2 bᵀg_i + g_iᵀA g_i (terms with g_ik = 0 skipped); returns Σ_i of it.
 */
function gstep(p) {
  const gik = (k) => ld(lg("gi"), k);
  return [
    `(func (export "gstep${p}") (param $W i32) (param $WX i32) (param $O i32) (param $FT i32) (param $A i32) (param $b i32)`,
    `  (param $G i32) (param $cRow i32) (param $n i32) (param $m i32) (param $scr i32) (result f64)`,
    `  (local $i i32) (local $k i32) (local $l i32) (local $gi i32) (local $q f64) (local $qi f64) (local $gk f64) (local $ag f64)`,
    `(local.set $q (f64.const 0))`,
    forLoop("rows", "i", i32(0), lg("n"), [
      `(call $row${p} ${lg("W")} ${lg("WX")} ${lg("O")} ${lg("FT")} ${lg("A")} ${lg("b")} ${lg("i")} ${lg("m")})`,
      `(local.set $gi ${at8(lg("G"), mul(lg("i"), i32(p)))})`,
      `(call $nnls ${lg("A")} ${lg("b")} ${lg("gi")} ${i32(p)} ${lg("scr")})`,
      `(local.set $qi ${ld(lg("cRow"), lg("i"))})`,
      forLoop("terms", "k", i32(0), i32(p), [
        `(local.set $gk ${gik(lg("k"))})`,
        `(if (f64.ne ${lg("gk")} (f64.const 0)) (then`,
        `  (local.set $ag (f64.const 0))`,
        forLoop("ag", "l", i32(0), i32(p), [
          `(local.set $ag (f64.add ${lg("ag")} (f64.mul ${ld(lg("A"), add(mul(lg("k"), i32(p)), lg("l")))} ${gik(lg("l"))})))`,
        ]),
        `  (local.set $qi (f64.add ${lg("qi")} (f64.mul ${lg("gk")} (f64.sub ${lg("ag")} (f64.mul (f64.const 2) ${ld(lg("b"), lg("k"))})))))))`,
      ]),
      `(local.set $q (f64.add ${lg("q")} ${lg("qi")}))`,
    ]),
    `${lg("q")})`,
  ].join("\n");
}

/**
 * fstep_p(WT, WXT, G, H, A, b, F, n, m, scr) — the whole F half-step without penalties
 * (AlsWorkspace.updateF) on the transposed weights (WT, WXT m×n): H_i = the packed lower triangle
 * of g_i g_iᵀ (n×tri), then per column j the normal equations by row_p over the rows of G (the
 * same sums in the same order as cols_p: Σ_i ascending, multiply then add; a skipped W_ij = 0
 * adds +0 there, nothing changes) and the NNLS into F_·j (warm start; F p×m row-major, copied
 * through the scratch column).
 */
function fstep(p) {
  const tri = (p * (p + 1)) / 2;
  const L = [
    `(func (export "fstep${p}") (param $WT i32) (param $WXT i32) (param $G i32) (param $H i32) (param $A i32) (param $b i32)`,
    `  (param $F i32) (param $n i32) (param $m i32) (param $scr i32)`,
    `  (local $i i32) (local $j i32) (local $k i32) (local $gi i32) (local $h i32) (local $col i32)`,
    `  ${range(p)
      .map((k) => `(local $g${k} f64)`)
      .join(" ")}`,
    `(local.set $col (i32.add ${lg("scr")} ${i32(8 * (p * p + 4 * p))}))`,
  ];
  const pack = [
    `(local.set $gi ${at8(lg("G"), mul(lg("i"), i32(p)))}) (local.set $h ${at8(lg("H"), mul(lg("i"), i32(tri)))})`,
  ];
  for (const k of range(p)) pack.push(`(local.set $g${k} (f64.load offset=${8 * k} ${lg("gi")}))`);
  triPairs(p).forEach(([k, l], t) =>
    pack.push(`(f64.store offset=${8 * t} ${lg("h")} (f64.mul ${lg(`g${k}`)} ${lg(`g${l}`)}))`),
  );
  L.push(forLoop("pack", "i", i32(0), lg("n"), pack));
  const body = [
    `(call $row${p} ${lg("WT")} ${lg("WXT")} ${lg("H")} ${lg("G")} ${lg("A")} ${lg("b")} ${lg("j")} ${lg("n")})`,
    forLoop("gather", "k", i32(0), i32(p), [st(lg("col"), lg("k"), ld(lg("F"), add(mul(lg("k"), lg("m")), lg("j"))))]),
    `(call $nnls ${lg("A")} ${lg("b")} ${lg("col")} ${i32(p)} ${lg("scr")})`,
    forLoop("spread", "k", i32(0), i32(p), [st(lg("F"), add(mul(lg("k"), lg("m")), lg("j")), ld(lg("col"), lg("k")))]),
  ];
  L.push(forLoop("cols", "j", i32(0), lg("m"), body));
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
  parts.push(nnlsPassive(), nnlsFeasible(), nnlsSolve());
  for (let p = 1; p <= MAX_P; p++) parts.push(row(p), cols(p), objective(p), gstep(p), fstep(p));
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
