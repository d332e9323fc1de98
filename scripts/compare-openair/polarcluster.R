# openair's polarCluster on a CSV (columns date, wd, ws, conc); writes the clustered grid
# (plot.data = TRUE: u, v, z, cluster, nclust) and, for one n.clusters, the cluster of every row.
# Usage: Rscript polarcluster.R IN.csv NCLUSTERS(e.g. 6 or 3:5) OUT-GRID.csv OUT-ROWS.csv
suppressPackageStartupMessages({
  library(openair)
  library(mgcv)
})
pdf(NULL)
a <- commandArgs(trailingOnly = TRUE)
d <- read.csv(a[1])
d$date <- as.POSIXct(d$date, tz = "UTC")
k <- eval(parse(text = a[2]))
t0 <- proc.time()[["elapsed"]]
g <- suppressWarnings(polarCluster(d, pollutant = "conc", n.clusters = k, plot = FALSE, plot.data = TRUE))
t1 <- proc.time()[["elapsed"]]
r <- as.data.frame(g$data)
write.csv(data.frame(u = r$u, v = r$v, z = r$z, cluster = r$cluster, nclust = as.character(r$nclust)), a[3], row.names = FALSE)
if (length(k) == 1) {
  h <- suppressWarnings(polarCluster(d, pollutant = "conc", n.clusters = k, plot = FALSE))
  write.csv(data.frame(cluster = h$data$cluster), a[4], row.names = FALSE)
}
cat("seconds", t1 - t0, "\n")
