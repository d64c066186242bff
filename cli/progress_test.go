package cli

import (
	"bytes"
	"strings"
	"testing"
)

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

func TestGroupThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 100000: "100,000", 1234567: "1,234,567", -4096: "-4,096"} {
		if got := groupThousands(n); got != want {
			t.Errorf("groupThousands(%d) = %q, want %q", n, got, want)
		}
	}
}
