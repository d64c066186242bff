package ui

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// keyTrace times keys as the PM sees them, for docs/measure-latency.sh:
// from the moment Update receives a key to the write that hands the first
// frame showing its effect to the terminal. A key that starts a query (a
// filter keystroke) has its effect once the query's rows are drawn. The
// writes are Bubble Tea's renderer flushes, at most 60 a second, so the
// wait for the next flush is part of the figure, as it is of what the PM
// sees.
type keyTrace struct {
	mu        sync.Mutex
	w         io.Writer
	waiting   []tracedKey // received; their effect not all drawn yet
	drawn     []tracedKey // drawn into a frame not written yet
	lastFrame string
	dirty     bool // a frame unlike the last written one was drawn since
}

type tracedKey struct {
	name, mode  string
	forecasting bool // background forecasts were running when it came
	received    time.Time
	changed     bool      // a frame drawn since it came differs from the one before
	written     time.Time // the last write since it changed the screen
	drawn       time.Time
}

func (t *keyTrace) printf(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	fmt.Fprintf(t.w, format, args...)
}

func (t *keyTrace) received(k tracedKey) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.waiting = append(t.waiting, k)
}

// viewed notes a frame; settled says it shows the effect of every key
// received so far (no query of theirs is still on its way).
func (t *keyTrace) viewed(frame string, settled bool, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if frame != t.lastFrame {
		t.lastFrame, t.dirty = frame, true
		for i := range t.waiting {
			t.waiting[i].changed = true
		}
	}
	if !settled {
		return
	}
	for _, k := range t.waiting {
		switch {
		case !k.changed: // nothing changed on screen (j on the last row): nothing to write
			t.line(k, now, "unchanged")
		case !t.dirty: // the frame showing it is already written (a query changed no row)
			t.line(k, now, ms(k.written.Sub(k.received)))
		default:
			k.drawn = now
			t.drawn = append(t.drawn, k)
		}
	}
	t.waiting = t.waiting[:0]
}

// written notes that the renderer wrote a frame to the terminal.
func (t *keyTrace) written(now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.dirty = false
	for _, k := range t.drawn {
		t.line(k, k.drawn, ms(now.Sub(k.received)))
	}
	t.drawn = t.drawn[:0]
	for i := range t.waiting {
		if t.waiting[i].changed {
			t.waiting[i].written = now
		}
	}
}

func (t *keyTrace) line(k tracedKey, drawn time.Time, written string) {
	fmt.Fprintf(t.w, "key %s mode=%s forecasting=%t received=%s drawn=%s written=%s\n",
		k.name, k.mode, k.forecasting, unixMicro(k.received), ms(drawn.Sub(k.received)), written)
}

func unixMicro(t time.Time) string {
	us := t.UnixMicro()
	return fmt.Sprintf("%d.%06d", us/1e6, us%1e6)
}

func ms(d time.Duration) string { return fmt.Sprintf("%.3fms", float64(d)/float64(time.Millisecond)) }

// tracedOutput is the terminal with each write noted. It keeps the file's
// descriptor (the embedded *os.File), so Bubble Tea still finds a terminal
// to size and to set up.
type tracedOutput struct {
	*os.File
	trace *keyTrace
}

func (o tracedOutput) Write(b []byte) (int, error) {
	n, err := o.File.Write(b)
	o.trace.written(time.Now())
	return n, err
}

// Output is what the program should write to: out itself, or, when
// Options.Trace is set, out with every write timed for the key trace.
func (m *Model) Output(out *os.File) io.Writer {
	if m.keyTrace == nil {
		return out
	}
	return tracedOutput{File: out, trace: m.keyTrace}
}

// traceKey notes a key as it reaches Update.
func (m *Model) traceKey(name string) {
	if m.keyTrace == nil {
		return
	}
	modes := [...]string{modeNormal: "normal", modeFilter: "filter", modeEdit: "edit", modeHelp: "help", modeSettings: "settings"}
	m.keyTrace.received(tracedKey{name: name, mode: modes[m.mode], forecasting: m.forecast.running, received: time.Now()})
}

// traceFrame notes a frame drawn; keys are settled once no query of the
// pane on screen is on its way.
func (m *Model) traceFrame(frame string) {
	if m.keyTrace == nil {
		return
	}
	p := m.active()
	m.keyTrace.viewed(frame, !m.loading && (p == nil || !p.querying), time.Now())
}
