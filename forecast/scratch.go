package forecast

import "sync"

// scratch holds float buffers between series: the backtest's forecasts and
// a combination's summed paths are needed only while one series is
// forecast, and allocating them afresh for each of 100,000 SKUs made most
// of the engine's garbage.
var scratch = sync.Pool{New: func() any { return new([]float64) }}

// borrow returns a buffer of n floats with unspecified contents; give it
// back with giveBack once nothing refers to it.
func borrow(n int) *[]float64 {
	p := scratch.Get().(*[]float64)
	if cap(*p) < n {
		*p = make([]float64, n)
	}
	*p = (*p)[:n]
	return p
}

func giveBack(p *[]float64) { scratch.Put(p) }
