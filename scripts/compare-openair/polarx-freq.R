# openair 2.18 polarFreq on the data written by polarx.case.mjs; prints CSV of the cells.
# usage: Rscript polarx-freq.R data.csv statistic
suppressMessages(library(openair))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
st <- args[2]
if (st == "frequency") {
  r <- polarFreq(d, statistic = "frequency", trans = FALSE, plot = FALSE)
} else {
  r <- polarFreq(d, pollutant = "V", statistic = st, trans = FALSE, plot = FALSE)
}
out <- as.data.frame(r$data)[, c("ws", "wd", "weights")]
write.csv(out, stdout(), row.names = FALSE)
