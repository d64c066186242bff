package cli

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// backtest --level category forecasts each category's summed demand: the
// categories' series add up, week by week from the end, to the SKUs'
// series of the same backtest, and an unknown level is a usage error.
func TestBacktestLevelSumsSKUSeries(t *testing.T) {
	path := demoDB(t)
	dir := t.TempDir()
	skus, cats := filepath.Join(dir, "skus.csv"), filepath.Join(dir, "cats.csv")
	if _, err := executeOut(t, "backtest", "--db", path, "--holdout", "13", "--write-series", skus); err != nil {
		t.Fatal(err)
	}
	out, err := executeOut(t, "backtest", "--db", path, "--holdout", "13", "--level", "category", "--write-series", cats)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "category series scored") || !strings.Contains(out, "ms per series") {
		t.Errorf("backtest --level category said %q", out)
	}
	// SKUs too young to score (first sale within the last 13 + 16 weeks)
	// are not in the SKU file but are in the categories: before them the
	// sums agree, after them the categories hold more
	skuTotal, skuGroups := endAlignedTotals(t, skus)
	catTotal, catGroups := endAlignedTotals(t, cats)
	if catGroups < 2 || catGroups >= skuGroups {
		t.Fatalf("%d categories for %d SKUs", catGroups, skuGroups)
	}
	if len(catTotal) < len(skuTotal) {
		t.Fatalf("category series %d weeks, SKU series %d", len(catTotal), len(skuTotal))
	}
	for back := range skuTotal {
		c, s := catTotal[len(catTotal)-1-back], skuTotal[len(skuTotal)-1-back]
		if s > c+1e-6*math.Max(1, c) || back >= 29 && math.Abs(s-c) > 1e-6*math.Max(1, c) {
			t.Fatalf("%d weeks before the end: SKUs sum to %v, categories to %v", back, s, c)
		}
	}
	if execute(t, "backtest", "--db", path, "--level", "aisle") == nil {
		t.Error("--level aisle was accepted")
	} else if err := execute(t, "backtest", "--db", path, "--level", "aisle"); !isUsage(err) || !strings.Contains(err.Error(), "subcategory") {
		t.Errorf("--level aisle: %v, want a usage error naming the levels", err)
	}
}

// endAlignedTotals sums a --write-series file's demand over its series,
// aligning every series on its last week, and counts the series.
func endAlignedTotals(t *testing.T, path string) ([]float64, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	series := map[string][]float64{}
	for _, r := range recs[1:] {
		v, _ := strconv.ParseFloat(r[3], 64) // an empty (missing) week is 0, as in the sum
		series[r[0]] = append(series[r[0]], v)
	}
	var total []float64
	for _, y := range series {
		if len(y) > len(total) {
			grown := make([]float64, len(y))
			copy(grown[len(y)-len(total):], total)
			total = grown
		}
		for i, v := range y {
			total[len(total)-len(y)+i] += v
		}
	}
	return total, len(series)
}
