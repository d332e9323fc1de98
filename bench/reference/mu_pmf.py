#!/usr/bin/python3
"""Reference PMF solver for `npm run bench`: fixed-weight multiplicative-update NMF in numpy.

This is the independent reference of CONVENTIONS.md §1: the weighted Lee & Seung update
("ls-nmf", Wang et al. 2006, BMC Bioinformatics 7:175; as in EPA's ESAT),

    H <- H * (W^T (w*V)) / (W^T (w*WH))
    W <- W * ((w*V) H^T) / ((w*WH) H^T),       w = 1/s^2 (fixed weights),

in float32, with "column-mean" random starts (|N(0,1)| * sqrt(mean/k), by column for H and by
row for W, as ESAT's default initialisation), stopping when Q(true) has dropped by less than 0.1
over the last 100 iterations (max 20,000). Q(true) = sum(((x - WH)/s)^2) is computed after
every iteration (needed for the stopping rule); Q(robust) (alpha = 4) only at the end.

Written for speed within that definition (so the comparison is not against a straw man): the
product WH computed at the end of an iteration for Q is reused by the next H update, w*V is
computed once, matrix products go to BLAS (OpenBLAS on this machine), Q sums in float64,
and W, H are flushed to zero below the smallest normal float32 (see mu_run; --no-ftz disables).
Runs are executed one after the other in this process; OpenBLAS may use its own threads.

Usage:
  /usr/bin/python3 bench/reference/mu_pmf.py --con con.csv --unc unc.csv --factors 6 --runs 20 --seed 1
  /usr/bin/python3 bench/reference/mu_pmf.py --npz problem.npz --factors 8 --runs 2 --seed 1

CSV files: a header row, then one row per sample; the first column is a sample label and is
ignored, the other columns are numbers (no missing values: prepare the data first). An .npz
holds arrays "x" and "s" (n x m). Prints one JSON object:
  {"runs": [{"run", "seed", "qTrue", "qRobust", "iterations", "converged", "seconds"}],
   "total_seconds", "best_qTrue", "peak_rss_kb", "cpu_seconds" (user + system, whole process),
   "blas", "numpy", "ftz", "n", "m", "factors"}
"""
import argparse
import csv
import json
import resource
import sys
import time

import numpy as np

F32 = np.float32
TINY = F32(1e-30)  # guards 0/0 in the updates (far below any real denominator)
FLT_MIN = np.finfo(F32).tiny  # smallest normal float32, 1.18e-38


