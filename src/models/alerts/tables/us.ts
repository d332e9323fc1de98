/**
 * United States: when an AQI value calls for an alert. EPA sets no single national alert
 * threshold: local agencies declare "Air Quality Action Days" at levels they choose. AirNow's
 * "Action Days" page (EPA, as quoted in 2006 by Clean Air Watch,
 * http://www.cleanairwatch.org/2006/07/epa-notes-smog-alerts-and-advisories.html; the 2008 AirNow
 * site with its "Action Days (Air Quality Alerts)" list is archived at
 * https://webarchive.library.unt.edu/eot2008/20081006104752/http:/airnow.gov/index.cfm?StoryType=1&action=airnow.DisplayTopStory):
 * "Action days are usually called when the AQI gets into the unhealthy ranges. Different air
 * pollution control agencies call them at different levels. In some places, action days are
 * called when the AQI is forecast to be Unhealthy for Sensitive Groups, or Code Orange. … In many
 * places, action days are called when the AQI is forecast to be Unhealthy, or Code Red."
 * The current airnow.gov wording was not read. The categories are EPA's (EPA-454/B-24-002 Table 1,
 * `US_AQI_CATEGORIES` in src/models/aqi/tables/categories.ts); the alert starts at a category the
 * caller chooses, by default 3 (Unhealthy for Sensitive Groups, Code Orange, AQI 101–150).
 */
export const US_ACTION_DAY = {
  source: "AirNow (EPA), Action Days page, as quoted by Clean Air Watch 2006-07-17",
  url: "http://www.cleanairwatch.org/2006/07/epa-notes-smog-alerts-and-advisories.html",
  clause:
    "Different air pollution control agencies call them at different levels. In some places, action days are called when the AQI is forecast to be Unhealthy for Sensitive Groups, or Code Orange. … In many places, action days are called when the AQI is forecast to be Unhealthy, or Code Red.",
  /** The lowest category that issues an alert by default (3 = Unhealthy for Sensitive Groups, AQI ≥ 101). */
  defaultMinLevel: 3,
} as const;
