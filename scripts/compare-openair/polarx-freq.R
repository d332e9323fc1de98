# openair 2.18 polarFreq on the data written by polarx.case.mjs; prints CSV of the cells.
# usage: Rscript polarx-freq.R data.csv statistic [type]
# With a type the file needs a `date` column (UTC ISO); it is read as local time at UTC+8
# (Etc/GMT-8) and the output gains the panel column.
suppressMessages(library(openair))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
st <- args[2]
type <- if (length(args) >= 3) args[3] else "default"
if ("date" %in% names(d)) {
  d$date <- as.POSIXct(d$date, format = "%Y-%m-%dT%H:%M:%SZ", tz = "UTC")
  attr(d$date, "tzone") <- "Etc/GMT-8"
}
if (st == "frequency") {
  r <- polarFreq(d, statistic = "frequency", trans = FALSE, type = type, plot = FALSE)
} else {
  r <- polarFreq(d, pollutant = "V", statistic = st, trans = FALSE, type = type, plot = FALSE)
}
cols <- c("ws", "wd", "weights")
if (type != "default") cols <- c(type, cols)
out <- as.data.frame(r$data)[, cols]
if (type != "default") names(out)[1] <- "panel"
write.csv(out, stdout(), row.names = FALSE)