def read_matrix(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    body = [r for r in rows[1:] if r and any(c.strip() for c in r)]
    return np.array([[float(c) for c in r[1:]] for r in body], dtype=np.float64)


def blas_in_use():
    """Which BLAS library numpy has mapped into this process (Linux: /proc/self/maps)."""
    try:
        with open("/proc/self/maps") as f:
            libs = sorted({line.split()[-1] for line in f if "blas" in line.lower()})
        return ", ".join(libs) or "unknown"
    except OSError:
        return "unknown"


def peak_rss_kb():
    """Peak resident set size of this process in KB: VmHWM (Linux; counts only this program's
    memory, whereas ru_maxrss also keeps the peak of the process that forked and exec'd us)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def q_values(x, s, W, H, alpha=4.0):
    e = (x - (W.astype(np.float64) @ H.astype(np.float64))) / s
    a = np.abs(e)
    e2 = e * e
    return float(e2.sum()), float(np.where(a > alpha, alpha * a, e2).sum())


def mu_run(V, w, wV, k, rng, tol=0.1, window=100, max_iter=20000, ftz=True):
    """One random start; returns (W, H, iterations, converged). All arrays float32.

    ftz: flush entries of W and H that fall below the smallest normal float32 to zero after
    each update, as a CPU in flush-to-zero mode would. Multiplicative updates drive unused
    entries towards zero; once they are subnormal, x86 arithmetic on them is ~10-30x slower,
    which made the plain version about 10x slower here (Baton Rouge k = 6, 20 runs: 56 s
    instead of 5 s). Zeroing an entry of ~1e-38 can change a run's path, but not the
    statistics: the best Q(true) of those 20 runs was 63,868.7 either way.
    """
    n, m = V.shape
    H = np.abs(rng.standard_normal((k, m))).astype(F32) * np.sqrt(V.mean(axis=0) / k).astype(F32)
    W = np.abs(rng.standard_normal((n, k))).astype(F32) * np.sqrt(V.mean(axis=1) / k).astype(F32)[:, None]
    WH = W @ H
    hist = np.empty(max_iter, dtype=np.float64)
    converged = False
    it = 0
    for it in range(1, max_iter + 1):
        H *= (W.T @ wV) / ((W.T @ (w * WH)) + TINY)
        if ftz:
            np.copyto(H, 0, where=H < FLT_MIN)
        WH = W @ H
        W *= (wV @ H.T) / (((w * WH) @ H.T) + TINY)
        if ftz:
            np.copyto(W, 0, where=W < FLT_MIN)
        WH = W @ H
        R = V - WH
        q = float(np.sum(w * R * R, dtype=np.float64))
        hist[it - 1] = q
        if not np.isfinite(q):
            break
        if it > window and hist[it - 1 - window] - q < tol:
            converged = True
            break
    return W, H, it, converged


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--con", help="concentrations CSV (header row, label column, numbers)")
    ap.add_argument("--unc", help="uncertainties CSV, same shape")
    ap.add_argument("--npz", help="alternatively an .npz with arrays x and s")
    ap.add_argument("--factors", type=int, required=True)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-iter", type=int, default=20000)
    ap.add_argument("--tol", type=float, default=0.1)
    ap.add_argument("--window", type=int, default=100)
    ap.add_argument("--no-ftz", action="store_true", help="keep subnormal entries of W and H (slower, same Q)")
    a = ap.parse_args(argv)
    if a.npz:
        z = np.load(a.npz)
        x, s = np.asarray(z["x"], np.float64), np.asarray(z["s"], np.float64)
    elif a.con and a.unc:
        x, s = read_matrix(a.con), read_matrix(a.unc)
    else:
        ap.error("give --con and --unc, or --npz")
    if x.shape != s.shape or np.isnan(x).any() or np.isnan(s).any() or (s <= 0).any() or (x < 0).any():
        ap.error("x and s must have the same shape, no missing values, s > 0 and x >= 0")
    V = x.astype(F32)
    w = (1.0 / (s * s)).astype(F32)
    wV = w * V
    runs = []
    t_all = time.perf_counter()
    for r in range(1, a.runs + 1):
        seed = a.seed * 1000 + r
        rng = np.random.default_rng(seed)
        t0 = time.perf_counter()
        W, H, it, conv = mu_run(V, w, wV, a.factors, rng, a.tol, a.window, a.max_iter, not a.no_ftz)
        secs = time.perf_counter() - t0
        qt, qr = q_values(x, s, W, H)
        runs.append({"run": r, "seed": seed, "qTrue": qt, "qRobust": qr, "iterations": it, "converged": conv, "seconds": round(secs, 4)})
        print(f"run {r}/{a.runs}: Q(true) {qt:.1f}  {it} iterations  {secs:.2f} s", file=sys.stderr)
    total = time.perf_counter() - t_all
    ru = resource.getrusage(resource.RUSAGE_SELF)
    out = {
        "n": int(x.shape[0]), "m": int(x.shape[1]), "factors": a.factors,
        "runs": runs,
        "total_seconds": round(total, 4),
        "best_qTrue": min(r["qTrue"] for r in runs),
        "peak_rss_kb": peak_rss_kb(),
        "cpu_seconds": round(ru.ru_utime + ru.ru_stime, 3),
        "numpy": np.__version__,
        "blas": blas_in_use(),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
