package forecast

import (
	"strings"
	"testing"

	"stockroom/forecast/synth"
)

// holdoutWeeks is the held-out span of the accuracy tests: a quarter.
const holdoutWeeks = 13

// accuracyTable scores the automatic choice and every method on the last
// holdoutWeeks of each series.
func accuracyTable(t testing.TB, series [][]float64) *Table {
	var tab Table
	methods := append([]string{Auto}, Methods()...)
	for _, y := range series {
		ho := Split(y, holdoutWeeks)
		if !ho.Eligible {
			continue
		}
		for _, m := range methods {
			r, err := ho.Forecast(m)
			if err != nil {
				t.Fatal(err)
			}
			tab.Add(m, ho.Class, ho.Score(r))
		}
	}
	return &tab
}

func formatTable(tab *Table) string {
	var b strings.Builder
	tab.WriteText(&b, append([]string{Auto}, Methods()...))
	return b.String()
}

// TestAccuracySynthetic is the accuracy claim of docs/BENCHMARKS.md on
// series with known generating processes: the automatic choice beats
// seasonal naive and the moving average on overall RMSSE, and its 80 %
// band covers between 72 % and 88 % of held-out weeks.
func TestAccuracySynthetic(t *testing.T) {
	var series [][]float64
	for _, s := range synth.Generate(synth.Options{Seed: 1, PerProcess: 60}) {
		series = append(series, s.Demand)
	}
	tab := accuracyTable(t, series)
	t.Log("\n" + formatTable(tab))
	auto := tab.Overall(Auto)
	for _, m := range []string{NameSeasonalNaive, NameMovingAverage} {
		if o := tab.Overall(m); !(auto.RMSSE < o.RMSSE) {
			t.Errorf("auto RMSSE %.3f does not beat %s %.3f", auto.RMSSE, m, o.RMSSE)
		}
	}
	if auto.Coverage < 0.72 || auto.Coverage > 0.88 {
		t.Errorf("80%% band covers %.1f%% of held-out weeks", 100*auto.Coverage)
	}
}
