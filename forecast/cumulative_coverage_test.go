package forecast

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"stockroom/forecast/synth"
)

// synthCumulative scores the automatic choice's cumulative bands on the
// last 26 weeks of synthetic series, perProcess per process.
func synthCumulative(t testing.TB, seed uint64, perProcess int) *CumulativeTable {
	var tab CumulativeTable
	for _, s := range synth.Generate(synth.Options{Seed: seed, PerProcess: perProcess, MissingRate: -1}) {
		ho := Split(s.Demand, 26)
		if !ho.Eligible {
			continue
		}
		r, err := ho.Forecast(Auto)
		if err != nil {
			t.Fatal(err)
		}
		tab.Add(ho.Class, CumulativeHorizons, ho.ScoreCumulative(r, CumulativeHorizons))
	}
	return &tab
}

// TestCumulativeCoverageSynthetic: over every synthetic process, the
// cumulative 80 % band holds the actual total of the first 4, 8, 13 and 26
// held-out weeks for 72–88 % of the series. STOCKROOM_SYNTH_SERIES=250
// runs the larger set docs/FORECASTING.md reports.
func TestCumulativeCoverageSynthetic(t *testing.T) {
	per := 30
	if n, err := strconv.Atoi(os.Getenv("STOCKROOM_SYNTH_SERIES")); err == nil && n > 0 {
		per = n
	}
	tab := synthCumulative(t, 1, per)
	var b strings.Builder
	tab.WriteText(&b)
	t.Log("\n" + b.String())
	for _, r := range tab.Rows() {
		if r.Class == "all" && (r.Coverage < 0.72 || r.Coverage > 0.88) {
			t.Errorf("%d weeks: the cumulative band covers %.1f%% of %d series", r.Weeks, 100*r.Coverage, r.Series)
		}
	}
}
