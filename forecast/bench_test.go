package forecast

import (
	"runtime"
	"sync"
	"testing"

	"stockroom/forecast/synth"
)

// BenchmarkForecast104Weeks: the automatic choice on 104-week series of
// every synthetic process, one per op, on one core. 100,000 SKUs take
// 100,000 × this ÷ cores.
func BenchmarkForecast104Weeks(b *testing.B) {
	series := synth.Generate(synth.Options{Seed: 2, PerProcess: 125, Weeks: 104})
	i := 0
	for b.Loop() {
		Forecast(series[i%len(series)].Demand, 26)
		i++
	}
}

// BenchmarkForecast100k104Weeks: 100,000 series of 104 weeks on all cores,
// the engine's speed target (under 20 s on 2 cores), without the catalogue
// reads that planner's BenchmarkForecastAll adds.
func BenchmarkForecast100k104Weeks(b *testing.B) {
	base := synth.Generate(synth.Options{Seed: 3, PerProcess: 125, Weeks: 104})
	const n = 100_000
	for b.Loop() {
		var wg sync.WaitGroup
		workers := runtime.GOMAXPROCS(0)
		for w := range workers {
			wg.Go(func() {
				for i := w; i < n; i += workers {
					Forecast(base[i%len(base)].Demand, 26)
				}
			})
		}
		wg.Wait()
	}
}
