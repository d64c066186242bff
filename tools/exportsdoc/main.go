// Command exportsdoc writes docs/EXPORTS.md from the planner's views
// (planner.Views), the one place a view, its columns and their meanings
// are declared. Run it from the repository's root after changing a view:
//
//	go run ./tools/exportsdoc
//
// TestExportsDocIsCurrent fails while the committed file differs.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("o", "docs/EXPORTS.md", "the file to write")
	flag.Parse()
	var b bytes.Buffer
	writeMarkdown(&b)
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "exportsdoc:", err)
		os.Exit(1)
	}
}
