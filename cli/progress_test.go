package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// One of anything is singular in the command line's messages: "1 SKU",
// "1 row", not "1 SKUs".
func TestMessagesCountOneInTheSingular(t *testing.T) {
	for n, want := range map[int]string{0: "0 SKUs", 1: "1 SKU", 2: "2 SKUs", 12000: "12,000 SKUs"} {
		if got := count(n, "SKU"); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
	var b bytes.Buffer
	p := progressPrinter(&b, "forecasting")
	p(0, 1)
	p(1, 1)
	if got := b.String(); !strings.Contains(got, "forecasting 0/1 SKU (0%)") || !strings.Contains(got, "forecasting 1/1 SKU (100%)") {
		t.Errorf("progress of one SKU:\n%s", got)
	}
	path := filepath.Join(t.TempDir(), "one.db")
	out, err := executeOut(t, "demo", "--db", path, "--skus", "1", "--end", "2026-11-22")
	if err != nil || !strings.Contains(out, "Wrote a demo catalogue of 1 SKU to ") {
		t.Errorf("demo of one SKU said %q (%v)", out, err)
	}
	out, err = executeOut(t, "forecast", "--db", path, "--all")
	if err != nil || !strings.Contains(out, "Forecast 1 SKU as of ") {
		t.Errorf("forecast of one SKU said %q (%v)", out, err)
	}
}

func TestProgressPrinterWritesALinePerTenthToAFile(t *testing.T) {
	var b bytes.Buffer
	p := progressPrinter(&b, "forecasting")
	for done := 0; done <= 100_000; done += 4096 {
		p(done, 100_000)
	}
	p(100_000, 100_000)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	// 0 %, then one line per tenth reached (10 … 90 %), then 100 %
	if len(lines) != 11 {
		t.Fatalf("%d lines:\n%s", len(lines), b.String())
	}
	if !strings.HasPrefix(lines[0], "forecasting 0/100,000 SKUs (0%)") || !strings.HasPrefix(lines[10], "forecasting 100,000/100,000 SKUs (100%)") {
		t.Errorf("first %q, last %q", lines[0], lines[10])
	}
}
