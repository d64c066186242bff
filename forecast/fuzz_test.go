package forecast

import (
	"encoding/binary"
	"math"
	"testing"
)

// FuzzForecast feeds arbitrary series to the public entry point: it must
// never panic and always return finite, non-negative forecasts.
func FuzzForecast(f *testing.F) {
	seed := func(ys ...float64) []byte {
		b := make([]byte, 8*len(ys))
		for i, y := range ys {
			binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(y))
		}
		return b
	}
	f.Add(seed(), uint8(26))
	f.Add(seed(0, 0, 3, 0, 0, 5, 0, 0, 0, 2, 0, 1, 0, 0, 4, 0, 0, 3, 0), uint8(4))
	f.Add(seed(math.NaN(), 1e308, -1, math.Inf(1), 0, 5), uint8(26))
	f.Add(seed(repeat(9, 120)...), uint8(52))
	f.Fuzz(func(t *testing.T, data []byte, h uint8) {
		y := make([]float64, len(data)/8)
		for i := range y {
			y[i] = math.Float64frombits(binary.LittleEndian.Uint64(data[8*i:]))
		}
		r := Forecast(y, int(h%60))
		if len(r.Mean) != int(h%60) {
			t.Fatalf("%d weeks for horizon %d", len(r.Mean), h%60)
		}
		checkSane(t, "fuzz", r)
	})
}
