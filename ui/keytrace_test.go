package ui

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// The key trace gives each key the write that first carried its whole
// effect: a query's rows, not the frame showing only the typed letter; no
// write at all when the screen did not change.
func TestKeyTraceTimesTheWriteThatShowsTheEffect(t *testing.T) {
	t0 := time.Unix(1000, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	var out strings.Builder
	kt := &keyTrace{w: &out}
	kt.viewed("rows 1-40", true, at(0))
	kt.written(at(1))

	// j: drawn at 2 ms, written at 9 ms
	kt.received(tracedKey{name: "j", mode: "normal", received: at(1)})
	kt.viewed("rows 2-41", true, at(2))
	kt.written(at(9))

	// a filter letter: the letter is written at 12 ms while its query
	// runs; the rows arrive at 30 ms and are written at 40 ms
	kt.received(tracedKey{name: "k", mode: "filter", forecasting: true, received: at(10)})
	kt.viewed("filter k, rows 2-41", false, at(11))
	kt.written(at(12))
	kt.viewed("filter k, rows of k", true, at(30))
	kt.written(at(40))

	// a letter whose query changes no row: done with the write at 52 ms
	kt.received(tracedKey{name: "e", mode: "filter", received: at(50)})
	kt.viewed("filter ke, rows of k", false, at(51))
	kt.written(at(52))
	kt.viewed("filter ke, rows of k", true, at(60))
	kt.written(at(70)) // a later write (a spinner) does not count

	// j on the last row: nothing changes, nothing is written
	kt.received(tracedKey{name: "j", mode: "normal", received: at(80)})
	kt.viewed("filter ke, rows of k", true, at(81))

	want := []string{
		"key j mode=normal forecasting=false received=1000.001000 drawn=1.000ms written=8.000ms",
		"key k mode=filter forecasting=true received=1000.010000 drawn=20.000ms written=30.000ms",
		"key e mode=filter forecasting=false received=1000.050000 drawn=10.000ms written=2.000ms",
		"key j mode=normal forecasting=false received=1000.080000 drawn=1.000ms written=unchanged",
	}
	got := strings.Split(strings.TrimSpace(out.String()), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("trace:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Without a trace the program writes straight to the terminal.
func TestOutputIsTheTerminalWithoutATrace(t *testing.T) {
	m := New(Options{})
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := m.Output(f); got != io.Writer(f) {
		t.Errorf("Output = %T, want the file itself", got)
	}
	var trace strings.Builder
	m = New(Options{Trace: &trace})
	w := m.Output(f)
	if _, ok := w.(tracedOutput); !ok {
		t.Fatalf("Output with a trace = %T, want tracedOutput", w)
	}
	if _, err := w.Write([]byte("frame")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(f.Name()); string(b) != "frame" {
		t.Errorf("the terminal got %q, want the frame", b)
	}
}

// In the dashboard: a filter keystroke is traced once the frame with its
// rows is written, not the frame that only echoes the letter; a cursor
// move with the next write after its frame.
func TestDashboardTracesKeysToTheWriteOfTheirFrame(t *testing.T) {
	var trace strings.Builder
	m := New(Options{Backend: planner.Backend{Store: fixtureStore(t)}, ExportDir: t.TempDir(), Trace: &trace})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	run(t, m, loadCmd(m.opt.Backend))
	press(t, m, "2")
	f, err := os.CreateTemp(t.TempDir(), "terminal")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := m.Output(f)
	frame := func() { m.View(); out.Write([]byte("frame")) }
	frame()
	keyLines := func() []string {
		var keys []string
		for _, l := range strings.Split(trace.String(), "\n") {
			if strings.HasPrefix(l, "key ") {
				keys = append(keys, strings.Join(strings.Fields(l)[:4], " "))
			}
		}
		return keys
	}
	base := len(keyLines()) // the 2 that opened the pane

	press(t, m, "/")
	frame()
	_, query := m.Update(keyMsg("P"))
	frame() // the letter, its query still on its way
	if got := keyLines()[base:]; len(got) != 1 || got[0] != "key / mode=normal forecasting=false" {
		t.Fatalf("before the filter's rows: %q, want only the /", got)
	}
	run(t, m, query)
	frame()
	if got := keyLines()[base:]; len(got) != 2 || got[1] != "key P mode=filter forecasting=false" {
		t.Fatalf("after the filter's rows: %q, want the P traced", got)
	}

	press(t, m, "esc", "j")
	frame()
	if got := keyLines(); got[len(got)-1] != "key j mode=normal forecasting=false" {
		t.Errorf("after a cursor move: %q, want the j last", got)
	}
}
