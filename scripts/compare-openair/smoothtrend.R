# openair smoothTrend on a series written by smoothtrend.case.mjs.
# args: input.csv (t = UTC seconds, value) tz (e.g. Etc/GMT-8) deseason (TRUE/FALSE) avg.time statistic k(or NA) out-prefix
suppressPackageStartupMessages({ library(openair); library(mgcv) })
pdf(NULL) # openair opens a lattice device even with plot = FALSE
a <- commandArgs(trailingOnly = TRUE)
d <- read.csv(a[1])
tz <- a[2]
mydata <- data.frame(date = as.POSIXct(d$t, origin = "1970-01-01", tz = tz), v = d$value)
k <- if (a[6] == "NA") NULL else as.numeric(a[6])
pct <- if (a[5] == "percentile") 95 else NA
args <- list(mydata, pollutant = "v", deseason = as.logical(a[3]), avg.time = a[4], statistic = a[5], k = k, plot = FALSE)
if (!is.na(pct)) args$percentile <- pct
t0 <- proc.time()[["elapsed"]]
r <- do.call(smoothTrend, args)
cat("seconds", proc.time()[["elapsed"]] - t0, "\n")
f <- r$data$fit
write.csv(data.frame(t = as.numeric(f$date), pred = f$pred, lower = f$lower, upper = f$upper), paste0(a[7], "-fit.csv"), row.names = FALSE)
dd <- r$data$data
write.csv(data.frame(t = as.numeric(dd$date), conc = dd$conc), paste0(a[7], "-data.csv"), row.names = FALSE)
# the bootstrap band openair draws (simulate = TRUE): openair's own panel.gam on the monthly values, captured
if (length(a) >= 8 && a[8] == "simulate") {
  set.seed(1)
  dd <- r$data$data
  dd <- dd[!is.na(dd$conc), ]
  band <- NULL
  p <- lattice::xyplot(conc ~ as.numeric(date), data = dd, panel = function(x, y, ...) {
    band <<- openair:::panel.gam(x, y, k = k, simulate = TRUE, n.sim = 200, autocor = as.logical(a[9]))
  })
  t0 <- proc.time()[["elapsed"]]
  print(p)
  cat("simulate seconds", proc.time()[["elapsed"]] - t0, "\n")
  write.csv(band, paste0(a[7], "-sim.csv"), row.names = FALSE)
}
