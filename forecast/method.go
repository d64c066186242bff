package forecast

// method is one forecasting method: it fits its parameters to a series.
type method interface {
	name() string
	fit(y []float64) fitted
}

// fitted is a method with its parameters fixed.
type fitted interface {
	// paths runs through y and, at every origin t from `from` to len(y),
	// having seen y[:t], emits the forecast of weeks t … t+h-1. The path
	// slice is reused between calls. Forecasts may be negative here; the
	// caller clips them.
	paths(y []float64, from, h int, emit func(t int, path []float64))
	// psi is the weight of a one-step error in the forecast k ≥ 1 weeks
	// later; with σ² the one-step error variance it gives the error
	// variance of every horizon (see Result).
	psi(k int) float64
}

// Method names, as shown in the detail pane and exports.
const (
	NameNaive         = "naive"
	NameSeasonalNaive = "seasonal naive"
	NameMovingAverage = "moving average"
	NameSES           = "SES"
	NameDampedHolt    = "damped Holt"
	NameHoltWinters   = "Holt-Winters"
	NameTheta         = "Theta"
	NameCroston       = "Croston"
	NameSBA           = "SBA"
	NameTSB           = "TSB"
	NameADIDA         = "ADIDA"
	NameShortHistory  = "short history"
	NameNoSales       = "no sales"
)
