/**
 * Default thresholds of ozone-formation regime indicators (CONVENTIONS.md §4; all parameters):
 * - VOC/NOx (ppbC/ppb): below 8 VOC-limited, above 15 NOx-limited, between transitional
 *   (Seinfeld & Pandis, Atmospheric Chemistry and Physics, 3rd ed., §6.10: ~8–10 / ~15–20; NRC 1991).
 * - HCHO/NO2 (column or surface ratio, FNR): below 1 VOC-limited, 1–2 transitional, above 2
 *   NOx-limited (Duncan et al., 2010, Atmos. Environ. 44, 2213–2223).
 */
export const REGIME_THRESHOLDS = {
  vocNox: { vocLimitedBelow: 8, noxLimitedAbove: 15, citation: "Seinfeld & Pandis (2016) §6.10; NRC (1991)" },
  hchoNo2: { vocLimitedBelow: 1, noxLimitedAbove: 2, citation: "Duncan et al. (2010) Atmos. Environ. 44:2213" },
} as const;
