/** Known truth of {@link simulateHysplitTdump}. */
export interface HysplitTruth {
  trajectories: number;
  hours: number;
  start: { lat: number; lon: number; heights: number[]; time: string };
  /** Constant displacement per hour backward (deg lat, deg lon). */
  step: { dlat: number; dlon: number };
}

const f = (v: number, w: number, d: number) => v.toFixed(d).padStart(w);
const i6 = (v: number) => String(v).padStart(6);

/**
 * Write a HYSPLIT backward-trajectory endpoint file ("tdump", old two-digit-year format) for
 * straight-line trajectories moving a constant step per hour, one per start height, with the
 * exact field widths HYSPLIT uses (8I6,F8.1,2F9.3,n(1X,F8.1)). For tests and examples.
 */
export function simulateHysplitTdump(opts: {
  lat: number;
  lon: number;
  heights: number[];
  start: string;
  hours: number;
  dlat: number;
  dlon: number;
}): { text: string; truth: HysplitTruth } {
  const t0 = Date.parse(opts.start + "Z");
  const d0 = new Date(t0);
  const ymdh = (d: Date) => [d.getUTCFullYear() % 100, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()];
  const lines: string[] = [];
  lines.push(i6(1) + i6(1));
  lines.push("    GDAS" + ymdh(d0).map(i6).join("") + i6(0));
  lines.push(i6(opts.heights.length) + " BACKWARD OMEGA   ");
  for (const h of opts.heights)
    lines.push(ymdh(d0).map(i6).join("") + f(opts.lat, 9, 3) + f(opts.lon, 9, 3) + f(h, 8, 1));
  lines.push(i6(1) + " PRESSURE");
  for (let a = 0; a <= opts.hours; a++) {
    const d = new Date(t0 - a * 3600000);
    opts.heights.forEach((h, k) => {
      const [y, mo, dd, hh] = ymdh(d);
      const p = 1013.25 * Math.exp(-(h + 5 * a) / 8400);
      lines.push(
        [k + 1, 1, y, mo, dd, hh, 0, a].map(i6).join("") +
          f(-a, 8, 1) +
          f(opts.lat + opts.dlat * a, 9, 3) +
          f(opts.lon + opts.dlon * a, 9, 3) +
          " " +
          f(h + 5 * a, 8, 1) +
          " " +
          f(p, 8, 1),
      );
    });
  }
  return {
    text: lines.join("\n") + "\n",
    truth: {
      trajectories: opts.heights.length,
      hours: opts.hours,
      start: { lat: opts.lat, lon: opts.lon, heights: opts.heights, time: opts.start },
      step: { dlat: opts.dlat, dlon: opts.dlon },
    },
  };
}
