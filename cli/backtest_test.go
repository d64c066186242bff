package cli

import (
	"encoding/csv"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// backtest prints, after the methods' table, the cumulative table: per
// demand class and overall, for 4, 8, 13 and 26 weeks (the default
// holdout is 26), the share inside the 80 % band and three pinball losses.
func TestBacktestPrintsTheCumulativeTable(t *testing.T) {
	path := demoDB(t)
	out, err := executeOut(t, "backtest", "--db", path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "the last 26 weeks held out") {
		t.Errorf("default holdout is not 26 weeks:\n%s", out)
	}
	methods, cumulative, found := strings.Cut(out, "Cumulative demand over the first 4, 8, 13 and 26 held-out weeks")
	if !found || !strings.Contains(methods, "auto             all") {
		t.Fatalf("no methods table then cumulative table:\n%s", out)
	}
	if !strings.Contains(cumulative, "class        weeks  series  cover80  below  above nominal pinball10 pinball50 pinball90") {
		t.Errorf("cumulative header missing:\n%s", cumulative)
	}
	row := regexp.MustCompile(`(?m)^all +(\d+) +(\d+) +([\d.]+)% +([\d.]+)% +([\d.]+)% +([\d.]+)% +([\d.]+) +([\d.]+) +([\d.]+)$`)
	var weeks []string
	for _, m := range row.FindAllStringSubmatch(cumulative, -1) {
		weeks = append(weeks, m[1])
		if cover := num(t, m[3]); m[2] == "0" || cover < 40 || cover > 100 {
			t.Errorf("all, %s weeks: %s series, cover %v %%", m[1], m[2], cover)
		}
		// inside, below and above the band: every series is one of them
		if sum := num(t, m[3]) + num(t, m[4]) + num(t, m[5]); math.Abs(sum-100) > 0.15 {
			t.Errorf("all, %s weeks: cover + below + above = %v %%", m[1], sum)
		}
		// an 80 % band holds at least 80 % by its own distribution (more
		// for bands of whole units or from zero)
		if held := num(t, m[6]); held < 79.9 || held > 100 {
			t.Errorf("all, %s weeks: the bands hold %v %% by their own distributions", m[1], held)
		}
		// the median's loss is half its absolute error: no forecast hits
		// every SKU's total exactly
		if num(t, m[8]) <= 0 {
			t.Errorf("all, %s weeks: pinball50 %s", m[1], m[8])
		}
	}
	if strings.Join(weeks, ",") != "4,8,13,26" {
		t.Errorf("overall rows for weeks %v, want 4,8,13,26:\n%s", weeks, cumulative)
	}
	if !strings.Contains(cumulative, "\nsmooth ") || !strings.Contains(cumulative, "\nintermittent ") {
		t.Errorf("no per-class rows:\n%s", cumulative)
	}
}

// The CSV holds one table: the methods' by default (as before), the
// cumulative one with --table cumulative; horizons longer than --holdout
// are left out.
func TestBacktestCumulativeCSV(t *testing.T) {
	path := demoDB(t)
	out, err := executeOut(t, "backtest", "--db", path, "--holdout", "8", "--table", "cumulative", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != "class,weeks,series,coverage80,below80,above80,pinball10,pinball50,pinball90,nominal80" {
		t.Fatalf("header %v", recs[0])
	}
	var all []string
	for _, r := range recs[1:] {
		if r[1] != "4" && r[1] != "8" {
			t.Errorf("row for %s weeks with 8 held out: %v", r[1], r)
		}
		if cov := num(t, r[3]); cov < 0 || cov > 1 {
			t.Errorf("coverage %v is not a share: %v", cov, r)
		}
		if sum := num(t, r[3]) + num(t, r[4]) + num(t, r[5]); math.Abs(sum-1) > 1e-3 {
			t.Errorf("coverage + below + above = %v: %v", sum, r)
		}
		if r[0] == "all" {
			all = append(all, r[1])
		}
	}
	if strings.Join(all, ",") != "4,8" {
		t.Errorf("overall rows %v, want 4 and 8", all)
	}

	text, err := executeOut(t, "backtest", "--db", path, "--holdout", "3", "--table", "cumulative")
	if err != nil || !strings.Contains(text, "no horizon of 4, 8, 13 and 26 fits in the held-out weeks") {
		t.Errorf("--holdout 3 said %q, %v", text, err)
	}
	if strings.Contains(text, "RMSSE") {
		t.Errorf("--table cumulative printed the methods' table:\n%s", text)
	}
	text, err = executeOut(t, "backtest", "--db", path, "--holdout", "4", "--table", "methods")
	if err != nil || strings.Contains(text, "Cumulative") || !strings.Contains(text, "RMSSE") {
		t.Errorf("--table methods said %q, %v", text, err)
	}
}

// Without --holdout a short history holds out what it can spare; a
// --holdout given is refused as before.
func TestBacktestDefaultHoldoutShortensToTheHistory(t *testing.T) {
	path := demoDB(t)
	// the demo's sales start on 2024-11-25: 30 complete weeks by 2025-06-22
	out, err := executeOut(t, "backtest", "--db", path, "--as-of", "2025-06-22", "--table", "cumulative")
	if err != nil || !strings.Contains(out, "the last 14 weeks held out") || !strings.Contains(out, "first 4, 8 and 13 held-out weeks") {
		t.Errorf("short history said %q, %v", out, err)
	}
	if err := execute(t, "backtest", "--db", path, "--as-of", "2025-06-22", "--holdout", "26"); err == nil || !isUsage(err) {
		t.Errorf("--holdout 26 on 30 weeks: %v, want a usage error", err)
	}
}

// An as-of day outside the sales history is refused in words, rather than
// scoring forecasts against weeks that read as no demand (after) or
// naming a range that ends before it starts (before).
func TestBacktestAsOfOutsideTheHistory(t *testing.T) {
	path := demoDB(t)
	for _, c := range []struct{ asOf, want string }{
		{"2030-01-01", "after the last day with sales"},
		{"2020-01-01", "before the first week with sales"},
	} {
		err := execute(t, "backtest", "--db", path, "--as-of", c.asOf)
		if err == nil || !isUsage(err) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("--as-of %s: %v, want a usage error saying %q", c.asOf, err, c.want)
		}
	}
}

func TestBacktestTableFlag(t *testing.T) {
	for _, args := range [][]string{
		{"backtest", "--table", "everything"},
		{"backtest", "--table", "both", "--format", "csv"},
	} {
		err := execute(t, append(args, "--db", filepath.Join(t.TempDir(), "x.db"))...)
		if err == nil || !isUsage(err) {
			t.Errorf("%v: err %v, want a usage error", args, err)
		}
	}
}

// --holdout longer than the catalogue's history (less the 16 weeks a
// forecast needs) is refused with the longest that works, which works.
func TestBacktestHoldoutWithinTheHistory(t *testing.T) {
	path := demoDB(t)
	err := execute(t, "backtest", "--holdout", "1000", "--db", path)
	if err == nil || !isUsage(err) {
		t.Fatalf("--holdout 1000: %v, want a usage error", err)
	}
	m := regexp.MustCompile(`has (\d+) weeks of sales .* --holdout (\d+) or less`).FindStringSubmatch(err.Error())
	if m == nil {
		t.Fatalf("--holdout 1000: %q does not say how much history there is and how much may be held out", err)
	}
	weeks, most := m[1], m[2]
	if weeks != "104" || most != "88" { // 2024-11-25 to 2026-11-22: 104 weeks, 16 for training
		t.Errorf("history %s weeks, at most %s held out; want 104 and 88", weeks, most)
	}
	if err := execute(t, "backtest", "--holdout", "89", "--db", path); err == nil || !isUsage(err) {
		t.Errorf("--holdout 89: %v, want a usage error", err)
	}
	out, err := executeOut(t, "backtest", "--holdout", "88", "--sample", "20", "--db", path)
	if err != nil || !strings.Contains(out, "the last 88 weeks held out") {
		t.Errorf("--holdout 88: %v\n%s", err, out)
	}
}

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
	series := map[string][]float64{}
	for _, r := range readCSV(t, path)[1:] {
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
