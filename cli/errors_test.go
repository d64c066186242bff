package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"stockroom/store"
)

func TestUsageErrorsExitWithTwo(t *testing.T) {
	for _, args := range [][]string{
		{"--no-such-flag"},
		{"nonsense"},
		{"export"},
		{"export", "nope"},
		{"export", "stock", "--format", "xml"},
		{"set", "SKU-1"},
		{"set", "SKU-1", "colour=red"},
		{"--as-of", "27/11/2026"},
		{"demo", "--skus", "0"},
		{"demo", "--skus", "-5"},
		{"demo", "--skus", "10000000"},
		{"demo", "--end", "1960-01-01"},
		{"demo", "--end", "1989-12-31"},
		{"set", "--setting", "colour=red"},
		{"set", "--setting", "review_days=9", "--setting", "Review_Days=9"},
		{"backtest", "--holdout", "0"},
		{"demo", "--end", "1991-12-30"}, // two years of sales would start in 1989
	} {
		err := execute(t, append(args, "--db", filepath.Join(t.TempDir(), "x.db"))...)
		if err == nil || !isUsage(err) {
			t.Errorf("%v: err %v, want a usage error", args, err)
		}
	}
}

func TestUserErrorsExitWithOne(t *testing.T) {
	path := demoDB(t)
	if err := execute(t, "export", "stock", "--sort", "height", "--db", path); err == nil || !isUsage(err) ||
		!strings.Contains(err.Error(), "days_of_cover") {
		t.Errorf("unknown sort column: %v (want a usage error listing the columns)", err)
	}
	cases := [][]string{
		{"set", "NO-SUCH-SKU", "reorder_point=4", "--db", path},
		{"set", "FW-000001", "reorder_point=-4", "--db", path},
		{"demo", "--db", path}, // refuses to overwrite
	}
	for _, args := range cases {
		err := execute(t, args...)
		if err == nil || isUsage(err) {
			t.Errorf("%v: err %v, want a user error", args, err)
		}
		if err != nil && strings.Contains(oneLine(err.Error()), "\n") {
			t.Errorf("%v: error spans lines", args)
		}
	}
}

func TestNewerCatalogueIsRefused(t *testing.T) {
	path := demoDB(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.DB().Exec("PRAGMA user_version = 42")
	st.Close()
	err = execute(t, "export", "stock", "--db", path)
	if err == nil || !strings.Contains(err.Error(), "newer Stockroom") || isUsage(err) {
		t.Errorf("err = %v", err)
	}
}
