# openair conditionalQuantile on pairs written by smoothtrend.case.mjs (obs, mod columns).
# args: input.csv out.csv
suppressPackageStartupMessages(library(openair))
a <- commandArgs(trailingOnly = TRUE)
d <- read.csv(a[1])
pdf(NULL)
r <- conditionalQuantile(d, obs = "obs", mod = "mod")
x <- r$data
write.csv(data.frame(x = x$x, n = x$lng, med = x$med, q25 = x$q1, q75 = x$q2, q10 = x$q3, q90 = x$q4), a[2], row.names = FALSE)
