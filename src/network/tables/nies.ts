/**
 * Codes of the NIES 大気環境時間値 data files (国立環境研究所 環境数値データベース, 環境展望台
 * https://tenbou.nies.go.jp/download/ — the hourly files `j{都道府県}_{年度}.zip`, kind `tj`).
 *
 * Source. The primary text is the format description 「大気環境時間値データファイル 書式説明」
 * `TJ_manu.pdf` (国立環境研究所 環境情報部 研究情報室, linked from the 環境展望台 download page).
 * We could NOT read that PDF here (no stored copy). What follows is taken from a public parser
 * that quotes it: twill3c/weather-atmosphere-atlas-ai, `jwaa/nies.py` and its tests
 * (https://github.com/twill3c/weather-atmosphere-atlas-ai, file read 2026-12-03), which cite
 * TJ_manu.pdf 「2. ファイルレイアウト」: "9999 欠測値 / 9998 未測値 / 9997 エラー値",
 * "測定日 … 31日までない月も31まで入力する", "31日までない月は、9998で埋める", and its code
 * table (3): PM2.5 is written PM25, PMFL or PMBH by measurement method (all item number 12).
 * The unit codes below are those that parser found in the real files (東京都 FY2023, 2026-09-09):
 * "PM25/PMFL/SPM/SPMB=UG/M3、SO2/NO/NO2/NOX/OX=PPB、CO=0.1PPM、TEMP=0.1'C、WS=0.1M/S、
 * SUN=0.01MJ、CH4/NMHC/THC=10PPBC、WD=16DIRC". Check a real file and TJ_manu.pdf before relying
 * on codes not listed here: an unknown unit code is kept as the column's unit, unscaled.
 */

/** The value codes of the hourly cells (TJ_manu.pdf 「2. ファイルレイアウト」, as quoted above). */
export const NIES_VALUE_CODES: Readonly<Record<string, string>> = {
  "9997": "エラー値 (error value)",
  "9998": "未測値 (not measured; also fills the days a month does not have)",
  "9999": "欠測値 (missing)",
};

/**
 * Unit codes (測定単位コード) with the unit aozora gives the column and the factor from the
 * integer in the file to that unit (`0.1PPM`: a cell 3 is 0.3 ppm). `16DIRC` (16-point wind
 * direction codes) is not a scale: see `readNiesHourly`'s `compassCodes`.
 */
export const NIES_UNIT_CODES: Readonly<Record<string, { unit: string; factor: number }>> = {
  PPB: { unit: "ppb", factor: 1 },
  "UG/M3": { unit: "µg/m3", factor: 1 },
  "0.1PPM": { unit: "ppm", factor: 0.1 },
  "0.1'C": { unit: "°C", factor: 0.1 },
  "0.1M/S": { unit: "m/s", factor: 0.1 },
  "10PPBC": { unit: "ppbC", factor: 10 },
};

/** The unit code of 16-point wind direction codes. */
export const NIES_WIND_CODE = "16DIRC";

/** Item codes (測定項目コード) that name the same quantity by measurement method: PM2.5 (TJ_manu.pdf code table (3)). */
export const NIES_ITEM_ALIASES: Readonly<Record<string, string>> = { PM25: "PM2.5", PMFL: "PM2.5", PMBH: "PM2.5" };

/** The header cells of an hourly file, in the order of the files (columns are found by name). */
export const NIES_HEADER = {
  fiscalYear: "測定年度",
  station: "測定局コード",
  municipality: "市町村コード",
  item: "測定項目コード",
  unit: "測定単位コード",
  month: "測定月",
  day: "測定日",
} as const;

/** The 24 hour columns `01h` … `24h` (hour-ending labels). */
export const NIES_HOUR_COLUMNS: readonly string[] = Array.from(
  { length: 24 },
  (_, i) => `${String(i + 1).padStart(2, "0")}h`,
);
