package forecast

import "math"

// Methods for intermittent demand, where most weeks sell nothing and
// smoothing the zeros would forecast a fraction that never happens. They
// count weeks that are known only: a missing week is neither a sale nor
// an interval week.

// croston smooths the size of non-zero demands (z) and the interval
// between them in weeks (p) separately and forecasts z/p. SBA multiplies
// by 1 − α/2, Syntetos and Boylan's correction of Croston's upward bias.
// Both start from the series' mean size and mean interval, and α is
// fitted by golden-section search on the one-step squared error.
type croston struct {
	sba bool
}

func (c croston) name() string {
	if c.sba {
		return NameSBA
	}
	return NameCroston
}

type crostonFit struct {
	alpha, z0, p0 float64
	factor        float64 // 1, or 1 − α/2 for SBA
}

func (c croston) fit(y []float64) fitted {
	z0, p0 := sizeAndInterval(y)
	f := &crostonFit{z0: z0, p0: p0, factor: 1}
	f.alpha = goldenSection(func(a float64) float64 {
		f.alpha = a
		if c.sba {
			f.factor = 1 - a/2
		}
		return f.sse(y)
	}, 0.02, 0.5, 0.005)
	if c.sba {
		f.factor = 1 - f.alpha/2
	}
	return f
}

func (f *crostonFit) sse(y []float64) float64 {
	sum := 0.0
	z, p, q := f.z0, f.p0, 0.0
	for _, v := range y {
		if math.IsNaN(v) {
			continue
		}
		e := v - f.factor*z/p
		sum += e * e
		z, p, q = f.update(z, p, q, v)
	}
	return sum
}

func (f *crostonFit) update(z, p, q, v float64) (float64, float64, float64) {
	q++
	if v > 0 {
		z += f.alpha * (v - z)
		p += f.alpha * (q - p)
		q = 0
	}
	return z, p, q
}

func (f *crostonFit) paths(y []float64, from, h int, emit func(int, []float64)) {
	path := make([]float64, h)
	z, p, q := f.z0, f.p0, 0.0
	for t := 0; t <= len(y); t++ {
		if t >= from {
			fill(path, f.factor*z/p)
			emit(t, path)
		}
		if t < len(y) && !math.IsNaN(y[t]) {
			z, p, q = f.update(z, p, q, y[t])
		}
	}
}

// psi: an error in a demand week moves z by α·e and so the forecast by
// about α·e/p.
func (f *crostonFit) psi(int) float64 { return f.factor * f.alpha / f.p0 }

// sizeAndInterval is the mean non-zero demand and the mean number of known
// weeks per non-zero demand (ADI); 0 and 1 when y never sold.
func sizeAndInterval(y []float64) (size, interval float64) {
	s := countSales(y)
	if s.sales == 0 {
		return 0, 1
	}
	return s.sum / float64(s.sales), float64(s.known) / float64(s.sales)
}

// saleCounts are the known weeks of a series, the weeks that sold, and
// the sum and sum of squares of what they sold.
type saleCounts struct {
	known, sales int
	sum, sq      float64
}

func countSales(y []float64) saleCounts {
	var s saleCounts
	for _, v := range y {
		if math.IsNaN(v) {
			continue
		}
		s.known++
		if v > 0 {
			s.sales++
			s.sum += v
			s.sq += v * v
		}
	}
	return s
}

// tsb is Teunter, Syntetos and Babai's method: it smooths the probability
// of a sale every week (β) and the size when there is one (α), and
// forecasts their product. Unlike Croston's its forecast decays through a
// run of zeros, so a dying item's forecast dies with it.
type tsb struct{}

func (tsb) name() string { return NameTSB }

type tsbFit struct {
	alpha, beta, z0, pi0 float64
}

func (tsb) fit(y []float64) fitted {
	z0, interval := sizeAndInterval(y)
	f := &tsbFit{z0: z0, pi0: 1 / interval}
	best := nelderMead(func(p []float64) float64 {
		f.alpha, f.beta = p[0], p[1]
		return f.sse(y)
	}, []float64{0.1, 0.1}, []box{{0.01, 0.5}, {0.01, 0.5}}, nmBudgetTSB)
	f.alpha, f.beta = best[0], best[1]
	return f
}

func (f *tsbFit) update(z, pi, v float64) (float64, float64) {
	if v > 0 {
		return z + f.alpha*(v-z), pi + f.beta*(1-pi)
	}
	return z, pi - f.beta*pi
}

func (f *tsbFit) sse(y []float64) float64 {
	sum := 0.0
	z, pi := f.z0, f.pi0
	for _, v := range y {
		if math.IsNaN(v) {
			continue
		}
		e := v - z*pi
		sum += e * e
		z, pi = f.update(z, pi, v)
	}
	return sum
}

func (f *tsbFit) paths(y []float64, from, h int, emit func(int, []float64)) {
	path := make([]float64, h)
	z, pi := f.z0, f.pi0
	for t := 0; t <= len(y); t++ {
		if t >= from {
			fill(path, z*pi)
			emit(t, path)
		}
		if t < len(y) && !math.IsNaN(y[t]) {
			z, pi = f.update(z, pi, y[t])
		}
	}
}

// psi: a sale or a zero moves the probability by β, which carries most of
// an error into later weeks.
func (f *tsbFit) psi(int) float64 { return f.beta }

// adida (aggregate–disaggregate intermittent demand) sums the known weeks
// into buckets as long as the mean interval between sales, where demand is
// no longer intermittent, forecasts the buckets by SES and spreads the
// bucket forecast evenly over its weeks.
type adida struct{}

func (adida) name() string { return NameADIDA }

type adidaFit struct {
	alpha float64
	k     int // weeks per bucket
	known []float64
	bkts  []float64
}

func (adida) fit(y []float64) fitted {
	_, interval := sizeAndInterval(y)
	f := &adidaFit{k: max(1, int(math.Round(interval)))}
	b := f.buckets(y)
	f.alpha = goldenSection(func(a float64) float64 {
		f.alpha = a
		_, sse := f.smooth(b)
		return sse
	}, 0.01, 0.99, 0.005)
	return f
}

// buckets sums the known weeks of y in runs of k, ending at the last one.
func (f *adidaFit) buckets(y []float64) []float64 {
	f.known = f.known[:0]
	for _, v := range y {
		if !math.IsNaN(v) {
			f.known = append(f.known, v)
		}
	}
	f.bkts = f.bkts[:0]
	for end := len(f.known) % f.k; end+f.k <= len(f.known); end += f.k {
		sum := 0.0
		for _, v := range f.known[end : end+f.k] {
			sum += v
		}
		f.bkts = append(f.bkts, sum)
	}
	return f.bkts
}

// smooth runs SES over the buckets from the first one and returns the
// final level and the squared one-step errors.
func (f *adidaFit) smooth(b []float64) (level, sse float64) {
	if len(b) == 0 {
		return 0, 0
	}
	level = b[0]
	for _, v := range b[1:] {
		e := v - level
		sse += e * e
		level += f.alpha * e
	}
	return level, sse
}

func (f *adidaFit) paths(y []float64, from, h int, emit func(int, []float64)) {
	path := make([]float64, h)
	for t := from; t <= len(y); t++ {
		level, _ := f.smooth(f.buckets(y[:t]))
		fill(path, level/float64(f.k))
		emit(t, path)
	}
}

func (f *adidaFit) psi(int) float64 { return f.alpha / float64(f.k) }
