/**
 * Properties of every other reader: files written in the reader's own format come back exactly
 * (values, units, instants, offsets), and broken versions of a valid file only ever give an
 * account that adds up or an AozoraInputError.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interlab, io, qa } from "../bad-input/readers";
import { toCsv } from "../../src/io/write";
import { AqTable } from "../../src/table/table";
import { garbage, readsOrRejects, runs, type Tally } from "./harness";

const num = (x: number) => (Object.is(x, -0) ? "-0" : String(x));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const nonNeg = fc.double({ min: 0, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true });
// PMF uncertainties: at least PMF_MIN_UNCERTAINTY = 1e-100 (issue #20: 1e-320 made Q NaN)
const pmfUncertainty = fc.double({ min: 1e-100, noNaN: true, noDefaultInfinity: true });
const belowPmfFloor = fc.oneof(
  fc.double({ max: 1e-100, maxExcluded: true, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 5e-324, 1e-320, 9.999999999999999e-101),
);
const offset = fc.constantFrom(480, 540, 0, -360, 330);
const off = (m: number) =>
  `${m < 0 ? "-" : "+"}${String(Math.floor(Math.abs(m) / 60)).padStart(2, "0")}:${String(Math.abs(m) % 60).padStart(2, "0")}`;
const same = (got: ArrayLike<number>, want: number[], what: string) =>
  want.forEach((w, i) => expect(Object.is(got[i], w), `${what}[${i}] = ${w} came back as ${got[i]}`).toBe(true));
const lines = (ls: string[]) => ls.join("\n") + "\n";

function fuzz(
  name: string,
  valid: string,
  read: (text: string) => import("../../src/io/account").ReadAccount[],
  seed: number,
  numRuns = 150,
): void {
  it(`${name}: broken files read with an account that adds up or throw AozoraInputError`, () => {
    const tally: Tally = { read: 0, rejected: 0 };
    fc.assert(
      fc.property(garbage(valid), (s) => readsOrRejects(tally, "*", () => read(s))),
      runs(seed, numRuns),
    );
    expect(tally.rejected).toBeGreaterThan(0);
    expect(tally.read + tally.rejected).toBe(runs(seed, numRuns).numRuns);
  });
}

describe("EPA PMF input pairs", () => {
  // n samples on distinct days, m species; concentrations any finite number or -999, uncertainties > 0
  const pair = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 4 })).chain(([n, m]) =>
    fc.record({
      days: fc.uniqueArray(fc.integer({ min: 0, max: 20000 }), { minLength: n, maxLength: n }),
      x: fc.array(
        fc.array(fc.oneof({ weight: 9, arbitrary: finite }, { weight: 1, arbitrary: fc.constant(NaN) }), {
          minLength: m,
          maxLength: m,
        }),
        { minLength: n, maxLength: n },
      ),
      s: fc.array(fc.array(pmfUncertainty, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      off: offset,
    }),
  );
  const species = ["SO4", "NO3", "NH4", "OC"];
  const write = (days: number[], rows: number[][]) => {
    const m = rows[0].length;
    return lines([
      ["date", ...species.slice(0, m)].join(","),
      ...rows.map((r, i) => {
        const d = new Date(Date.UTC(1990, 0, 1) + days[i] * 86400000);
        return [
          `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`,
          ...r.map((v) => (Number.isNaN(v) ? "-999" : num(v))),
        ].join(",");
      }),
    ]);
  };

  it("write → read: values, -999 as NaN, dates as instants at the offset", () => {
    fc.assert(
      fc.property(pair, (p) => {
        const d = io.readEpaPmf(
          { name: "c.csv", text: write(p.days, p.x) },
          { name: "u.csv", text: write(p.days, p.s) },
          { unit: "µg/m3", utcOffset: off(p.off), timeFormat: "mdy" },
        );
        same(d.x, p.x.flat(), "x");
        same(d.s, p.s.flat(), "s");
        same(
          d.concentration.times(),
          p.days.map((k) => Date.UTC(1990, 0, 1) + k * 86400000 - p.off * 60000),
          "time",
        );
        expect(d.concentration.utcOffsetMinutes).toBe(p.off);
        expect(d.concentration.unit(d.species[0])).toBe("µg/m3");
        expect(d.accounts.concentration.cellChanges.length).toBe(p.x.flat().filter(Number.isNaN).length);
      }),
      runs(0x9b01),
    );
  });

  it("an uncertainty below 1e-100 anywhere (0, negative, subnormal) is refused naming its row and column", () => {
    fc.assert(
      fc.property(pair, fc.nat(), fc.nat(), belowPmfFloor, (p, a, b, bad) => {
        const i = a % p.s.length,
          j = b % p.s[0].length;
        const s = p.s.map((r) => [...r]);
        s[i][j] = bad;
        let e: unknown;
        try {
          io.readEpaPmf(
            { name: "c.csv", text: write(p.days, p.x) },
            { name: "u.csv", text: write(p.days, s) },
            { unit: "µg/m3", utcOffset: off(p.off), timeFormat: "mdy" },
          );
        } catch (x) {
          e = x;
        }
        expect(e).toMatchObject({ name: "AozoraInputError", file: "u.csv", row: i + 2, column: species[j] });
      }),
      runs(0x9b02),
    );
  });

  const CON = lines(["date,SO4,NO3", "1/13/2025,3.1,1.2", "1/14/2025,2.5,-999", "1/15/2025,4.0,1.0"]);
  const UNC = lines(["date,SO4,NO3", "1/13/2025,0.31,0.12", "1/14/2025,0.25,0.2", "1/15/2025,0.4,0.1"]);
  fuzz(
    "concentration file",
    CON,
    (s) => {
      const d = io.readEpaPmf(
        { name: "c.csv", text: s },
        { name: "u.csv", text: UNC },
        { unit: "µg/m3", utcOffset: "-06:00" },
      );
      return [d.accounts.concentration, d.accounts.uncertainty];
    },
    0x9b02,
  );
  fuzz(
    "uncertainty file",
    UNC,
    (s) => {
      const d = io.readEpaPmf(
        { name: "c.csv", text: CON },
        { name: "u.csv", text: s },
        { unit: "µg/m3", sampleIds: true },
      );
      return [d.accounts.concentration, d.accounts.uncertainty];
    },
    0x9b03,
  );
});

describe("Xact 625i exports", () => {
  const EL = [
    ["Fe", 26, "IRON"],
    ["Zn", 30, "ZINC"],
    ["Pb", 82, "LEAD"],
    ["Cu", 29, "COPPER"],
  ] as const;
  const rec = fc.integer({ min: 1, max: 4 }).chain((m) =>
    fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        m: fc.constant(m),
        hours: fc.uniqueArray(fc.integer({ min: 0, max: 24 * 365 * 5 }), { minLength: n, maxLength: n }),
        c: fc.array(fc.array(fc.oneof(nonNeg, fc.constant(0)), { minLength: m, maxLength: m }), {
          minLength: n,
          maxLength: n,
        }),
        u: fc.array(fc.array(nonNeg, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        off: offset,
      }),
    ),
  );
  const p2 = (k: number) => String(k).padStart(2, "0");
  const write = (r: { m: number; hours: number[]; c: number[][]; u: number[][] }) => {
    const els = EL.slice(0, r.m);
    return lines([
      [",,,", ...els.flatMap(([, , long]) => [long, ""])].join(","),
      ["TIME,Sample Type,ALARM", ...els.flatMap(([el, z]) => [`${el} ${z} (ng/m3)`, `${el} Uncert (ng/m3)`])].join(","),
      ...r.hours.map((h, i) => {
        const d = new Date(Date.UTC(2020, 0, 1) + h * 3600000);
        const t = `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:00:00`;
        return [t, "1", "0", ...r.c[i].flatMap((c, j) => [num(c), num(r.u[i][j])])].join(",");
      }),
    ]);
  };

  it("write → read: element values and uncertainties, instants at the clock offset, zeros counted as not detected", () => {
    fc.assert(
      fc.property(rec, (r) => {
        const x = io.readXact({ name: "x.csv", text: write(r) }, { utcOffset: off(r.off) });
        expect(x.elements).toEqual(EL.slice(0, r.m).map((e) => e[0]));
        same(
          x.table.times(),
          r.hours.map((h) => Date.UTC(2020, 0, 1) + h * 3600000 - r.off * 60000),
          "time",
        );
        expect(x.table.utcOffsetMinutes).toBe(r.off);
        EL.slice(0, r.m).forEach(([el], j) => {
          same(
            x.table.numbers(el),
            r.c.map((row) => row[j]),
            el,
          );
          same(
            x.table.numbers(`${el}_unc`),
            r.u.map((row) => row[j]),
            `${el}_unc`,
          );
          expect(x.table.unit(el)).toBe("ng/m3");
          expect(x.notDetected[el]).toBe(r.c.filter((row) => row[j] === 0).length);
        });
      }),
      runs(0x9b04),
    );
  });

  const VALID = lines([
    ",,,,IRON,,ZINC,",
    "TIME,Sample Type,ALARM,VOLUME (L),Fe 26 (ng/m3),Fe Uncert (ng/m3),Zn 30 (ng/m3),Zn Uncert (ng/m3)",
    "01/01/2025 01:00:00,1,0,1000,120.5,8.5,30.1,2.1",
    "01/01/2025 02:00:00,2,0,1000,0.0,1.5,28.0,2.0",
    "01/01/2025 03:00:00,1,101,1000,0.0,1.5,,",
  ]);
  fuzz("readXact", VALID, (s) => [io.readXact({ name: "x.csv", text: s }, { utcOffset: "+08:00" }).account], 0x9b05);
});

describe("HYSPLIT endpoint files", () => {
  const i6 = (n: number) => String(n).padStart(6);
  const f = (x: number, w: number, d: number) => x.toFixed(d).padStart(w);
  const point = fc.record({
    lat: fc.integer({ min: -90000, max: 90000 }),
    lon: fc.integer({ min: -180000, max: 180000 }),
    h: fc.integer({ min: 0, max: 99999 }),
    p: fc.integer({ min: 1000, max: 10500 }),
  });
  const file = fc.record({
    start: fc.integer({ min: 0, max: 24 * 365 * 40 }),
    pts: fc.array(point, { minLength: 1, maxLength: 12 }),
  });
  const write = (r: { start: number; pts: { lat: number; lon: number; h: number; p: number }[] }) => {
    const s = new Date(Date.UTC(2000, 0, 1) + r.start * 3600000);
    const ymdh = (d: Date) => [d.getUTCFullYear() % 100, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()];
    return lines([
      `${i6(1)}${i6(1)}`,
      `    GDAS${ymdh(s).map(i6).join("")}${i6(0)}`,
      `${i6(1)} BACKWARD OMEGA`,
      `${ymdh(s).map(i6).join("")}${f(r.pts[0].lat / 1000, 9, 3)}${f(r.pts[0].lon / 1000, 9, 3)}${f(r.pts[0].h / 10, 8, 1)}`,
      `${i6(1)} PRESSURE`,
      ...r.pts.map((q, k) => {
        const d = new Date(s.getTime() - k * 3600000);
        return (
          [1, 1, ...ymdh(d), 0, k].map(i6).join("") +
          f(-k, 8, 1) +
          f(q.lat / 1000, 9, 3) +
          f(q.lon / 1000, 9, 3) +
          f(q.h / 10, 9, 1) +
          f(q.p / 10, 9, 1)
        );
      }),
    ]);
  };

  it("write → read: positions (3 decimals), heights, pressures and UTC times come back", () => {
    fc.assert(
      fc.property(file, (r) => {
        const h = io.readHysplit({ name: "tdump", text: write(r) });
        const t0 = Date.UTC(2000, 0, 1) + r.start * 3600000;
        same(
          h.endpoints.times(),
          r.pts.map((_, k) => t0 - k * 3600000),
          "time",
        );
        same(
          h.endpoints.numbers("lat"),
          r.pts.map((q) => Number((q.lat / 1000).toFixed(3))),
          "lat",
        );
        same(
          h.endpoints.numbers("lon"),
          r.pts.map((q) => Number((q.lon / 1000).toFixed(3))),
          "lon",
        );
        same(
          h.endpoints.numbers("height"),
          r.pts.map((q) => Number((q.h / 10).toFixed(1))),
          "height",
        );
        same(
          h.endpoints.numbers("PRESSURE"),
          r.pts.map((q) => Number((q.p / 10).toFixed(1))),
          "PRESSURE",
        );
        expect(h.starts[0].time).toBe(t0);
      }),
      runs(0x9b06),
    );
  });

  it("readHysplitFiles: trajectory ids run on across files and every endpoint is kept", () => {
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 4 }), (fs) => {
        const r = io.readHysplitFiles(fs.map((x, k) => ({ name: `tdump${k}`, text: write(x) })));
        expect(r.endpoints.numRows).toBe(fs.reduce((s, x) => s + x.pts.length, 0));
        same(
          r.endpoints.numbers("traj"),
          fs.flatMap((x, k) => x.pts.map(() => k + 1)),
          "traj",
        );
        expect(r.accounts.map((a) => a.keptRows)).toEqual(fs.map((x) => x.pts.length));
      }),
      runs(0x9b07, 60),
    );
  });

  const VALID = write({
    start: 100,
    pts: [
      { lat: 33880, lon: 130880, h: 5000, p: 9547 },
      { lat: 34000, lon: 130530, h: 5050, p: 9541 },
    ],
  });
  fuzz("readHysplit", VALID, (s) => [io.readHysplit({ name: "tdump", text: s }).account], 0x9b08, 200);
  it("readHysplitFiles: a set with a broken file reads or throws AozoraInputError", () => {
    const tally: Tally = { read: 0, rejected: 0 };
    fc.assert(
      fc.property(garbage(VALID), (s) =>
        readsOrRejects(
          tally,
          "*",
          () =>
            io.readHysplitFiles([
              { name: "a", text: VALID },
              { name: "b", text: s },
            ]).accounts,
        ),
      ),
      runs(0x9b09, 80),
    );
    expect(tally.rejected).toBeGreaterThan(0);
  });
});

describe("source profiles", () => {
  const rows = fc
    .uniqueArray(
      fc.tuple(
        fc.constantFrom("coal", "dust", "鋼鉄", "vehicle"),
        fc.constantFrom("SO4", "OC", "EC", "Al", "Si", "Fe"),
      ),
      { minLength: 1, maxLength: 12, selector: ([p, s]) => p + "|" + s },
    )
    .chain((keys) =>
      fc.tuple(
        fc.constant(keys),
        // a mass fraction is at most 1 g/g (readProfiles refuses more)
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: keys.length, maxLength: keys.length }),
        fc.array(nonNeg, { minLength: keys.length, maxLength: keys.length }),
      ),
    );

  it("readProfiles: fractions in g/g and their uncertainties come back exactly, grouped by profile in file order", () => {
    fc.assert(
      fc.property(rows, ([keys, fr, un]) => {
        const text = lines([
          "profile,species,fraction (g/g),uncertainty (g/g)",
          ...keys.map(([p, s], i) => `${p},${s},${num(fr[i])},${num(un[i])}`),
        ]);
        const r = io.readProfiles({ name: "p.csv", text });
        const names = [...new Set(keys.map(([p]) => p))];
        expect(r.profiles.map((p) => p.name)).toEqual(names);
        for (const prof of r.profiles) {
          const idx = keys
            .map((k, i) => [k, i] as const)
            .filter(([[p]]) => p === prof.name)
            .map(([, i]) => i);
          expect(prof.species).toEqual(idx.map((i) => keys[i][1]));
          same(
            prof.fraction,
            idx.map((i) => fr[i]),
            "fraction",
          );
          same(
            prof.uncertainty,
            idx.map((i) => un[i]),
            "uncertainty",
          );
        }
        // profiles whose fractions sum above 1 g/g are flagged once each, on their first row
        const over = names.filter((n) => keys.reduce((t, [p], i) => (p === n ? t + fr[i] : t), 0) > 1 + 1e-9);
        expect(r.account.flagged.map((f) => f.reason)).toEqual(over.map(() => "profile-sum-above-1"));
      }),
      runs(0x9b0a),
    );
  });

  const VP = lines([
    "profile,species,fraction (%),uncertainty (%)",
    "coal,SO4,12.5,1.2",
    "coal,Se,0.1,0.01",
    "dust,Al,7,",
    "dust,Si,28,2",
  ]);
  fuzz("readProfiles", VP, (s) => [io.readProfiles({ name: "p.csv", text: s }).account], 0x9b0b);
  const VS = lines([
    "PROFILE_CODE,PROFILE_NAME,SPECIES_NAME,WEIGHT_PERCENT,UNCERTAINTY_PERCENT",
    "91106,Coal Combustion,Sulfate,25,2",
    "91106,Coal Combustion,Organic carbon,10,3",
    "3,Dust,Aluminum,7,",
  ]);
  fuzz(
    "readSpeciate",
    VS,
    (s) => [io.readSpeciate({ name: "s.csv", text: s }, { categories: { "91106": "coal" } }).account],
    0x9b0c,
  );
  const VD = lines([
    "test,vehicle,fuel,dilution_ratio,species,sample (ug/m3),sample_unc,background,background_unc",
    "T1,bus,diesel,10,OC,500,20,5,1",
    "T1,bus,diesel,10,EC,400,20,5,1",
    "T2,car,gasoline,8,OC,300,20,,1",
  ]);
  fuzz("readDilutionTunnel", VD, (s) => [io.readDilutionTunnel({ name: "d.csv", text: s }).account], 0x9b0d);

  it("readDilutionTunnel: write → read is exact", () => {
    const row = fc.record({
      dr: fc.double({ min: 1, max: 1e6, noNaN: true }),
      s: finite,
      su: nonNeg,
      b: finite,
      bu: nonNeg,
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rs) => {
        const text = lines([
          "test,dilution_ratio,species,sample (µg/m3),sample_unc,background,background_unc",
          ...rs.map((r, i) => `T${i},${num(r.dr)},OC,${num(r.s)},${num(r.su)},${num(r.b)},${num(r.bu)}`),
        ]);
        const got = io.readDilutionTunnel({ name: "d.csv", text });
        expect(got.unit).toBe("µg/m3");
        rs.forEach((r, i) =>
          same(
            [
              got.rows[i].dilutionRatio,
              got.rows[i].sample,
              got.rows[i].sampleUnc,
              got.rows[i].background,
              got.rows[i].backgroundUnc,
            ],
            [r.dr, r.s, r.su, r.b, r.bu],
            `row ${i}`,
          ),
        );
      }),
      runs(0x9b0e, 80),
    );
  });
});

describe("remote sensing, VOC, filter samples, laboratory pairs", () => {
  const RSH = "time,plate,category,fuel,model year,speed (m/s),accel (m/s2),CO/CO2,HC/CO2,NO/CO2,CO2,valid";
  it("readRemoteSensing: write → read of times, ratios and speeds in m/s is exact; every flag is accounted", () => {
    const pass = fc.record({
      sec: fc.integer({ min: 0, max: 86399 }),
      plate: fc.constantFrom("闽D12345", "闽D67890", "品川300あ1234"),
      co: finite,
      hc: finite,
      no: finite,
      co2: fc.oneof(positive, fc.constant(NaN)),
      v: nonNeg,
      a: finite,
    });
    fc.assert(
      fc.property(fc.array(pass, { minLength: 1, maxLength: 10 }), offset, (ps, o) => {
        const p2 = (k: number) => String(k).padStart(2, "0");
        const text = lines([
          RSH,
          ...ps.map(
            (p) =>
              `2025-03-01 ${p2(Math.floor(p.sec / 3600))}:${p2(Math.floor(p.sec / 60) % 60)}:${p2(p.sec % 60)},${p.plate},car,gasoline,2018,${num(p.v)},${num(p.a)},${num(p.co)},${num(p.hc)},${num(p.no)},${Number.isNaN(p.co2) ? "" : num(p.co2)},1`,
          ),
        ]);
        const r = io.readRemoteSensing({ name: "r.csv", text }, { utcOffset: off(o) });
        same(
          r.records.time,
          ps.map((p) => Date.UTC(2025, 2, 1) + p.sec * 1000 - o * 60000),
          "time",
        );
        same(
          r.records.coCo2,
          ps.map((p) => p.co),
          "CO/CO2",
        );
        same(
          r.records.co2,
          ps.map((p) => p.co2),
          "CO2",
        );
        same(
          r.records.speed,
          ps.map((p) => p.v),
          "speed",
        );
        same(
          r.records.accel,
          ps.map((p) => p.a),
          "accel",
        );
        expect(r.account.flagged.length).toBe(r.records.flags.reduce((s, f) => s + f.length, 0));
        expect(r.account.flagged.filter((f) => f.reason === "missing-co2").map((f) => f.row)).toEqual(
          ps.flatMap((p, i) => (Number.isNaN(p.co2) ? [i + 2] : [])),
        );
      }),
      runs(0x9b0f),
    );
  });
  const VR = lines([
    RSH,
    "2025-03-01 08:00:01,闽D12345,car,gasoline,2018,10,0.5,0.01,0.0002,0.001,0.8,1",
    "2025-03-01 08:00:05,闽D67890,bus,diesel,2015,12,0.1,0.02,0.0003,0.002,,0",
  ]);
  fuzz(
    "readRemoteSensing",
    VR,
    (s) => [io.readRemoteSensing({ name: "r.csv", text: s }, { utcOffset: "CN" }).account],
    0x9b10,
  );

  it("readVocTable: write → read of a wide ppb table is exact, times at the offset", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 8 })
          .chain((n) =>
            fc.tuple(
              fc.uniqueArray(fc.integer({ min: 0, max: 8759 }), { minLength: n, maxLength: n }),
              fc.array(fc.tuple(nonNeg, nonNeg, nonNeg), { minLength: n, maxLength: n }),
            ),
          ),
        offset,
        ([hours, v], o) => {
          const t = AqTable.create(
            {
              time: hours.map((h) => Date.UTC(2025, 0, 1) + h * 3600000),
              ethane: v.map((x) => x[0]),
              propane: v.map((x) => x[1]),
              toluene: v.map((x) => x[2]),
            },
            { ethane: { unit: "ppb" }, propane: { unit: "ppb" }, toluene: { unit: "ppb" } },
            { column: "time", utcOffsetMinutes: o },
          );
          const r = io.readVocTable({ name: "v.csv", text: toCsv(t) });
          same(
            r.times!,
            hours.map((h) => Date.UTC(2025, 0, 1) + h * 3600000),
            "time",
          );
          expect(r.utcOffsetMinutes).toBe(o);
          expect(r.columns.map((c) => [c.match.id, c.unit])).toEqual([
            ["ethane", "ppb"],
            ["propane", "ppb"],
            ["toluene", "ppb"],
          ]);
          r.columns.forEach((c, j) =>
            same(
              c.values,
              v.map((x) => x[j]),
              c.match.id,
            ),
          );
        },
      ),
      runs(0x9b11, 80),
    );
  });
  const VV = lines([
    "time,ethane (ppb),propane (ppb),toluene (ppb),site",
    "2025-07-01 08:00,3.2,2.1,1.5,A",
    "2025-07-01 09:00,3.0,<0.1,ND,A",
  ]);
  fuzz("readVocTable", VV, (s) => [io.readVocTable({ name: "v.csv", text: s }, { utcOffset: "CN" }).account], 0x9b12);

  // sample tables written by toCsv: ids are text (letter first), species numeric with units
  const samples = fc.integer({ min: 1, max: 10 }).chain((n) =>
    fc.record({
      ids: fc.uniqueArray(
        fc.integer({ min: 0, max: 9999 }).map((k) => `F${k}`),
        { minLength: n, maxLength: n },
      ),
      oc: fc.array(fc.oneof({ weight: 9, arbitrary: finite }, { weight: 1, arbitrary: fc.constant(NaN) }), {
        minLength: n,
        maxLength: n,
      }),
      pb: fc.array(finite, { minLength: n, maxLength: n }),
    }),
  );
  const sampleTable = (s: { ids: string[]; oc: number[]; pb: number[] }) =>
    AqTable.create({ sample_id: s.ids, OC: s.oc, Pb: s.pb }, { OC: { unit: "µg/m3" }, Pb: { unit: "ng/m3" } });

  it("readSampleTable: write → read of ids, values and units is exact", () => {
    fc.assert(
      fc.property(samples, (s) => {
        const r = qa.readSampleTable({ name: "s.csv", text: toCsv(sampleTable(s)) });
        expect(r.ids).toEqual(s.ids);
        same(r.table.numbers("OC"), s.oc, "OC");
        same(r.table.numbers("Pb"), s.pb, "Pb");
        expect([r.table.unit("OC"), r.table.unit("Pb")]).toEqual(["µg/m3", "ng/m3"]);
        expect(r.fileRows).toEqual(s.ids.map((_, i) => i + 2));
      }),
      runs(0x9b13),
    );
  });
  const VQ = lines([
    "sample_id,site,SO4 (ug/m3),Pb (ng/m3)",
    "F001,Shanghai,3.1,<0.5",
    "F002,Shanghai,2.5,12",
    "F003,Kitakyushu,,ND",
  ]);
  fuzz("readSampleTable", VQ, (s) => [qa.readSampleTable({ name: "s.csv", text: s }).account], 0x9b14);

  it("readLabPair: two labs' files in different row orders pair value by value", () => {
    fc.assert(
      fc.property(samples, fc.array(finite, { minLength: 10, maxLength: 10 }), fc.nat(), (s, other, rot) => {
        const n = s.ids.length,
          k = rot % n;
        const perm = s.ids.map((_, i) => (i + k) % n); // lab B lists the samples rotated
        const b = { ids: perm.map((i) => s.ids[i]), oc: perm.map((i) => other[i]), pb: perm.map((i) => s.pb[i]) };
        const r = interlab.readLabPair(
          { name: "a.csv", text: toCsv(sampleTable(s)) },
          { name: "b.csv", text: toCsv(sampleTable(b)) },
        );
        expect(r.ids).toEqual(s.ids);
        expect(r.species).toEqual(["OC", "Pb"]);
        same(r.a.OC, s.oc, "a.OC");
        same(
          r.b.OC,
          s.ids.map((_, i) => other[i]),
          "b.OC",
        );
        same(r.b.Pb, s.pb, "b.Pb");
      }),
      runs(0x9b15, 80),
    );
  });
  fuzz(
    "readLabPair",
    VQ,
    (s) =>
      interlab
        .readLabPair({ name: "a.csv", text: VQ }, { name: "b.csv", text: s }, { unmatched: "drop" })
        .reads.map((r) => r.account),
    0x9b16,
  );
});
