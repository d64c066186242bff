package forecast

import "math"

// ets is an additive exponential-smoothing model in error-correction form,
// the state-space form behind R's ets(): with one-step error e_t,
//
//	forecast   f_t = l + φ·b + s[t mod m]
//	level      l  ← l + φ·b + α·e_t
//	trend      b  ← φ·b + β·e_t
//	season     s[t mod m] ← s[t mod m] + γ·e_t
//
// SES has no trend and no season, damped Holt a damped trend, Holt-Winters
// a trend and an additive season. A missing week updates nothing but lets
// the trend run on, as the model would have forecast it.
type ets struct {
	alpha, beta, gamma, phi float64
	trend, seasonal         bool
	l0, b0                  float64
	s0                      []float64 // initial season, m values summing to zero
}

const season = 52 // weeks in a year: the seasonal period

// etsState is the model's state while it runs through a series.
type etsState struct {
	l, b float64
	s    []float64
}

func (m *ets) start(scratch []float64) etsState {
	st := etsState{l: m.l0, b: m.b0}
	if m.seasonal {
		st.s = append(scratch[:0], m.s0...)
	}
	return st
}

// ahead is the forecast k ≥ 1 weeks after the last observed position t-1;
// damped is dampedSum(φ, k), which the caller computes once per k.
func (m *ets) ahead(st *etsState, t, k int, damped float64) float64 {
	f := st.l
	if m.trend {
		f += damped * st.b
	}
	if m.seasonal {
		f += st.s[(t+k-1)%season]
	}
	return f
}

// step feeds position t's value (NaN = missing) into the state.
func (m *ets) step(st *etsState, t int, y float64) {
	var s []float64
	if m.seasonal {
		s = st.s[t%season : t%season+1]
	}
	st.l, st.b, _ = m.update(st.l, st.b, s, y)
}

// update is one week of the filter: it returns the new level and trend
// and the week's squared one-step error (0 when y is missing), updating
// the week's seasonal term s[0] if the model has a season. It is the
// inner loop of every fit, so it avoids all work the model does not need.
func (m *ets) update(l, b float64, s []float64, y float64) (float64, float64, float64) {
	phi := 0.0
	if m.trend {
		phi = m.phi
	}
	f := l + phi*b
	if s != nil {
		f += s[0]
	}
	if y != y { // missing: the trend runs on
		return l + phi*b, phi * b, 0
	}
	e := y - f
	if s != nil {
		s[0] += m.gamma * e
	}
	if m.trend {
		return l + phi*b + m.alpha*e, phi*b + m.beta*e, e * e
	}
	return l + m.alpha*e, 0, e * e
}

// sse is the sum of squared one-step errors over y: the fitting loss.
func (m *ets) sse(y []float64, scratch []float64) float64 {
	st := m.start(scratch)
	l, b := st.l, st.b
	sum, week := 0.0, 0
	var e2 float64
	for _, v := range y {
		if m.seasonal {
			l, b, e2 = m.update(l, b, st.s[week:week+1], v)
			if week++; week == season {
				week = 0
			}
		} else {
			l, b, e2 = m.update(l, b, nil, v)
		}
		sum += e2
	}
	return sum
}

func (m *ets) paths(y []float64, from, h int, emit func(t int, path []float64)) {
	st := m.start(nil)
	path := make([]float64, h)
	// φ + … + φ^k for every step, summed once instead of at every origin
	damped := make([]float64, h)
	for k, sum, pow := 0, 0.0, 1.0; k < h; k++ {
		pow *= m.phi
		sum += pow
		damped[k] = sum
	}
	for t := 0; t <= len(y); t++ {
		if t >= from {
			for k := range path {
				path[k] = m.ahead(&st, t, k+1, damped[k])
			}
			emit(t, path)
		}
		if t < len(y) {
			m.step(&st, t, y[t])
		}
	}
}

// psi is the weight of a past error in the forecast k weeks later:
// α + β·(φ+…+φ^k) + γ when k is a whole number of seasons.
func (m *ets) psi(k int) float64 {
	p := m.alpha
	if m.trend {
		p += m.beta * dampedSum(m.phi, k)
	}
	if m.seasonal && k%season == 0 {
		p += m.gamma
	}
	return p
}

// dampedSum is φ + φ² + … + φ^k.
func dampedSum(phi float64, k int) float64 {
	if phi == 1 {
		return float64(k)
	}
	return phi * (1 - math.Pow(phi, float64(k))) / (1 - phi)
}

// usableMean is the mean of the first n usable values of y and how many
// there were.
func usableMean(y []float64, n int) (float64, int) {
	sum, k := 0.0, 0
	for _, v := range y {
		if k == n {
			break
		}
		if !math.IsNaN(v) {
			sum += v
			k++
		}
	}
	if k == 0 {
		return 0, 0
	}
	return sum / float64(k), k
}

