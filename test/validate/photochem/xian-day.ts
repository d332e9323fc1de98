import type { ObmObservations } from "../../../src/photochem";

/**
 * A plausible urban summer day at Xi'an (1 July 2024, 00–24 h local, UTC+8) for CB6r5 OBM runs: hourly
 * NO, NO2 and HONO (× `noxFactor`; HONO photolysis is a NO source), CO and VOC lumped species with a daylight bell (0 at night, 1 at 13:00)
 * and a traffic shape (rush hours 8 and 19); O3 30 ppb (free in runObm by default); T, RH, p.
 */
export function xianSummerDay(noxFactor = 1): ObmObservations {
  const T0 = Date.UTC(2024, 6, 1, -8, 0, 0); // 00:00 local (UTC+8)
  const times = Array.from({ length: 24 }, (_, i) => T0 + i * 3600e3);
  const sun = (h: number) => Math.max(0, Math.sin((Math.PI * (h - 6)) / 14));
  const traffic = (h: number) => 0.4 + Math.exp(-(((h - 8) / 1.5) ** 2)) + 0.8 * Math.exp(-(((h - 19) / 2) ** 2));
  const series = (f: (h: number) => number) => times.map((_, i) => f(i + 0.5));
  return {
    timesUtc: times,
    ppb: {
      NO: series((h) => noxFactor * 12 * traffic(h) * (1 - 0.7 * sun(h))),
      NO2: series((h) => noxFactor * 18 * traffic(h) * (1 - 0.4 * sun(h))),
      O3: series(() => 30),
      CO: series((h) => 500 * traffic(h)),
      HONO: series((h) => noxFactor * 1.2 * (1 - 0.7 * sun(h))),
      PAR: series((h) => 40 * traffic(h)),
      ETH: series((h) => 3 * traffic(h)),
      OLE: series((h) => 0.8 * traffic(h)),
      IOLE: series((h) => 0.3 * traffic(h)),
      ETHA: series(() => 4),
      PRPA: series(() => 3),
      ETHY: series((h) => 2 * traffic(h)),
      BENZENE: series(() => 1),
      TOL: series((h) => 2 * traffic(h)),
      XYLMN: series((h) => 1 * traffic(h)),
      FORM: series((h) => 3 + 4 * sun(h)),
      ALD2: series((h) => 1.5 + 1.5 * sun(h)),
      ISOP: series((h) => 0.05 + 0.8 * sun(h)),
      TERP: series(() => 0.1),
    },
    temperatureK: series((h) => 298 + 8 * sun(h)),
    rhPercent: series((h) => 70 - 30 * sun(h)),
    pressurePa: 97000,
  };
}
