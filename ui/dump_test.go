package ui

import (
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	var w, h int
	fmt.Sscanf(os.Getenv("DUMP"), "%dx%d", &w, &h)
	m, _ := newTestModel(t, w, h)
	press(t, m, "down", "down")
	fmt.Println(screen(m))
}
