# openair 2.18 corPlot on the data written by polarx.case.mjs: the cells in plotted order.
# usage: Rscript polarx-corplot.R data.csv method
suppressMessages(library(openair))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])[, c("V", "Ni", "Fe", "Mn", "Zn", "Pb", "ws")]
r <- corPlot(d, method = args[2], plot = FALSE)
out <- as.data.frame(r$data)[, c("x", "y", "cor")]
write.csv(out, stdout(), row.names = FALSE)
