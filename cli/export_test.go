package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"stockroom/store"
)

// hostileDB is a demo catalogue where one product's name would retitle a
// terminal (OSC 0, ended by BEL) and another's carries a CSI sequence.
func hostileDB(t *testing.T) string {
	t.Helper()
	path := demoDB(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.DB().Exec("UPDATE products SET name = ? WHERE id = 1", "Hose \x1b]0;pwned\x07 25 m"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec("UPDATE products SET category = ? WHERE id = 2", "Tools\x1b[2J\u009b31m"); err != nil {
		t.Fatal(err)
	}
	return path
}

func asTerminal(t *testing.T, yes bool) {
	old := stdoutIsTerminal
	t.Cleanup(func() { stdoutIsTerminal = old })
	stdoutIsTerminal = func(io.Writer) bool { return yes }
}

func TestExportToTerminalCleansControlCharacters(t *testing.T) {
	path := hostileDB(t)
	for _, format := range []string{"csv", "json"} {
		asTerminal(t, true)
		shown, err := executeOut(t, "export", "stock", "--db", path, "--format", format)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(shown, "\x1b\x07\u009b") {
			t.Errorf("%s on a terminal keeps control characters: %q", format, firstLines(shown))
		}
		if !strings.Contains(shown, "Hose ]0;pwned 25 m") || !strings.Contains(shown, "Tools[2J31m") {
			t.Errorf("%s on a terminal: the text around the controls is lost: %q", format, firstLines(shown))
		}

		// a pipe or a file gets the data exactly
		asTerminal(t, false)
		piped, err := executeOut(t, "export", "stock", "--db", path, "--format", format)
		if err != nil {
			t.Fatal(err)
		}
		raw := "Hose \x1b]0;pwned\x07 25 m"
		if format == "json" {
			raw = `Hose \u001b]0;pwned\u0007 25 m`
		}
		if !strings.Contains(piped, raw) {
			t.Errorf("%s to a pipe changed the text: %q", format, firstLines(piped))
		}
		file := filepath.Join(t.TempDir(), "out."+format)
		if err := execute(t, "export", "stock", "--db", path, "--format", format, "-o", file); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(file); !bytes.Equal(b, []byte(piped)) {
			t.Errorf("%s: the file differs from the piped output", format)
		}
	}
}

func TestExportDashIsStandardOutput(t *testing.T) {
	path := demoDB(t)
	plain, err := executeOut(t, "export", "reorder", "--db", path)
	if err != nil {
		t.Fatal(err)
	}
	dash, err := executeOut(t, "export", "reorder", "--db", path, "-o", "-")
	if err != nil || dash != plain || !strings.HasPrefix(dash, "sku,") {
		t.Errorf("-o - wrote %d bytes (%v), standard output %d", len(dash), err, len(plain))
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("-o - made a file named -")
	}
}

func TestExportTargets(t *testing.T) {
	path := demoDB(t)
	dir := t.TempDir()
	want, err := executeOut(t, "export", "pos", "--db", path)
	if err != nil {
		t.Fatal(err)
	}

	// a regular file keeps its mode
	kept := filepath.Join(dir, "kept.csv")
	os.WriteFile(kept, []byte("old"), 0o600)
	os.Chmod(kept, 0o640)
	if err := execute(t, "export", "pos", "--db", path, "-o", kept); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(kept); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %04o, want 0640", fi.Mode().Perm())
	}
	// a symlink is written through
	link := filepath.Join(dir, "latest.csv")
	os.Symlink("kept.csv", link)
	os.WriteFile(kept, nil, 0o640)
	if err := execute(t, "export", "pos", "--db", path, "-o", link); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced by a file")
	}
	if b, _ := os.ReadFile(kept); string(b) != want {
		t.Errorf("the symlink's target holds %q", firstLines(string(b)))
	}
	// a FIFO is written, not replaced
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := execute(t, "export", "pos", "--db", path, "-o", fifo); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatal("the FIFO was replaced") // (its reader waits for ever)
	}
	if b := <-got; b != want {
		t.Errorf("the FIFO's reader got %q", firstLines(b))
	}
	// a missing directory is named, and nothing is made
	missing := filepath.Join(dir, "nope", "x.csv")
	err = execute(t, "export", "pos", "--db", path, "-o", missing)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "nope")) || strings.Contains(err.Error(), "stockroom-tmp") {
		t.Errorf("missing directory: %v", err)
	}
	if names := dirNames(t, dir); strings.Join(names, " ") != "fifo kept.csv latest.csv" {
		t.Errorf("directory holds %v", names)
	}
}

