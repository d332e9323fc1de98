// Writes the bad-input corpus (test/bad-input/<reader>/...). Run once: `node test/bad-input/generate.mjs`.
// The bytes are committed; this script documents how the encoded files and workbooks were made
// (Shift_JIS/GBK via iconv-lite, .xlsx via SheetJS). The expected outcomes are in manifest.json,
// written by hand, not by running the readers.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import * as XLSX from "xlsx";

const here = dirname(fileURLToPath(import.meta.url));
const put = (rel, data) => {
  const p = join(here, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, data);
};
const lines = (...ls) => ls.join("\n") + "\n";
const xlsx = (aoa) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), "data");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true });
};

// ---------- monitoring tables (readMonitoringTable) ----------
const M = "monitoring";
put(
  `${M}/shift-jis-header.csv`,
  iconv.encode(
    lines("日時,PM2.5(ug/m3),備考", "2025-01-01 00:00,12.5,晴れ", "2025-01-01 01:00,13.0,曇り"),
    "shift_jis",
  ),
);
put(
  `${M}/gbk-header.csv`,
  iconv.encode(lines("时间,PM2.5(ug/m3),备注", "2025-01-01 00:00,35.5,晴", "2025-01-01 01:00,40.0,霾"), "gbk"),
);
put(
  `${M}/decimal-comma-semicolon.csv`,
  lines("Datum;PM10 (µg/m3);NO2 (µg/m3)", "2025-01-01 00:00;12,5;40", "2025-01-01 01:00;7,25;41,0"),
);
put(`${M}/thousands-quoted.csv`, lines("time,CO (ppb)", '2025-01-01 00:00,"1,234"', '2025-01-01 01:00,"1,250.5"'));
put(`${M}/utf8-bom.csv`, "\uFEFF" + lines("time,PM2.5 (ug/m3)", "2025-01-01 00:00,1.5", "2025-01-01 01:00,2.5"));
put(
  `${M}/utf16le-bom.tsv`,
  Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(lines("time\tO3 (ppb)", "2025-01-01 00:00\t30", "2025-01-01 01:00\t31"), "utf16le"),
  ]),
);
put(
  `${M}/mixed-delimiters.csv`,
  lines("time,PM2.5 (ug/m3),O3 (ppb)", "2025-01-01 00:00,1,2", "2025-01-01 01:00;1;2", "2025-01-01 02:00,1,2"),
);
put(
  `${M}/truncated-last-row.csv`,
  "time,PM2.5 (ug/m3),O3 (ppb)\n2025-01-01 00:00,1,2\n2025-01-01 01:00,1,2\n2025-01-01 02:00,3",
);
put(
  `${M}/duplicate-timestamp.csv`,
  lines("time,PM2.5 (ug/m3)", "2025-01-01 00:00,1", "2025-01-01 01:00,2", "2025-01-01 02:00,3", "2025-01-01 01:00,4"),
);
put(
  `${M}/out-of-order.csv`,
  lines("time,PM2.5 (ug/m3)", "2025-01-01 02:00,1", "2025-01-01 00:00,2", "2025-01-01 01:00,3", "2025-01-01 03:00,4"),
);
put(`${M}/no-offset.csv`, lines("time,PM2.5 (ug/m3)", "2025-01-01 00:00,1", "2025-01-01 01:00,2"));
put(`${M}/offset-beyond-14h.csv`, lines("time,PM2.5 (ug/m3)", "2025-01-01T00:00+09:00,1", "2025-01-01T01:00+15:00,2"));
put(
  `${M}/nan-codes.csv`,
  lines("time,PM2.5 (ug/m3),O3 (ppb)", "2025-01-01 00:00,NaN,2", "2025-01-01 01:00,-999,NA", "2025-01-01 02:00,3,4"),
);
put(`${M}/1e309.csv`, lines("time,PM2.5 (ug/m3),O3 (ppb)", "2025-01-01 00:00,1,2", "2025-01-01 01:00,1e309,2"));
put(`${M}/infinity.csv`, lines("time,PM2.5 (ug/m3),O3 (ppb)", "2025-01-01 00:00,1,Infinity"));
put(
  `${M}/all-missing-column.csv`,
  lines("time,PM2.5 (ug/m3),SO2 (ppb)", "2025-01-01 00:00,1,", "2025-01-01 01:00,2,NA", "2025-01-01 02:00,3,-999"),
);
put(`${M}/header-only.csv`, lines("time,PM2.5 (ug/m3)"));
put(`${M}/empty.csv`, "");
put(`${M}/proto-header.csv`, lines("time,__proto__", "2025-01-01 00:00,1"));
put(`${M}/constructor-header.tsv`, lines("time\tconstructor (ppb)", "2025-01-01 00:00\t1"));
put(`${M}/tostring-header.csv`, lines("time,PM2.5 (ug/m3),toString", "2025-01-01 00:00,1,a"));
put(
  `${M}/formula-cells.csv`,
  lines(
    "time,PM2.5 (ug/m3),note",
    "2025-01-01 00:00,1,\"=cmd|' /C calc'!A0\"",
    "2025-01-01 01:00,2,@SUM(A1:A9)",
    "2025-01-01 02:00,-3,+81-93-000",
  ),
);
put(`${M}/excel-serials-as-text.csv`, lines("time,PM2.5 (ug/m3)", "45658.5,10", "45658.541666666664,11"));
put(`${M}/japanese-hour-24.csv`, lines("日時,PM2.5(μg/m3)", "2025年1月1日 23時,10", "2025年1月1日 24時,11"));
put(`${M}/ambiguous-day-month.csv`, lines("time,PM2.5 (ug/m3)", "01/02/2025 00:00,1", "03/04/2025 00:00,2"));
put(`${M}/unterminated-quote.csv`, lines("time,site", '2025-01-01 00:00,"Kitakyushu', "2025-01-01 01:00,Dalian"));
put(`${M}/not-a-workbook.xlsx`, lines("time,PM2.5 (ug/m3)", "2025-01-01 00:00,1"));
put(
  `${M}/excel-date-serials.xlsx`,
  xlsx([
    ["time", "PM2.5 (ug/m3)"],
    [45658.5, 10],
    [45658.541666666664, 11],
    [45658.583333333336, 12],
  ]),
);
put(
  `${M}/valueof-header.xlsx`,
  xlsx([
    ["time", "valueOf (ppb)"],
    ["2025-01-01T00:00:00+09:00", 1],
  ]),
);
// a workbook cut after 13 bytes, and one whose docProps/core.xml local header claims a 94-byte extra field:
// SheetJS 0.20.3 loops forever on both (found by test/property); the reader must refuse them
const wbGood = xlsx([
  ["time", "O3 (ppb)"],
  ["2025-01-01T00:00:00+09:00", 1],
]);
put(`${M}/truncated.xlsx`, wbGood.subarray(0, 13));
const wbBad = Buffer.from(wbGood);
wbBad.writeUInt16LE(94, wbBad.indexOf("docProps/core.xml") - 30 + 28);
put(`${M}/damaged-local-header.xlsx`, wbBad);
put(
  `${M}/value-beyond-header.xlsx`,
  xlsx([
    ["time", "O3 (ppb)"],
    ["2025-01-01T00:00:00+09:00", 1],
    ["2025-01-01T01:00:00+09:00", 2, "stray"],
  ]),
);

