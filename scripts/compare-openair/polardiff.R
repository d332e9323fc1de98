# openair's polarDiff on two CSVs (columns wd, ws, conc); writes polarDiff(...)$data (u, v, before,
# after, conc = after − before), the surface openair draws (polarPlot of that grid, force.positive =
# FALSE) and openair's colour limits.
# Usage: Rscript polardiff.R BEFORE.csv AFTER.csv STATISTIC PERCENTILE(NA|number) OUT.csv OUT-DRAWN.csv
suppressPackageStartupMessages({
  library(openair)
  library(mgcv)
})
pdf(NULL)
a <- commandArgs(trailingOnly = TRUE)
b <- read.csv(a[1])
f <- read.csv(a[2])
pct <- if (a[4] == "NA") NA else as.numeric(a[4])
args <- list(b, f, pollutant = "conc", statistic = a[3], plot = FALSE)
if (!is.na(pct)) args$percentile <- pct
t0 <- proc.time()[["elapsed"]]
p <- suppressWarnings(do.call(polarDiff, args))
t1 <- proc.time()[["elapsed"]]
d <- as.data.frame(p$data)
write.csv(data.frame(u = d$u, v = d$v, before = d$before, after = d$after, z = d$conc), a[5], row.names = FALSE)
# the drawn surface: polarDiff's own final call, polarPlot(polar_data, force.positive = FALSE)
q <- suppressWarnings(polarPlot(d, pollutant = "conc", x = "ws", force.positive = FALSE, plot = FALSE))
r <- as.data.frame(q$data)
write.csv(data.frame(u = r$u, v = r$v, z = r$z), a[6], row.names = FALSE)
M <- max(abs(d$conc), na.rm = TRUE)
l <- pretty(seq(0, M, 5))
cat("maxabs", sprintf("%.15g", M), "limit", l[length(l) - 1], "\n")
cat("seconds", t1 - t0, "\n")
