package store

import (
	"os"
	"path/filepath"
	"testing"
)

// CheckCreate says what Open would, and makes nothing.
func TestCheckCreateSaysWhatOpenWould(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{filepath.Join(dir, "nodir", "x.db"), filepath.Join(dir, "x.db")} {
		checked := CheckCreate(path)
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("CheckCreate(%s) made %v", path, entries)
		}
		st, err := Open(path)
		if st != nil {
			st.Close()
		}
		if (checked == nil) != (err == nil) || checked != nil && checked.Error() != err.Error() {
			t.Errorf("%s: CheckCreate %v, Open %v", path, checked, err)
		}
	}
}
