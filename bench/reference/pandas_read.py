"""pandas reference for bench/large.mjs: read the same large CSV with pandas.read_csv.

Usage: python3 pandas_read.py FILE  → one JSON line on stdout.
Two timings (wall; and CPU time of the read, comparable under load), each in this fresh process (the file is in the page cache after the aozora run):
- read_ms: read_csv with the same missing codes as aozora's defaults that occur in the file
  (-999, empty, NA), times parsed with their layout given, localised to +08:00;
- validate_ms: the checks aozora's reader makes on top (duplicate station+time, order per
  station), for a like-for-like comparison.
Exit code 3 when pandas is not installed (the bench then skips the comparison).
"""
import json
import resource
import sys
import time

try:
    import pandas as pd
except ImportError:
    sys.exit(3)

import datetime as dt

path = sys.argv[1]
t0 = time.perf_counter()
c0 = time.process_time()
df = pd.read_csv(path, na_values=["", "-999", "-999.0", "-9999", "NA"], keep_default_na=False, dtype={"station": str})
times = pd.to_datetime(df["time"], format="%Y-%m-%d %H:%M:%S")
df["time"] = times.dt.tz_localize(dt.timezone(dt.timedelta(hours=8)))
t1 = time.perf_counter()
c1 = time.process_time()
dups = int(df.duplicated(["station", "time"]).sum())
out_of_order = int((df.groupby("station", sort=False)["time"].diff() < pd.Timedelta(0)).sum())
t2 = time.perf_counter()
print(json.dumps({
    "pandas": pd.__version__,
    "rows": int(len(df)),
    "columns": int(df.shape[1]),
    "missing_cells": int(df.drop(columns=["time", "station"]).isna().sum().sum()),
    "read_ms": round((t1 - t0) * 1000, 1),
    "read_cpu_ms": round((c1 - c0) * 1000, 1),
    "read_validate_ms": round((t2 - t0) * 1000, 1),
    "duplicates": dups,
    "out_of_order": out_of_order,
    "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
}))
