package cli

import (
	"encoding/csv"
	"strings"
	"testing"
)

func TestForecastAndBacktestCommands(t *testing.T) {
	path := demoDB(t)
	out, err := executeOut(t, "forecast", "--db", path)
	if err != nil {
		t.Fatal(err)
	}
	// demo caches every forecast, so nothing is left to do
	if !strings.Contains(out, "Forecast 0 SKUs") || !strings.Contains(out, "150 already current") {
		t.Errorf("forecast said %q", out)
	}
	if out, err = executeOut(t, "forecast", "--db", path, "--all"); err != nil || !strings.Contains(out, "Forecast 150 SKUs") {
		t.Errorf("forecast --all said %q, %v", out, err)
	}

	out, err = executeOut(t, "backtest", "--db", path, "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != "method,class,series,rmsse,mase,wape,bias,coverage80" {
		t.Fatalf("header %v", recs[0])
	}
	overall := map[string][]string{}
	for _, r := range recs[1:] {
		if r[1] == "all" {
			overall[r[0]] = r
		}
	}
	for _, m := range []string{"auto", "naive", "seasonal naive", "moving average", "SES", "damped Holt", "Croston", "SBA", "TSB", "ADIDA"} {
		if overall[m] == nil {
			t.Errorf("no overall row for %s", m)
		}
	}
	if a := overall["auto"]; a != nil {
		if cov := num(t, a[7]); cov < 0.5 || cov > 1 {
			t.Errorf("auto coverage %v", cov)
		}
	}

	// an as-of day uses only the history up to it
	text, err := executeOut(t, "backtest", "--db", path, "--as-of", "2026-06-28", "--holdout", "8")
	if err != nil || !strings.Contains(text, "as of 2026-06-28: the last 8 weeks held out") {
		t.Errorf("backtest --as-of said %q, %v", text, err)
	}
}

func TestCountsTextNamesTheCommonestAndCountsTheRest(t *testing.T) {
	m := map[string]int{"SES": 5, "TSB": 7, "Croston": 5, "Theta": 1, "naive": 2000}
	for _, c := range []struct {
		limit int
		want  string
	}{
		{0, "naive 2,000, TSB 7, Croston 5, SES 5, Theta 1"},
		{2, "naive 2,000, TSB 7, 3 other methods (11 SKUs)"},
		{4, "naive 2,000, TSB 7, Croston 5, SES 5, 1 other method (1 SKU)"},
		{5, "naive 2,000, TSB 7, Croston 5, SES 5, Theta 1"},
		{9, "naive 2,000, TSB 7, Croston 5, SES 5, Theta 1"},
	} {
		if got := countsText(m, c.limit, "method"); got != c.want {
			t.Errorf("limit %d:\n got %s\nwant %s", c.limit, got, c.want)
		}
	}
}
