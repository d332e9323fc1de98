# openair 2.18 corPlot on the data written by polarx.case.mjs: the cells in plotted order, then a
# line "# seconds S" with the time of the corPlot call.
# usage: Rscript polarx-corplot.R data.csv method
suppressMessages(library(openair))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])[, c("V", "Ni", "Fe", "Mn", "Zn", "Pb", "ws")]
t0 <- proc.time()[["elapsed"]]
r <- corPlot(d, method = args[2], plot = FALSE)
t1 <- proc.time()[["elapsed"]]
out <- as.data.frame(r$data)[, c("x", "y", "cor")]
write.csv(out, stdout(), row.names = FALSE)
cat("# seconds", t1 - t0, "\n")
