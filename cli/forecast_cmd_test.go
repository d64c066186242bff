package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestExportForecastWritesEveryWeekWithBand(t *testing.T) {
	path := demoDB(t)
	out := filepath.Join(t.TempDir(), "forecast.csv")
	if err := execute(t, "export", "forecast", "--db", path, "-o", out); err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, out)
	want := []string{"sku", "week_start", "forecast", "lower", "upper", "cum_forecast", "cum_lower", "cum_upper", "method", "demand_class"}
	if strings.Join(recs[0], ",") != strings.Join(want, ",") {
		t.Fatalf("header %v", recs[0])
	}
	if len(recs) != 1+150*26 {
		t.Fatalf("%d rows, want 150 SKUs × 26 weeks", len(recs)-1)
	}
	// the demo's last sales day is Sunday 2026-11-22: forecasts start the
	// next Monday and run weekly
	if recs[1][1] != "2026-11-23" || recs[2][1] != "2026-11-30" || recs[26][1] != "2027-05-17" {
		t.Errorf("weeks %s %s … %s", recs[1][1], recs[2][1], recs[26][1])
	}
	classes := map[string]bool{}
	for _, r := range recs[1:] {
		f, lo, hi := num(t, r[2]), num(t, r[3]), num(t, r[4])
		cf, clo, chi := num(t, r[5]), num(t, r[6]), num(t, r[7])
		if f < 0 || lo < 0 || lo > hi || clo > chi || cf < f || r[8] == "" {
			t.Fatalf("row %v", r)
		}
		classes[r[9]] = true
	}
	if !classes["smooth"] || !classes["intermittent"] {
		t.Errorf("demand classes %v", classes)
	}
}

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

// A past forecast uses only the history up to its day and does not
// replace the cache.
func TestExportAsOfUsesOnlyEarlierHistory(t *testing.T) {
	path := demoDB(t)
	past := filepath.Join(t.TempDir(), "past.csv")
	if err := execute(t, "export", "forecast", "--db", path, "--as-of", "2026-06-28", "-o", past); err != nil {
		t.Fatal(err)
	}
	if recs := readCSV(t, past); recs[1][1] != "2026-06-29" {
		t.Errorf("first forecast week %s, want the Monday after the as-of day", recs[1][1])
	}
	out, err := executeOut(t, "forecast", "--db", path)
	if err != nil || !strings.Contains(out, "Forecast 0 SKUs") {
		t.Errorf("a past as-of replaced the cache: %q, %v", out, err)
	}
}

func readCSV(t *testing.T, path string) [][]string {
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
	return recs
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}
