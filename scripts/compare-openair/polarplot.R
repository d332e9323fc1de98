# openair's polarPlot on a CSV (columns wd, ws, and the pollutant); writes polarPlot(...)$data.
# Usage: Rscript polarplot.R IN.csv POLLUTANT STATISTIC PERCENTILE(S|NA) UNCERTAINTY(0|1) OUT.csv
# PERCENTILE: "NA", one number, or "lo,hi" (a CBPF band). Prints "seconds <fit time>" on stdout.
suppressPackageStartupMessages({
  library(openair)
  library(mgcv)
})
pdf(NULL) # no Rplots.pdf in the working folder
a <- commandArgs(trailingOnly = TRUE)
d <- read.csv(a[1])
pct <- if (a[4] == "NA") NA else as.numeric(strsplit(a[4], ",")[[1]])
unc <- a[5] == "1"
t0 <- proc.time()[["elapsed"]]
p <- suppressWarnings(polarPlot(d, pollutant = a[2], statistic = a[3], percentile = pct, uncertainty = unc, plot = FALSE))
t1 <- proc.time()[["elapsed"]]
r <- as.data.frame(p$data)
out <- data.frame(u = r$u, v = r$v, z = r$z)
if (unc) out$panel <- as.character(r$uncertainty)
write.csv(out, a[6], row.names = FALSE)
cat("seconds", t1 - t0, "\n")
cat("openair", as.character(packageVersion("openair")), "mgcv", as.character(packageVersion("mgcv")), "\n")
