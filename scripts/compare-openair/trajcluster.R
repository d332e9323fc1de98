# openair 2.18 trajCluster and trajLevel(statistic = "sqtba") on the trajectories written by
# trajcluster.case.mjs (columns date, hour.inc, lat, lon, Pb; UTC).
# usage: Rscript trajcluster.R cluster traj.csv method n.cluster out-assign.csv out-paths.csv
#        Rscript trajcluster.R sqtba traj.csv sigma out.csv
#        Rscript trajcluster.R time traj.csv method n.cluster   (prints the seconds of the trajCluster call)
suppressMessages(library(openair))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[2])
d$date <- as.POSIXct(d$date, tz = "GMT", format = "%Y-%m-%d %H:%M:%S")
if (args[1] == "cluster") {
  r <- trajCluster(d, method = args[3], n.cluster = as.integer(args[4]), plot = FALSE)
  tr <- as.data.frame(r$data$traj)
  a <- unique(tr[, c("date", "cluster")])
  a$date <- format(a$date, "%Y-%m-%d %H:%M:%S")
  write.csv(a, args[5], row.names = FALSE)
  p <- as.data.frame(r$data$results)[, c("cluster", "hour.inc", "lat", "lon", "freq")]
  write.csv(p, args[6], row.names = FALSE)
} else if (args[1] == "sqtba") {
  r <- trajLevel(d, pollutant = "Pb", statistic = "sqtba", sigma = as.numeric(args[3]), plot = FALSE)
  o <- as.data.frame(r$data)[, c("xgrid", "ygrid", "count", "Pb")]
  write.csv(o, args[4], row.names = FALSE)
} else if (args[1] == "time") {
  t <- system.time(trajCluster(d, method = args[3], n.cluster = as.integer(args[4]), plot = FALSE))
  cat(t[["elapsed"]], "\n")
}
