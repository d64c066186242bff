#!/usr/bin/env Rscript
# Forecasts the held-out weeks of Stockroom's backtest series with R's
# forecast package, so `stockroom backtest --score` can put R's accuracy next
# to Stockroom's. Driven by docs/compare-r.sh; can be run on its own:
#
#   Rscript docs/compare-r.R SERIES.csv OUT.csv
#
# SERIES.csv comes from `stockroom backtest --write-series` and has the header
# sku,class,t,demand,holdout (demand empty = missing week, holdout 1 = one of
# the last h weeks). OUT.csv gets sku,method,t,forecast,lower,upper with four
# methods: "R ets", "R croston", "R auto" (ets for smooth/erratic skus,
# croston for intermittent/lumpy ones) and "R stlf" (STL decomposition with a
# 52-week season and ets on the seasonally adjusted series, where there are
# two years of history; ets otherwise). Timings go to stderr.

suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) {
  stop("usage: Rscript docs/compare-r.R SERIES.csv OUT.csv", call. = FALSE)
}

# ---- read ------------------------------------------------------------------

# sku as character so codes like "007" survive; empty demand is NA.
series <- read.csv(args[1], na.strings = "", stringsAsFactors = FALSE,
                   colClasses = c(sku = "character", class = "character",
                                  t = "integer", demand = "numeric",
                                  holdout = "integer"))
need <- c("sku", "class", "t", "demand", "holdout")
if (!all(need %in% names(series))) {
  stop("series file needs columns ", paste(need, collapse = ","), call. = FALSE)
}

# Split once, outside the timed loops, into per-sku training vectors and the
# holdout week indexes to forecast.
prepare <- function(d) {
  train <- d[d$holdout == 0, ]
  test_t <- sort(d$t[d$holdout == 1])
  # Index training demand by week so a week absent from the file (rather
  # than present with an empty demand) is also NA instead of silently closing
  # the gap.
  y <- numeric(0)
  if (nrow(train) > 0) {
    t0 <- min(train$t)
    y <- rep(NA_real_, max(train$t) - t0 + 1)
    y[train$t - t0 + 1] <- train$demand
  }
  list(sku = d$sku[1], class = d$class[1], y = y, test_t = test_t)
}
skus <- lapply(split(series, factor(series$sku, levels = unique(series$sku))),
               prepare)
names(skus) <- NULL

h <- unique(vapply(skus, function(s) length(s$test_t), integer(1)))
if (length(h) != 1 || h == 0) {
  stop("every sku needs the same, non-zero number of holdout weeks; found ",
       paste(h, collapse = ", "), call. = FALSE)
}

# ---- models ----------------------------------------------------------------

# Mean of the observed weeks, with meanf's 80 % interval when there are
# enough points for one; 0 when the sku has no observed week at all (there is
# nothing to forecast from, and the scorer needs a number).
mean_forecast <- function(obs, h) {
  if (length(obs) == 0) return(list(mean = rep(0, h), lower = rep(NA, h),
                                    upper = rep(NA, h)))
  fc <- meanf(obs, h = h, level = 80)
  list(mean = as.numeric(fc$mean), lower = as.numeric(fc$lower),
       upper = as.numeric(fc$upper))
}

fit_ets <- function(y, h) {
  obs <- y[!is.na(y)]
  if (length(obs) < 3) return(c(mean_forecast(obs, h), fallback = TRUE))
  # ets() itself would keep only the longest stretch without NA
  # (na.contiguous): 10 of the 24 observed weeks of a 26-week series with two
  # gaps. na.interp instead fills each gap by linear interpolation (frequency
  # 1, so no seasonal decomposition) and keeps the whole history.
  # Frequency 1 on purpose: ets can't do a 52-week season, and "ZZN" asks for
  # no seasonal term anyway.
  x <- na.interp(ts(y, frequency = 1))
  fc <- tryCatch(
    suppressWarnings(forecast(ets(x, model = "ZZN"), h = h, level = 80)),
    error = function(e) NULL)
  if (is.null(fc) || !all(is.finite(fc$mean))) {
    return(c(mean_forecast(obs, h), fallback = TRUE))
  }
  list(mean = as.numeric(fc$mean), lower = as.numeric(fc$lower),
       upper = as.numeric(fc$upper), fallback = FALSE)
}