// ---------- EPA PMF pairs (readEpaPmf) ----------
const P = "epapmf";
const CON = ["date,SO4,NO3,NH4", "1/13/2025,3.1,1.2,0.9", "1/14/2025,2.5,1.0,1.1", "1/15/2025,4.0,1.0,1.3"];
const UNC = ["date,SO4,NO3,NH4", "1/13/2025,0.31,0.12,0.09", "1/14/2025,0.25,0.2,0.11", "1/15/2025,0.4,0.1,0.13"];
put(`${P}/negative-unc.con.csv`, lines(...CON));
put(`${P}/negative-unc.unc.csv`, lines(...UNC.slice(0, 2), "1/14/2025,0.25,-0.2,0.11", UNC[3]));
put(`${P}/subnormal-unc.con.csv`, lines(...CON));
put(`${P}/subnormal-unc.unc.csv`, lines(...UNC.slice(0, 3), "1/15/2025,0.4,0.1,1e-320"));
put(`${P}/zero-unc.con.csv`, lines(...CON));
put(`${P}/zero-unc.unc.csv`, lines(UNC[0], "1/13/2025,0,0.12,0.09", ...UNC.slice(2)));
put(`${P}/below-floor-unc.con.csv`, lines(...CON));
put(`${P}/below-floor-unc.unc.csv`, lines(...UNC.slice(0, 2), "1/14/2025,0.25,9.9e-101,0.11", UNC[3]));
put(`${P}/truncated-unc.con.csv`, lines(...CON));
put(`${P}/truncated-unc.unc.csv`, UNC.slice(0, 3).join("\n") + "\n1/15/2025,0.4");
put(`${P}/infinity.con.csv`, lines(...CON.slice(0, 3), "1/15/2025,4.0,Infinity,1.3"));
put(`${P}/infinity.unc.csv`, lines(...UNC));
put(
  `${P}/nan-and-missing.con.csv`,
  lines(CON[0], "1/13/2025,NaN,1.2,0.9", "1/14/2025,2.5,-999,1.1", "1/15/2025,4.0,1.0,"),
);
put(`${P}/nan-and-missing.unc.csv`, lines(...UNC));
put(`${P}/tostring-species.con.csv`, lines("date,SO4,toString,NH4", ...CON.slice(1)));
put(`${P}/tostring-species.unc.csv`, lines("date,SO4,toString,NH4", ...UNC.slice(1)));
put(`${P}/header-only.con.csv`, lines(CON[0]));
put(`${P}/header-only.unc.csv`, lines(UNC[0]));
put(`${P}/tab-vs-comma.con.csv`, lines(...CON));
put(`${P}/tab-vs-comma.unc.tsv`, lines(...UNC.map((l) => l.replaceAll(",", "\t"))));