func TestExportRefusesToOverwriteTheCatalogue(t *testing.T) {
	path := demoDB(t)
	before, _ := os.ReadFile(path)
	link := filepath.Join(t.TempDir(), "alias.db")
	os.Symlink(path, link)
	for _, out := range []string{path, link} {
		err := execute(t, "export", "stock", "--db", path, "-o", out)
		if err == nil || !strings.Contains(err.Error(), "catalogue") {
			t.Errorf("-o %s: %v", out, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the catalogue changed")
	}
}

// SQLite's side files are the catalogue too: an export written to a -wal
// that does not exist yet is deleted when SQLite closes the catalogue, and
// one over an existing -wal or -shm corrupts it. They are refused however
// they are named: relative, through a symlinked directory or a link.
func TestExportRefusesTheCatalogueSideFiles(t *testing.T) {
	path := demoDB(t)
	dir := filepath.Dir(path)
	before, _ := os.ReadFile(path)
	other := t.TempDir()
	linkDir := filepath.Join(other, "via")
	if err := os.Symlink(dir, linkDir); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(path+"-wal", filepath.Join(other, "dangling")); err != nil {
		t.Fatal(err)
	}
	catLink := filepath.Join(other, "cat.db") // the catalogue opened through a link
	if err := os.Symlink(path, catLink); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, c := range []struct{ db, out string }{
		{path, path + "-wal"},
		{path, path + "-shm"},
		{path, path + "-journal"},
		{path, "demo.db-wal"},
		{path, "./demo.db-journal"},
		{path, filepath.Join(linkDir, "demo.db-shm")},
		// the kernel reads via/.. as the link target's parent: not lexically
		{path, linkDir + "/../" + filepath.Base(other) + "/via/demo.db-wal"},
		{path, filepath.Join(other, "dangling")},
		{"demo.db", path + "-wal"},
		{catLink, path + "-wal"},
		{catLink, catLink + "-wal"},
		{catLink, filepath.Join(linkDir, "demo.db")},
	} {
		err := execute(t, "export", "overview", "--db", c.db, "-o", c.out)
		if err == nil || !strings.Contains(err.Error(), "catalogue's own file") || !strings.Contains(err.Error(), c.out) {
			t.Errorf("--db %s -o %s: %v, want a refusal naming it", c.db, c.out, err)
		}
	}
	// backtest's --write-series is an output file too (os.Create would
	// have emptied the catalogue)
	for _, out := range []string{"demo.db", "demo.db-wal"} {
		err := execute(t, "backtest", "--db", path, "--write-series", out)
		if err == nil || !strings.Contains(err.Error(), "--write-series "+out+" is the catalogue's own file") {
			t.Errorf("--write-series %s: %v, want a refusal", out, err)
		}
	}
	if names := dirNames(t, dir); strings.Join(names, " ") != "demo.db" {
		t.Errorf("the catalogue's directory holds %v", names)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the catalogue changed")
	}
	// a file merely named like one is written
	if err := execute(t, "export", "overview", "--db", path, "-o", "demo.db-wal.csv"); err != nil {
		t.Errorf("-o demo.db-wal.csv: %v", err)
	}
}

func TestExportCommandWritesSortedFilteredCSVAndJSON(t *testing.T) {
	path := demoDB(t)
	out := filepath.Join(t.TempDir(), "stock.csv")
	if err := execute(t, "export", "stock", "--db", path, "--sort", "available:desc", "-o", out); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(out)
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 151 {
		t.Fatalf("%d records, want header + 150", len(recs))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, want := range []string{"sku", "name", "category", "supplier", "on_hand", "committed", "available", "on_order",
		"reorder_point", "reorder_point_manual", "days_of_cover", "status"} {
		if _, ok := col[want]; !ok {
			t.Errorf("missing column %s", want)
		}
	}
	prev := int64(1 << 62)
	for _, r := range recs[1:] {
		var v int64
		json.Unmarshal([]byte(r[col["available"]]), &v)
		if v > prev {
			t.Fatalf("not sorted by available desc: %d after %d", v, prev)
		}
		prev = v
	}

	jsonOut := filepath.Join(t.TempDir(), "stock.json")
	if err := execute(t, "export", "stock", "--db", path, "--format", "json", "--filter", recs[1][col["category"]], "-o", jsonOut); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(jsonOut)
	var rows []map[string]any
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || len(rows) >= 150 {
		t.Errorf("filter by category kept %d rows", len(rows))
	}
	for _, r := range rows {
		if r["category"] != recs[1][col["category"]] && !strings.Contains(strings.ToLower(r["supplier"].(string)+r["name"].(string)+r["brand"].(string)+r["subcategory"].(string)), strings.ToLower(recs[1][col["category"]])) {
			t.Errorf("row %v does not match the filter", r["sku"])
		}
	}
}

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