fit_croston <- function(y, h) {
  # croston stops on NA. Missing weeks are dropped, not zero-filled: a zero
  # would be a made-up week of no demand, which lengthens the inter-demand
  # intervals and biases croston low. Dropping treats the series as if the
  # gap weren't there.
  obs <- y[!is.na(y)]
  # Note for the timings: croston() also computes in-sample fitted values by
  # refitting on every prefix of the series, O(n^2), which is nearly all of
  # its time (about 300 ms for 104 weeks; the same forecast without fits,
  # forecast:::croston2(nofits = TRUE), takes about 3 ms). We time the public
  # function as users would call it.
  fc <- if (length(obs) > 0) {
    tryCatch(suppressWarnings(croston(ts(obs, frequency = 1), h = h)),
             error = function(e) NULL)
  }
  # No observed week, an error, or a non-finite forecast (croston returns NA
  # in some degenerate cases): fall back to the mean, as for ets.
  if (is.null(fc) || !all(is.finite(fc$mean))) {
    m <- mean_forecast(obs, h)$mean
    return(list(mean = m, lower = rep(NA, h), upper = rep(NA, h),
                fallback = TRUE))
  }
  # croston has no prediction interval.
  list(mean = as.numeric(fc$mean), lower = rep(NA, h), upper = rep(NA, h),
       fallback = FALSE)
}

fit_stlf <- function(y, h) {
  obs <- y[!is.na(y)]
  # stlf needs two whole seasons; with less it would stop, so those series
  # get ets, as a forecaster without a season would.
  if (length(y) <= 2 * 52) return(fit_ets(y, h))
  x <- na.interp(ts(y, frequency = 52))
  fc <- tryCatch(
    suppressWarnings(stlf(x, h = h, level = 80)),
    error = function(e) NULL)
  if (is.null(fc) || !all(is.finite(fc$mean))) {
    return(c(mean_forecast(obs, h), fallback = TRUE))
  }
  list(mean = as.numeric(fc$mean), lower = as.numeric(fc$lower),
       upper = as.numeric(fc$upper), fallback = FALSE)
}

# Fits every sku with fit, timing only the fitting loop (elapsed seconds).
run <- function(fit) {
  start <- proc.time()
  out <- lapply(skus, function(s) fit(s$y, h))
  list(forecasts = out, seconds = (proc.time() - start)[["elapsed"]])
}

ets_run <- run(fit_ets)
croston_run <- run(fit_croston)
stlf_run <- run(fit_stlf)

report <- function(name, r) {
  n <- length(r$forecasts)
  message(sprintf("%s: %d series in %.2f s (%.1f ms per series)",
                  name, n, r$seconds, 1000 * r$seconds / n))
  fell <- sum(vapply(r$forecasts, function(f) f$fallback, logical(1)))
  if (fell > 0) message(sprintf("%s: %d of %d series fell back to the mean",
                                name, fell, n))
}
report("R ets", ets_run)
report("R croston", croston_run)
report("R stlf", stlf_run)

# ---- write -----------------------------------------------------------------

# Demand can't be negative, so clip the point forecasts and the bounds at 0.
clip <- function(v) pmax(v, 0)

rows <- function(method, forecasts) {
  data.frame(
    sku = rep(vapply(skus, `[[`, "", "sku"), each = h),
    method = method,
    t = unlist(lapply(skus, `[[`, "test_t")),
    forecast = clip(unlist(lapply(forecasts, `[[`, "mean"))),
    lower = clip(unlist(lapply(forecasts, `[[`, "lower"))),
    upper = clip(unlist(lapply(forecasts, `[[`, "upper"))),
    stringsAsFactors = FALSE)
}

# Auto: croston is built for the sparse classes, ets for the rest.
sparse <- vapply(skus, function(s) s$class %in% c("intermittent", "lumpy"),
                 logical(1))
auto <- ifelse(sparse, croston_run$forecasts, ets_run$forecasts)

out <- rbind(rows("R ets", ets_run$forecasts),
             rows("R croston", croston_run$forecasts),
             rows("R auto", auto),
             rows("R stlf", stlf_run$forecasts))
# Missing bounds are written as empty fields; NA/NaN/Inf never appear.
for (col in c("forecast", "lower", "upper")) {
  out[[col]][!is.finite(out[[col]])] <- NA
}
write.csv(out, args[2], row.names = FALSE, na = "")