// ---------- Xact 625i (readXact) ----------
const X = "xact";
const XR1 = ",,,,IRON,,ZINC,,ARSENIC,";
const XH =
  "TIME,Sample Type,ALARM,VOLUME (L),Fe 26 (ng/m3),Fe Uncert (ng/m3),Zn 30 (ng/m3),Zn Uncert (ng/m3),As 33 (ng/m3),As Uncert (ng/m3)";
put(
  `${X}/negative-uncertainty.csv`,
  lines(
    XR1,
    XH,
    "01/01/2025 01:00:00,1,0,1000,120.5,8.5,30.1,2.1,,",
    "01/01/2025 02:00:00,1,0,1000,110.0,8.0,28.0,-2.0,,",
  ),
);
put(
  `${X}/duplicate-time.csv`,
  lines(
    XR1,
    XH,
    "01/01/2025 01:00:00,1,0,1000,120.5,8.5,30.1,2.1,,",
    "01/01/2025 02:00:00,1,0,1000,110.0,8.0,28.0,2.0,,",
    "01/01/2025 01:00:00,1,0,1000,100.0,8.0,27.0,2.0,,",
  ),
);
put(
  `${X}/qa-alarm-not-analysed.csv`,
  lines(
    XR1,
    XH,
    "01/01/2025 01:00:00,1,0,1000,120.5,8.5,30.1,2.1,,",
    "01/01/2025 02:00:00,2,0,1000,5000,50,4000,40,,",
    "01/01/2025 03:00:00,1,101,1000,0.0,1.5,,,,",
  ),
);
put(
  `${X}/proto-header.csv`,
  lines(
    XR1,
    "TIME,Sample Type,ALARM,__proto__,Fe 26 (ng/m3),Fe Uncert (ng/m3)",
    "01/01/2025 01:00:00,1,0,1000,120.5,8.5",
  ),
);
put(
  `${X}/bom-nan.csv`,
  "\uFEFF" +
    lines(
      ",,,,IRON,",
      "TIME,Sample Type,ALARM,VOLUME (L),Fe 26 (ng/m3),Fe Uncert (ng/m3)",
      "01/01/2025 01:00:00,1,0,1000,NaN,8.5",
    ),
);
put(`${X}/header-rows-only.csv`, lines(XR1, XH));

// ---------- HYSPLIT (readHysplit, readHysplitFiles) ----------
const H = "hysplit";
const i6 = (n) => String(n).padStart(6);
const f = (x, w, d) => x.toFixed(d).padStart(w);
const endpoint = (traj, y, mo, d, h, age, lat, lon, height, p) =>
  [traj, 1, y, mo, d, h, 0, Math.abs(age)].map(i6).join("") +
  f(age, 8, 1) +
  f(lat, 9, 3) +
  f(lon, 9, 3) +
  f(height, 9, 1) +
  f(p, 9, 1);
