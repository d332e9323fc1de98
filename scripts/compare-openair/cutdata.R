# openair side of cutdata.case.mjs: one simulated hourly year at +08:00 (Shanghai), written to
# OUT/input.csv, and openair 2.18's cutData / timeAverage / rollingMean results as OUT/openair.json.
suppressMessages({ library(openair) })
pdf(NULL)
out <- commandArgs(TRUE)[1]
set.seed(7)
t <- seq(as.POSIXct("2024-12-31 16:00", tz = "UTC"), by = "hour", length.out = 8760)
n <- length(t)
hr <- as.numeric(format(t + 8 * 3600, "%H", tz = "UTC"))
d <- data.frame(date = t, ws = round(rexp(n, 1 / 3), 2), wd = round(runif(n, 0, 360)),
  pm25 = round(rlnorm(n, 3 + 0.3 * sin(2 * pi * hr / 24), 0.5), 1))
d$pm25[sample(n, 600)] <- NA
d <- d[-sample(n, 200), ]
write.csv(data.frame(date = format(d$date, "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"), ws = d$ws, wd = d$wd, pm25 = d$pm25),
  file.path(out, "input.csv"), row.names = FALSE, quote = FALSE, na = "NA")
attr(d$date, "tzone") <- "Etc/GMT-8"
cnt <- function(type, ...) as.list(table(suppressWarnings(cutData(d, type = type, ...))[[type]]))
res <- list(
  season = cnt("season"), weekday = cnt("weekday"), wd = cnt("wd"), pm25 = cnt("pm25"),
  daylight = cnt("daylight", latitude = 31.2304, longitude = 121.4737),
  day75 = timeAverage(d, "day", data.thresh = 75, progress = FALSE)$pm25,
  month = timeAverage(d, "month", progress = FALSE)$pm25,
  monthwd = timeAverage(d, "month", progress = FALSE)$wd,
  roll8 = rollingMean(d, "pm25", width = 8, align = "right", data.thresh = 75)$rolling8pm25
)
tm <- system.time(for (i in 1:3) timeAverage(d, "day", progress = FALSE))[["elapsed"]] / 3
res$seconds_day <- tm
jsonlite::write_json(res, file.path(out, "openair.json"), digits = NA, na = "null", auto_unbox = TRUE)
