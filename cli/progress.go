package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"stockroom/model"

	"github.com/charmbracelet/x/term"
)

// progressPrinter reports "forecasting N/M SKUs" on stderr: redrawn in place
// on a terminal, and as a line per tenth when stderr is a file or pipe, so
// logs stay readable.
func progressPrinter(w io.Writer, what string) func(done, total int) {
	tty := false
	if f, ok := w.(*os.File); ok {
		tty = term.IsTerminal(f.Fd())
	}
	start, lastTenth := time.Now(), -1
	return func(done, total int) {
		if total == 0 {
			return
		}
		pct := 100 * done / total
		of := model.GroupThousands(done) + "/" + count(total, "SKU") // "3/1,200 SKUs", "1/1 SKU"
		switch {
		case tty:
			fmt.Fprintf(w, "\r%s %s (%d%%)", what, of, pct)
			if done == total {
				fmt.Fprintf(w, " in %.1f s\n", time.Since(start).Seconds())
			}
		case pct/10 != lastTenth || done == total:
			lastTenth = pct / 10
			fmt.Fprintf(w, "%s %s (%d%%) %.1f s\n", what, of, pct, time.Since(start).Seconds())
		}
	}
}

// count is n with its noun, singular for one: "1 SKU", "2,040 SKUs".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return model.GroupThousands(n) + " " + noun + "s"
}