const head = (diag = "PRESSURE") => [
  `${i6(1)}${i6(1)}`,
  `    GDAS${i6(25)}${i6(1)}${i6(2)}${i6(3)}${i6(0)}`,
  `${i6(1)} BACKWARD OMEGA`,
  `${i6(25)}${i6(1)}${i6(2)}${i6(3)}${f(33.88, 9, 3)}${f(130.88, 9, 3)}${f(500, 8, 1)}`,
  `${i6(1)} ${diag}`,
];
const E1 = endpoint(1, 25, 1, 2, 3, 0, 33.88, 130.88, 500, 954.7);
const E2 = endpoint(1, 25, 1, 2, 2, -1, 34.0, 130.53, 505, 954.1);
put(`${H}/good.tdump`, lines(...head(), E1, E2));
put(`${H}/truncated-header.tdump`, head().slice(0, 3).join("\n"));
put(`${H}/truncated-endpoint.tdump`, lines(...head(), E1, E2.slice(0, 40)));
put(`${H}/month-13.tdump`, lines(...head(), E1, endpoint(1, 25, 13, 2, 2, -1, 34.0, 130.53, 505, 954.1)));
put(`${H}/hour-24.tdump`, lines(...head(), E1, endpoint(1, 25, 1, 2, 24, -1, 34.0, 130.53, 505, 954.1)));
const startLine = (y, mo, d, h, lat = 33.88) =>
  `${i6(y)}${i6(mo)}${i6(d)}${i6(h)}${f(lat, 9, 3)}${f(130.88, 9, 3)}${f(500, 8, 1)}`;
const withStart = (start) => [...head().slice(0, 3), start, head()[4]];
put(`${H}/start-month-13.tdump`, lines(...withStart(startLine(25, 13, 2, 3)), E1, E2));
put(`${H}/start-hour-24.tdump`, lines(...withStart(startLine(25, 1, 2, 24)), E1, E2));
put(`${H}/start-feb-30.tdump`, lines(...withStart(startLine(25, 2, 30, 3)), E1, E2));
put(
  `${H}/met-grid-month-13.tdump`,
  lines(head()[0], `    GDAS${i6(25)}${i6(13)}${i6(2)}${i6(3)}${i6(0)}`, ...head().slice(2), E1, E2),
);
put(`${H}/cut-pressure.tdump`, lines(...head(), E1, E2.slice(0, E2.length - 4)));
put(`${H}/nan-latitude.tdump`, lines(...head(), E1, E2.slice(0, 56) + "      NaN" + E2.slice(65)));
put(`${H}/latitude-out-of-range.tdump`, lines(...head(), E1, endpoint(1, 25, 1, 2, 2, -1, 91.5, 130.53, 505, 954.1)));
put(`${H}/proto-diagnostic.tdump`, lines(...head("__proto__"), E1, E2));
put(`${H}/diagnostic-named-lat.tdump`, lines(...head("lat"), E1, E2));
put(
  `${H}/trajectory-number-2-of-1.tdump`,
  lines(...head(), E1, endpoint(2, 25, 1, 2, 2, -1, 34.0, 130.53, 505, 954.1)),
);

// ---------- source profiles (readProfiles, readSpeciate, readDilutionTunnel) ----------
const R = "profiles";
put(
  `${R}/negative-fraction.csv`,
  lines("profile,species,fraction (%),uncertainty (%)", "coal,SO4,12.5,1.2", "coal,Se,-0.1,0.01"),
);
put(`${R}/unknown-unit.csv`, lines("profile,species,fraction (ppt),uncertainty (ppt)", "coal,SO4,12.5,1.2"));
put(
  `${R}/duplicate-species.csv`,
  lines("profile,species,fraction (g/g)", "coal,SO4,0.12", "coal,OC,0.2", "coal,SO4,0.13"),
);
put(
  `${R}/missing-fraction.csv`,
  lines("profile,species,fraction (mg/g),uncertainty (mg/g)", "dust,Al,70,7", "dust,Si,,NA"),
);
put(`${R}/empty-profile-name.csv`, lines("profile,species,fraction (%)", "coal,SO4,12", ",OC,20"));
put(`${R}/header-only.csv`, lines("profile,species,fraction (%)"));
put(
  `${R}/speciate-over-100.csv`,
  lines(
    "PROFILE_CODE,PROFILE_NAME,SPECIES_NAME,WEIGHT_PERCENT,UNCERTAINTY_PERCENT",
    "91106,Coal Combustion,Sulfate,25,2",
    "91106,Coal Combustion,Organic carbon,101,3",
  ),
);
put(
  `${R}/speciate-proto-code.csv`,
  lines("PROFILE_CODE,SPECIES_NAME,WEIGHT_PERCENT", "__proto__,Sulfate,25", "constructor,Sulfate,30"),
);
put(
  `${R}/dilution-ratio-below-1.csv`,
  lines(
    "test,vehicle,fuel,dilution_ratio,species,sample (ug/m3),sample_unc,background,background_unc",
    "T1,bus,diesel,10,OC,500,20,5,1",
    "T2,car,gasoline,0.5,OC,300,20,5,1",
  ),
);
put(
  `${R}/dilution-negative-unc.csv`,
  lines(
    "test,vehicle,fuel,dilution_ratio,species,sample (ug/m3),sample_unc,background,background_unc",
    "T1,bus,diesel,10,OC,500,20,5,1",
    "T1,bus,diesel,10,EC,400,20,5,-1",
  ),
);

