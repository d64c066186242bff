package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

// execute runs the command line in-process and returns its error.
func execute(t *testing.T, args ...string) error {
	t.Helper()
	_, err := executeOut(t, args...)
	return err
}

// executeOut runs the command line in-process and returns what it wrote
// to standard output.
func executeOut(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := rootCommand()
	root.SetArgs(args)
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&bytes.Buffer{})
	err := root.Execute()
	return out.String(), err
}

// demoDB writes a 150-SKU demo catalogue, its forecasts cached, and
// returns its path.
func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := execute(t, "demo", "--db", path, "--skus", "150", "--seed", "3", "--end", "2026-11-22"); err != nil {
		t.Fatal(err)
	}
	return path
}

// readCSV reads a whole CSV file, header first.
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

// num reads a number from a CSV or text cell.
func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

// storedItems reads the catalogue's SKUs as the planner sees them.
func storedItems(t *testing.T, path string) []model.Item {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.LoadCatalogue(context.Background(), store.LoadOptions{})
	if err != nil || len(c.Items) == 0 {
		t.Fatalf("no SKUs: %v", err)
	}
	return c.Items
}

// firstSKU is a SKU of the demo catalogue.
func firstSKU(t *testing.T, path string) string {
	t.Helper()
	return storedItems(t, path)[0].Product.SKU
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func firstLines(s string) string {
	lines := strings.SplitN(s, "\n", 4)
	return strings.Join(lines[:min(3, len(lines))], "\n")
}
