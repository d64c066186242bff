package cli

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"stockroom/model"
	"stockroom/store"
)

func TestDemoEndFlag(t *testing.T) {
	setClock(t, time.Date(2027, 2, 10, 15, 30, 0, 0, time.UTC))
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := execute(t, "demo", "--db", path, "--skus", "20", "--end", "2026-11-22"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if latest, err := st.LatestSaleDay(context.Background()); err != nil || latest != model.MustDay("2026-11-22") {
		t.Errorf("--end 2026-11-22 wrote sales through %v (%v)", latest, err)
	}
	// the earliest end whose two years of sales start in 1990, when
	// imports begin to take sales dates
	if err := execute(t, "demo", "--db", filepath.Join(t.TempDir(), "1991.db"), "--skus", "5", "--end", "1991-12-31"); err != nil {
		t.Errorf("--end 1991-12-31: %v", err)
	}
	for _, end := range []string{"2027-02-11", "22/11/2026", "yesterday", "1991-12-30", "1960-01-01"} {
		err := execute(t, "demo", "--db", filepath.Join(t.TempDir(), "x.db"), "--skus", "20", "--end", end)
		if err == nil || !isUsage(err) {
			t.Errorf("--end %s: %v, want a usage error", end, err)
		}
	}
}
