#!/usr/bin/env python3
"""Independent integration of a mass-action kinetic system with scipy (the check of aozora's
Rosenbrock integrator, test/validate/photochem-scipy.test.ts, and the side-by-side time in
bench/photochem-integrate.mjs).

Input (JSON file, argv[1]):
  species: [names]; reactions: [{reactants: [i, ...], products: [[i, coefficient], ...]}]
  k: rate constants (one per reaction); c0: initial state; t0, t1 (s); outputTimes: [s, ...]
  method: "BDF" | "Radau" | "LSODA"; rtol; atol (scalar or per species)
  diurnal (optional): {reactions: [r, ...]} -- those rate constants are multiplied by
      f(t) = max(0, sin(pi * (h - 6) / 12)), h = (t / 3600) mod 24 (daylight 06-18 h)
  constrain (optional): {indices: [i, ...], values: [[v, ...] per interval]} -- the species are set to
      values[q] at the start of interval q (t0, then each output time before t1) and held constant
      over it (their rows of f and J are zero), as aozora's integrate({ constrain }) with hold
Output (JSON on stdout): times, states (one list per output time), wall_s, cpu_s, nfev, njev, nlu, success, message.

The rate law and stoichiometry are built here from the reaction lists, independently of the
TypeScript code: rate_r = k_r * prod_{i in reactants_r} c_i (a repeated reactant counts twice);
dc/dt = N @ rate with N_ir = (product coefficient of i in r) - (times i is a reactant of r); the
analytic Jacobian J = N @ D, D_rj = d rate_r / d c_j.
"""
import json
import math
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp
from scipy.sparse import csr_matrix, diags


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        d = json.load(f)
    n = len(d["species"])
    rx = d["reactions"]
    R = len(rx)
    k = np.asarray(d["k"], dtype=float)
    # reactants padded to 3 slots; slot value n points at a constant 1.0
    slots = np.full((R, 3), n, dtype=np.int64)
    for r, x in enumerate(rx):
        if len(x["reactants"]) > 3:
            raise SystemExit(f"reaction {r}: more than 3 reactants")
        for p, i in enumerate(x["reactants"]):
            slots[r, p] = i
    rows, cols, vals = [], [], []
    for r, x in enumerate(rx):
        net = {}
        for i in x["reactants"]:
            net[i] = net.get(i, 0.0) - 1.0
        for i, c in x["products"]:
            net[i] = net.get(i, 0.0) + float(c)
        for i, v in net.items():
            if v != 0.0:
                rows.append(i)
                cols.append(r)
                vals.append(v)
    N = csr_matrix((vals, (rows, cols)), shape=(n, R))
    diurnal = np.zeros(R, dtype=bool)
    if d.get("diurnal"):
        diurnal[np.asarray(d["diurnal"]["reactions"], dtype=np.int64)] = True

    def kt(t: float) -> np.ndarray:
        if not diurnal.any():
            return k
        h = (t / 3600.0) % 24.0
        f = max(0.0, math.sin(math.pi * (h - 6.0) / 12.0))
        return np.where(diurnal, k * f, k)

    ext = np.empty(n + 1)
    ext[n] = 1.0
    occ_r = [r for r in range(R) for p in range(3) if slots[r, p] < n]
    occ_p = [p for r in range(R) for p in range(3) if slots[r, p] < n]
    occ_r = np.asarray(occ_r, dtype=np.int64)
    occ_p = np.asarray(occ_p, dtype=np.int64)
    occ_j = slots[occ_r, occ_p]

    con = d.get("constrain")
    held = np.asarray(con["indices"], dtype=np.int64) if con else np.zeros(0, dtype=np.int64)
    free = np.ones(n)
    free[held] = 0.0
    Free = diags(free)

    def fun(t, y):
        ext[:n] = y
        c = ext[slots]
        f = N @ (kt(t) * c[:, 0] * c[:, 1] * c[:, 2])
        f[held] = 0.0
        return f

    def jac(t, y):
        ext[:n] = y
        c = ext[slots]
        kk = kt(t)
        # d rate_r / d c_j for each occurrence (r, p) of j = slots[r, p]: k_r * product of the other slots
        others = np.ones(len(occ_r))
        for q in range(3):
            m = occ_p != q
            others[m] *= c[occ_r[m], q]
        D = csr_matrix((kk[occ_r] * others, (occ_r, occ_j)), shape=(R, n))
        J = Free @ (N @ D)
        # small systems: a dense Jacobian (scipy's sparse path has a large per-step overhead)
        return J.toarray() if n <= 20 else J.tocsc()

    y0 = np.asarray(d["c0"], dtype=float)
    atol = d["atol"]
    if isinstance(atol, list):
        atol = np.asarray(atol, dtype=float)
    t_eval = np.asarray(d["outputTimes"], dtype=float)
    start = time.perf_counter()
    cpu0 = time.process_time()
    t0, t1 = float(d["t0"]), float(d["t1"])
    kw = dict(method=d.get("method", "BDF"), rtol=float(d["rtol"]), atol=atol, jac=jac)
    if not con:
        sol = solve_ivp(fun, (t0, t1), y0, t_eval=t_eval, **kw)
        times, states = sol.t.tolist(), sol.y.T.tolist()
        nfev, njev, nlu, ok, msg = sol.nfev, sol.njev, sol.nlu, sol.success, sol.message
    else:
        # one solve per interval between output times, the held species reset at its start
        ends = list(t_eval) if t_eval[-1] == t1 else list(t_eval) + [t1]
        y, ta = y0.copy(), t0
        times, states, nfev, njev, nlu, ok, msg = [], [], 0, 0, 0, True, ""
        for q, tb in enumerate(ends):
            y[held] = np.asarray(con["values"][q], dtype=float)
            sol = solve_ivp(fun, (ta, tb), y, t_eval=[tb], **kw)
            nfev, njev, nlu = nfev + sol.nfev, njev + sol.njev, nlu + sol.nlu
            if not sol.success:
                ok, msg = False, str(sol.message)
                break
            y, ta = sol.y[:, -1].copy(), tb
            if q < len(t_eval):
                times.append(tb)
                states.append(y.tolist())
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    out = {
        "times": times,
        "states": states,
        "wall_s": wall,
        "cpu_s": cpu,
        "nfev": int(nfev),
        "njev": int(njev),
        "nlu": int(nlu),
        "success": bool(ok),
        "message": str(msg),
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
