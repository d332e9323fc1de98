/**
 * Figures of a joint PMF over sites ({@link runJointPmf}), one site at a time: the single-site
 * profile and contribution figures of figures.ts on {@link jointSiteResult} (the site's factors
 * only), titled "Site: <name>" in the figure language (en/ja/zh; the site name through the
 * name table, e.g. Shenyang → 瀋陽 / 沈阳).
 */
// @ts-ignore TS1479 under TypeScript 5.0 (see figures.ts)
import type { TopLevelSpec } from "vega-lite";
import { label } from "../figures/labels";
import { nameLabel } from "../figures/names";
import { contributionSpec, profileSpec, type ContributionSpecOptions, type PmfFigureOptions } from "./figures";
import { jointSiteResult, type JointPmfResult } from "./joint";

/** The title of a site's figure: "Site: Kawasaki", "地点: 川崎", "站点: 川崎" (or `opts.title`). */
function siteTitle(site: string, opts: PmfFigureOptions): string {
  const lang = opts.lang ?? "en";
  return opts.title ?? `${label("site", lang)}: ${nameLabel(site, lang)}`;
}

/**
 * The factor profiles of one site of a joint solution ({@link profileSpec} of
 * {@link jointSiteResult}): the shared F of the factors present at the site, with the site's
 * % of species total (100·F_kj·ḡ_k/Σ_k F_kj·ḡ_k over the site's mean contributions ḡ).
 *
 * @throws {RangeError} when `site` is not one of the result's sites, or for a bad size or language (as profileSpec)
 */
export function jointProfileSpec(result: JointPmfResult, site: string, opts: PmfFigureOptions = {}): TopLevelSpec {
  return profileSpec(jointSiteResult(result, site), { ...opts, title: siteTitle(site, opts) });
}

/**
 * The contributions over time of one site of a joint solution ({@link contributionSpec} of
 * {@link jointSiteResult}): the site's own samples and times (its UTC offset on the axis), one row
 * per factor present at the site, normalised as the joint G (or in mass units with `mass`).
 *
 * @throws {RangeError} when `site` is not one of the result's sites, when `mass` is asked for
 *   without a total variable, or for a bad size or language (as contributionSpec)
 */
export function jointContributionSpec(
  result: JointPmfResult,
  site: string,
  opts: ContributionSpecOptions = {},
): TopLevelSpec {
  return contributionSpec(jointSiteResult(result, site), { ...opts, title: siteTitle(site, opts) });
}
