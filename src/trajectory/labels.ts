import type { Lang } from "../figures/labels";

/** Words of the trajectory map figures in English, Japanese and (simplified) Chinese. */
export const TRAJECTORY_LABELS = {
  pscf: { en: "PSCF (weighted)", ja: "PSCF（重み付き）", zh: "PSCF（加权）" },
  cwt: { en: "CWT (weighted)", ja: "CWT（重み付き）", zh: "CWT（加权）" },
  sqtba: { en: "SQTBA", ja: "SQTBA", zh: "SQTBA" },
  titleSqtba: {
    en: "SQTBA of {species} (σ = {sigma} km/h), {res}° grid",
    ja: "{species} の SQTBA（簡易定量輸送バイアス解析、σ = {sigma} km/h）、{res}° 格子",
    zh: "{species} 的 SQTBA（简化定量传输偏差分析，σ = {sigma} km/h），{res}° 网格",
  },
  cluster: { en: "Cluster (% of trajectories)", ja: "クラスター（流跡線の %）", zh: "聚类（轨迹 %）" },
  euclid: { en: "Euclidean distance", ja: "ユークリッド距離", zh: "欧氏距离" },
  angle: { en: "angle distance", ja: "角度距離", zh: "角度距离" },
  titleCluster: {
    en: "Back-trajectory clusters: cluster-mean paths ({method}, {k} clusters)",
    ja: "後方流跡線のクラスター：クラスター平均経路（{method}、{k} クラスター）",
    zh: "后向轨迹聚类：各类平均路径（{method}，{k} 类）",
  },
  subtitleCluster: {
    en: "{n} trajectories of {h} h, PAM; dots every 12 h; country outlines: Natural Earth",
    ja: "{h} 時間の流跡線 {n} 本、PAM 法；点は 12 時間ごと；国境：Natural Earth",
    zh: "{h} 小时轨迹 {n} 条，PAM 法；点间隔 12 小时；国界：Natural Earth",
  },
  frequency: { en: "Trajectories through cell (%)", ja: "格子を通過した流跡線 (%)", zh: "经过网格的轨迹 (%)" },
  site: { en: "Receptor", ja: "観測地点", zh: "受体点" },
  titlePscf: {
    en: "PSCF of {species} (> {p}th percentile = {thr} {unit}), {res}° grid",
    ja: "{species} の PSCF（{p} パーセンタイル = {thr} {unit} 超）、{res}° 格子",
    zh: "{species} 的 PSCF（高于第 {p} 百分位数 = {thr} {unit}），{res}° 网格",
  },
  titlePscfThreshold: {
    en: "PSCF of {species} (> {thr} {unit}), {res}° grid",
    ja: "{species} の PSCF（{thr} {unit} 超）、{res}° 格子",
    zh: "{species} 的 PSCF（高于 {thr} {unit}），{res}° 网格",
  },
  titleCwt: {
    en: "CWT of {species}, {res}° grid",
    ja: "{species} の CWT（濃度重み付き流跡線）、{res}° 格子",
    zh: "{species} 的 CWT（浓度权重轨迹），{res}° 网格",
  },
  titleFrequency: {
    en: "Back-trajectory frequency, {res}° grid ({n} trajectories)",
    ja: "後方流跡線の通過頻度、{res}° 格子（{n} 本）",
    zh: "后向轨迹频率，{res}° 网格（{n} 条）",
  },
  subtitle: {
    en: "{n} trajectories, {e} endpoints; country outlines: Natural Earth",
    ja: "流跡線 {n} 本、エンドポイント {e} 点；国境：Natural Earth",
    zh: "轨迹 {n} 条，端点 {e} 个；国界：Natural Earth",
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** A trajectory label with `{name}` placeholders filled in. */
export function trajectoryLabel(
  key: keyof typeof TRAJECTORY_LABELS,
  lang: Lang = "en",
  vars: Record<string, string | number> = {},
): string {
  return TRAJECTORY_LABELS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
