package ui

import "stockroom/termtext"

// clean makes catalogue text safe to print (termtext.Clean, which an
// export to a terminal uses too): catalogue text is data, never terminal
// instructions.
func clean(s string) string { return termtext.Clean(s) }