// ---------- remote sensing (readRemoteSensing) ----------
const S = "remotesensing";
const RSH = "time,plate,category,fuel,model year,speed (km/h),accel (km/h/s),CO/CO2,HC/CO2,NO/CO2,CO2,valid";
put(
  `${S}/missing-co2-and-duplicate.csv`,
  lines(
    RSH,
    "2025-03-01 08:00:01,闽D12345,car,gasoline,2018,36,1.8,0.01,0.0002,0.001,0.8,1",
    "2025-03-01 08:00:05,闽D67890,car,gasoline,2015,40,0.5,0.02,0.0003,0.002,,1",
    "2025-03-01 08:00:01,闽D12345,car,gasoline,2018,36,1.8,0.01,0.0002,0.001,0.8,1",
  ),
);
put(`${S}/header-only.csv`, lines(RSH));
put(
  `${S}/bad-valid-flag.csv`,
  lines(RSH, "2025-03-01 08:00:01,闽D12345,car,gasoline,2018,36,1.8,0.01,0.0002,0.001,0.8,maybe"),
);
put(
  `${S}/speed-without-unit.csv`,
  lines(
    RSH.replace("speed (km/h)", "speed"),
    "2025-03-01 08:00:01,闽D12345,car,gasoline,2018,36,1.8,0.01,0.0002,0.001,0.8,1",
  ),
);

// ---------- VOC tables (readVocTable) ----------
const V = "voc";
put(
  `${V}/gbk-chinese-names.csv`,
  iconv.encode(
    lines("采样时间,乙烷(ppb),丙烷(ppb),甲苯(ppb)", "2025-07-01 08:00,3.2,2.1,1.5", "2025-07-01 09:00,3.0,2.0,1.7"),
    "gbk",
  ),
);
put(
  `${V}/negative-value.csv`,
  lines("time,ethane (ppb),toluene (ppb)", "2025-07-01 08:00,3.2,1.5", "2025-07-01 09:00,-0.4,1.7"),
);
put(`${V}/mixed-units.csv`, lines("time,ethane (ppb),toluene (ug/m3)", "2025-07-01 08:00,3.2,5.5"));
put(`${V}/same-species-twice.csv`, lines("time,ethane (ppb),74-84-0 (ppb)", "2025-07-01 08:00,3.2,3.3"));

// ---------- filter samples (readSampleTable) ----------
const Q = "samples";
put(
  `${Q}/duplicate-id.csv`,
  lines("sample_id,SO4 (ug/m3),NO3 (ug/m3)", "F001,3.1,1.2", "F002,2.5,1.0", "F001,4.0,1.1"),
);
put(`${Q}/empty-id.csv`, lines("sample_id,SO4 (ug/m3)", "F001,3.1", ",2.5"));
put(
  `${Q}/below-detection.csv`,
  lines("sample_id,Pb (ng/m3),As (ng/m3)", "F001,<0.5,2.0", "F002,12,ND", "F003,15,<0.2"),
);
put(`${Q}/hasownproperty-header.csv`, lines("sample_id,hasOwnProperty (ug/m3)", "F001,1"));

// ---------- laboratory pairs (readLabPair) ----------
const L = "labpair";
put(`${L}/unit-mismatch.a.csv`, lines("sample_id,SO4 (ug/m3),NO3 (ug/m3)", "F001,3.1,1.2", "F002,2.5,1.0"));
put(`${L}/unit-mismatch.b.csv`, lines("sample_id,SO4 (ng/m3),NO3 (ug/m3)", "F001,3000,1.1", "F002,2600,1.0"));
put(`${L}/unmatched-id.a.csv`, lines("sample_id,SO4 (ug/m3)", "F001,3.1", "F002,2.5"));
put(`${L}/unmatched-id.b.csv`, lines("sample_id,SO4 (ug/m3)", "F001,3.0", "F003,2.4"));