// ses is simple exponential smoothing. The initial level is the mean of
// the first few weeks, so one odd first week does not steer it; α is
// fitted by golden-section search on the one-step squared error.
type sesMethod struct{}

func (sesMethod) name() string { return "SES" }

func (sesMethod) fit(y []float64) fitted {
	m := &ets{phi: 1}
	m.l0, _ = usableMean(y, 4)
	m.alpha = goldenSection(func(a float64) float64 {
		m.alpha = a
		return m.sse(y, nil)
	}, 0.01, 0.99, 0.005)
	return m
}

// dampedHolt is Holt's linear trend with a damped trend (Gardner &
// McKenzie), which is what keeps a retail trend from running away over a
// 26-week horizon. Initial level and trend come from a straight line
// through the first ten usable weeks; α, β, φ are fitted by Nelder-Mead.
type dampedHolt struct{}

func (dampedHolt) name() string { return "damped Holt" }

func (dampedHolt) fit(y []float64) fitted {
	m := &ets{trend: true}
	m.l0, m.b0 = lineStart(y, 10)
	best := nelderMead(func(p []float64) float64 {
		m.alpha, m.beta, m.phi = p[0], p[1]*p[0], p[2]
		return m.sse(y, nil)
	}, []float64{0.2, 0.1, 0.9}, []box{{0.01, 0.99}, {0.001, 0.5}, {0.8, 0.98}}, nmBudgetTrend)
	m.alpha, m.beta, m.phi = best[0], best[1]*best[0], best[2]
	return m
}

// lineStart fits a least-squares line through the first n usable weeks
// and returns its value just before week 0 and its slope.
func lineStart(y []float64, n int) (level, slope float64) {
	var sx, sy, sxx, sxy, k float64
	for t, v := range y {
		if k == float64(n) {
			break
		}
		if math.IsNaN(v) {
			continue
		}
		x := float64(t)
		sx, sy, sxx, sxy, k = sx+x, sy+v, sxx+x*x, sxy+x*v, k+1
	}
	if k == 0 {
		return 0, 0
	}
	if d := k*sxx - sx*sx; k >= 2 && d > 0 {
		slope = (k*sxy - sx*sy) / d
	}
	return (sy-slope*sx)/k - slope, slope
}

// holtWinters is additive Holt-Winters with a yearly season (m = 52) and a
// damped trend (φ = 0.95 so a year's slope does not run for half a year).
// It needs two years: the first gives the initial season, smoothed over
// five weeks because one year has a single noisy value per week of the
// year, and the two yearly means give the initial trend.
type holtWinters struct{}

func (holtWinters) name() string { return "Holt-Winters" }

func (holtWinters) fit(y []float64) fitted {
	m := &ets{trend: true, seasonal: true, phi: 0.95}
	m.l0, m.b0, m.s0 = seasonStart(y)
	scratch := make([]float64, season)
	best := nelderMead(func(p []float64) float64 {
		m.alpha, m.beta, m.gamma = p[0], p[1]*p[0], p[2]*(1-p[0])
		return m.sse(y, scratch)
	}, []float64{0.1, 0.05, 0.1}, []box{{0.01, 0.9}, {0.001, 0.3}, {0.001, 0.6}}, nmBudgetSeason)
	m.alpha, m.beta, m.gamma = best[0], best[1]*best[0], best[2]*(1-best[0])
	return m
}

// seasonStart derives Holt-Winters' initial state from the first two years.
func seasonStart(y []float64) (level, trend float64, s []float64) {
	year1, _ := usableMean(y[:min(season, len(y))], season)
	year2 := year1
	if len(y) >= 2*season {
		year2, _ = usableMean(y[season:2*season], season)
	}
	trend = (year2 - year1) / season
	// year1 is the level at mid-year, week 25.5; the state starts before week 0
	level = year1 - 26.5*trend
	raw := make([]float64, season)
	for i := range raw {
		raw[i] = math.NaN()
		if i < len(y) && !math.IsNaN(y[i]) {
			raw[i] = y[i] - (year1 + (float64(i)-25.5)*trend)
		}
	}
	s = make([]float64, season)
	sum := 0.0
	for i := range s {
		acc, n := 0.0, 0
		for d := -2; d <= 2; d++ {
			if v := raw[(i+d+season)%season]; !math.IsNaN(v) {
				acc += v
				n++
			}
		}
		if n > 0 {
			s[i] = acc / float64(n)
		}
		sum += s[i]
	}
	for i := range s {
		s[i] -= sum / season
	}
	return level, trend, s
}
