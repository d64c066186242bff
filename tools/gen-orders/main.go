// Command gen-orders writes a demo Shopify orders export that sells a
// catalogue's SKUs, for docs/measure-import.sh (tools/orderscsv writes it).
//
//	go run ./tools/gen-orders -db CATALOGUE.db -lines 1000000 -o orders.csv
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"stockroom/tools/orderscsv"
)

func main() {
	db := flag.String("db", "", "catalogue whose SKUs the orders sell (required)")
	lines := flag.Int("lines", orderscsv.DefaultLines, "order lines to write")
	out := flag.String("o", "-", "file to write, - for standard output")
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same file")
	flag.Parse()
	if *db == "" || *lines < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*db, *out, *lines, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen-orders:", err)
		os.Exit(1)
	}
}

func run(dbPath, out string, lines int, seed uint64) error {
	skus, err := readSKUs(dbPath)
	if err != nil {
		return err
	}
	var w io.Writer = os.Stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	start := time.Now()
	orders, err := orderscsv.Write(w, orderscsv.Options{Seed: seed, Lines: lines, SKUs: skus})
	if err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && f != os.Stdout {
		// Close reports a failed write that Flush could not see.
		if err := f.Close(); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "wrote %d orders (%d lines, %d SKUs) in %.2f s\n",
		orders, lines, len(skus), time.Since(start).Seconds())
	return nil
}

func readSKUs(path string) ([]string, error) {
	// Read-only, so that a mistyped path fails instead of making a new
	// empty database.
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query("SELECT sku FROM products ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer rows.Close()
	var skus []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		skus = append(skus, s)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(skus) == 0 {
		return nil, fmt.Errorf("%s has no products", path)
	}
	return skus, nil
}
