package forecast

import "math"

// theta is the Theta method of Assimakopoulos and Nikolopoulos in Hyndman
// and Billah's form (R's thetaf): simple exponential smoothing plus a
// drift of half the slope of a straight line through the history. It won
// the M3 competition, where damped and undamped trends both overshoot.
type theta struct{}

func (theta) name() string { return NameTheta }

type thetaFit struct {
	ses   *ets
	drift float64 // half the least-squares slope of the fitting weeks
}

func (theta) fit(y []float64) fitted { return thetaFrom(sesMethod{}.fit(y).(*ets), y) }

// thetaFrom adds the drift to SES already fitted on y.
func thetaFrom(ses *ets, y []float64) *thetaFit {
	_, slope := lineStart(y, len(y))
	return &thetaFit{ses: ses, drift: slope / 2}
}

// paths: with n weeks observed, the forecast k weeks ahead is the SES
// level + drift·(k − 1 + (1 − (1−α)^n)/α); the last term starts the drift
// where the smoothed level lags the line.
func (f *thetaFit) paths(y []float64, from, h int, emit func(int, []float64)) {
	m := f.ses
	st := m.start(nil)
	path := make([]float64, h)
	n := 0
	for t := 0; t <= len(y); t++ {
		if t >= from {
			lag := (1 - math.Pow(1-m.alpha, float64(n))) / m.alpha
			for k := range path {
				path[k] = st.l + f.drift*(float64(k)+lag)
			}
			emit(t, path)
		}
		if t < len(y) {
			if !math.IsNaN(y[t]) {
				n++
			}
			m.step(&st, t, y[t])
		}
	}
}

// psi is SES's: the drift is fixed, so only the level carries an error on.
func (f *thetaFit) psi(k int) float64 { return f.ses.psi(k) }
