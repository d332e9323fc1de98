# openair 2.18's kernel-weighted two-pollutant statistics (polarPlot statistic = "r", "Spearman",
# "robust_slope", "quantile_slope", "york_slope") at openair's evaluation points, before its GAM:
# openair:::calculate_weighted_statistics on the same ws.wd grid polarPlot builds.
# usage: Rscript polarx-pair.R data.csv statistic  (y = V, x = Ni; errors V_unc, Ni_unc)
suppressMessages(library(openair))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
st <- args[2]
york <- st == "york_slope"
vars <- c("wd", "ws", "V", "Ni")
if (york) vars <- c(vars, "Ni_unc", "V_unc")
d <- na.omit(d[, vars])
d$ws <- d$ws - min(d$ws)
wd.int <- if (all(d$wd %% 10 == 0)) 10 else 5
ws.wd <- expand.grid(x = seq(0, max(d$ws), length = 30), wd = seq(wd.int, 360, by = wd.int))
z <- numeric(nrow(ws.wd))
for (i in seq_len(nrow(ws.wd))) {
  r <- openair:::calculate_weighted_statistics(
    list(ws.wd$x[i], ws.wd$wd[i]), d,
    statistic = st, x = "ws", y = "wd", pol_1 = "V", pol_2 = "Ni",
    ws_spread = 1.5, wd_spread = 5, kernel = "gaussian", tau = 0.5,
    x_error = if (york) "Ni_unc" else NA, y_error = if (york) "V_unc" else NA
  )
  z[i] <- as.numeric(r[[3]])
}
write.csv(data.frame(ws = ws.wd$x, wd = ws.wd$wd, z = z), stdout(), row.names = FALSE)
