package ui

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/cursor"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"stockroom/demo"
	"stockroom/planner"
	"stockroom/store"
)

// The randomized UI test drives the whole dashboard over a small demo
// catalogue with every bound key, typed text, pastes and window sizes
// from 1×1 to 250×80, in random order, and runs the commands Update
// returns in a random order too, interleaved with the keys, as the Bubble
// Tea runtime may deliver them. After every message it draws the frame
// and checks that it fits the window; a panic anywhere fails the test with
// the actions that led to it.

// TestDashboardRandomKeys is the fixed-seed run that is part of go test.
func TestDashboardRandomKeys(t *testing.T) {
	steps := 3000
	if testing.Short() {
		steps = 500
	}
	// what the seeds did between them: one seed can spend most of its
	// steps in an editor refusing random text, as a user could
	seen := map[string]int{}
	for _, seed := range []uint64{1, 4} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 0x5eed))
			h := newMonkey(t, func(n int) int { return r.IntN(n) })
			h.play(steps)
			if h.keysSent < steps/3 || h.frames < steps {
				t.Errorf("only %d keys and %d frames in %d steps: the harness is not driving the dashboard", h.keysSent, h.frames, steps)
			}
			for k, n := range h.seen {
				seen[k] += n
			}
		})
	}
	if testing.Short() {
		return // 500 steps are often spent in one editor: too few to ask for a write
	}
	for _, want := range []string{"write", "query"} {
		if seen[want] == 0 {
			t.Errorf("no %s happened in either seed's %d steps: %v", want, steps, seen)
		}
	}
}

// FuzzDashboard runs the same harness with the fuzzer's bytes choosing
// every action, a byte a choice (run a command or act, what to do, which
// key, which size…), until they are used up:
// go test ./ui -run XXX -fuzz FuzzDashboard. The seeds are starting
// scripts for the fuzzer to mutate.
func FuzzDashboard(f *testing.F) {
	f.Add([]byte("\x00\x04\x00\x05\x004\x00b\x00b\x00b\x00b"))
	f.Add([]byte("\x00\x03\x00o\x00y\x00\x06\x00\x0d\x00\x0d"))
	f.Add([]byte("\x00\x02\x00/\x01\x10abc\x00\x0d\x00e\x005\x00\x0d"))
	f.Fuzz(func(t *testing.T, script []byte) {
		pos := 0
		h := newMonkey(t, func(n int) int {
			if pos >= len(script) {
				return 0
			}
			b := int(script[pos])
			pos++
			if n > 256 { // two bytes where one cannot choose among n
				b = b<<8 | int(nextByte(script, &pos))
			}
			return b % n
		})
		h.out = func() bool { return pos >= len(script) }
		h.play(4 * len(script))
	})
}

func nextByte(b []byte, pos *int) byte {
	if *pos >= len(b) {
		return 0
	}
	*pos++
	return b[*pos-1]
}

// monkey is the harness: the model, the window, the commands in flight
// and the last actions for the failure report.
type monkey struct {
	t       testing.TB
	m       *Model
	intn    func(n int) int // a choice among n
	out     func() bool     // the choices are used up (fuzzing)
	keys    []string
	w, h    int
	pending []tea.Cmd
	trail   []string
	step    int

	keysSent, frames int
	seen             map[string]int // kinds of messages the dashboard got
}

func newMonkey(t testing.TB, intn func(int) int) *monkey {
	t.Helper()
	m := newDemoCopyModel(t)
	h := &monkey{t: t, m: m, intn: intn, out: func() bool { return false }, keys: boundKeys(t), seen: map[string]int{}}
	h.resize(160, 45)
	h.pending = append(h.pending, m.Init())
	h.drain()
	return h
}

// play takes up to n steps, then lets every command finish.
func (h *monkey) play(n int) {
	for h.step = 0; h.step < n && !h.out(); h.step++ {
		if len(h.pending) > 0 && h.intn(2) == 0 {
			k := h.intn(len(h.pending))
			c := h.pending[k]
			h.pending = slices.Delete(h.pending, k, k+1)
			h.exec(c)
			continue
		}
		h.act()
		if len(h.pending) > 200 {
			h.drain() // commands pile up only when keys outpace them: let them land
		}
	}
	h.drain()
}

// act sends one thing a user does: mostly a bound key, sometimes typing,
// a number and enter (what an editor wants), a key and y (what a question
// wants), a paste or a new window size.
func (h *monkey) act() {
	switch c := h.intn(20); {
	case c < 11:
		h.press(h.keys[h.intn(len(h.keys))])
	case c < 13:
		for _, r := range randomText(h.intn, 1+h.intn(6)) {
			h.deliver(fmt.Sprintf("type %q", r), tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	case c < 15:
		if h.intn(2) == 0 { // clear the field first, as a careful user does
			for range 12 {
				h.press("backspace")
			}
		}
		for _, r := range randomNumber(h.intn) {
			h.deliver(fmt.Sprintf("type %q", r), tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		h.press("enter")
	case c < 16:
		h.press(h.keys[h.intn(len(h.keys))])
		h.press("y")
	case c < 17:
		text := randomText(h.intn, h.intn(40))
		h.deliver(fmt.Sprintf("paste %q", text), tea.PasteMsg{Content: text})
	case c < 19: // a size the dashboard draws into
		h.resize(50+h.intn(201), 10+h.intn(71))
	default: // any size, down to 1×1
		h.resize(1+h.intn(250), 1+h.intn(80))
	}
}

func (h *monkey) press(k string) {
	h.keysSent++
	h.deliver("key "+k, mustKey(k))
}

func (h *monkey) resize(w, ht int) {
	h.w, h.h = w, ht
	h.deliver(fmt.Sprintf("resize %d×%d", w, ht), tea.WindowSizeMsg{Width: w, Height: ht})
}

// deliver gives the model one message, queues what it returns and checks
// the frame it draws next.
func (h *monkey) deliver(what string, msg tea.Msg) {
	h.trail = append(h.trail, what)
	if len(h.trail) > 40 {
		h.trail = h.trail[1:]
	}
	h.guard(what, func() {
		_, cmd := h.m.Update(msg)
		h.pending = append(h.pending, cmd)
	})
	h.guard("drawing after "+what, h.checkFrame)
}

// exec runs a command and delivers its message; batches and sequences are
// split into their commands, timers (spinner ticks, cursor blinks) are
// dropped so that nothing waits or loops, and a quit is ignored so the
// run goes on.
func (h *monkey) exec(c tea.Cmd) {
	if c == nil || isTimer(c) {
		return
	}
	var msg tea.Msg
	h.guard("a command", func() { msg = c() })
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
		return
	case tea.BatchMsg:
		h.pending = append(h.pending, msg...)
		return
	}
	if cmds, ok := sequence(msg); ok {
		h.pending = append(h.pending, cmds...)
		return
	}
	h.seen[messageKind(msg)]++
	h.deliver(fmt.Sprintf("%T", msg), msg)
}

// drain runs every command in flight, and those they return.
func (h *monkey) drain() {
	for n := 0; len(h.pending) > 0; n++ {
		if n > 10000 {
			h.t.Fatalf("commands did not settle after 10,000 messages; last actions:\n%s", strings.Join(h.trail, "\n"))
		}
		c := h.pending[0]
		h.pending = h.pending[1:]
		h.exec(c)
	}
}

// guard runs f and turns a panic into a test failure naming the step, the
// window and the actions before it.
func (h *monkey) guard(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			h.t.Fatalf("panic in %s at step %d (%d×%d, %s): %v\n%s\nlast actions:\n%s", what, h.step, h.w, h.h, h.where(), r, debug.Stack(), strings.Join(h.trail, "\n"))
		}
	}()
	f()
}

// where says which pane and mode the dashboard is in.
func (h *monkey) where() string {
	return fmt.Sprintf("tab %s, mode %d, suppliers screen %d", tabNames[h.m.tab], h.m.mode, h.m.suppliers.screen)
}

// checkFrame draws the frame and fails when it does not fit the window:
// more lines than rows, or a line wider than the columns.
func (h *monkey) checkFrame() {
	h.frames++
	frame := h.m.View().Content
	lines := strings.Split(frame, "\n")
	if len(lines) > h.h {
		h.t.Fatalf("step %d (%s): a %d×%d window got %d lines; last actions:\n%s\nframe:\n%s", h.step, h.where(), h.w, h.h, len(lines), strings.Join(h.trail, "\n"), ansi.Strip(frame))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > h.w {
			h.t.Fatalf("step %d (%s): line %d of a %d×%d window is %d wide: %q; last actions:\n%s\nframe:\n%s", h.step, h.where(), i+1, h.w, h.h, w, ansi.Strip(l), strings.Join(h.trail, "\n"), ansi.Strip(frame))
		}
	}
}

// messageKind sorts the messages into what the test wants to see happen.
func messageKind(msg tea.Msg) string {
	switch msg.(type) {
	case changedMsg, settingsSavedMsg:
		return "write"
	case queryMsg:
		return "query"
	}
	return fmt.Sprintf("%T", msg)
}

// Timer commands are closures of a few known functions: their code
// pointer tells them apart from the dashboard's own commands.
var timerCode = sync.OnceValue(func() []uintptr {
	tick := tea.Tick(time.Hour, func(time.Time) tea.Msg { return nil })
	every := tea.Every(time.Hour, func(time.Time) tea.Msg { return nil })
	c := cursor.New()
	c.SetMode(cursor.CursorBlink)
	blink := c.Focus()
	out := []uintptr{reflect.ValueOf(tick).Pointer(), reflect.ValueOf(every).Pointer()}
	if blink != nil {
		out = append(out, reflect.ValueOf(blink).Pointer())
	}
	return out
})

func isTimer(c tea.Cmd) bool { return slices.Contains(timerCode(), reflect.ValueOf(c).Pointer()) }

// sequence unpacks a tea.Sequence, whose message type is not exported.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// randomNumber is what a PM types into a number field, typos included.
func randomNumber(intn func(int) int) string {
	forms := []string{"%d", "%d", "%d,%03d", "%d.%d", "%d%%", "-%d", "%d,%d", "%da", "1%d000000000"}
	f := forms[intn(len(forms))]
	args := []any{intn(1000), intn(1000)}
	verbs := strings.Count(f, "%") - 2*strings.Count(f, "%%") // %03d is a verb too
	return fmt.Sprintf(f, args[:verbs]...)
}

// randomText is n runes a hurried or hostile user might type: digits and
// separators most often, letters, spaces, wide and combining characters,
// control characters and escape sequences.
func randomText(intn func(int) int, n int) string {
	pool := []string{"0123456789", "0123456789,.-%", "abcdefghijklmnopqrstuvwxyzAEIOUQ", " \t", "日本語ü€é", "\u0301\u200b\u202e", "\x1b\x07\x00\x7f"}
	var b strings.Builder
	for range n {
		set := []rune(pool[intn(len(pool))])
		b.WriteRune(set[intn(len(set))])
	}
	return b.String()
}

// boundKeys is every key the dashboard binds: the key map's, each pane's
// and the settings view's own bindings (handlers match no other:
// TestHandlersMatchBindingsNotStrings), so a new binding is exercised
// without editing this test; and the keys a user edits text with.
func boundKeys(t testing.TB) []string {
	t.Helper()
	set := map[string]bool{}
	km := reflect.ValueOf(DefaultKeys())
	for i := range km.NumField() {
		if b, ok := km.Field(i).Interface().(key.Binding); ok {
			for _, k := range b.Keys() {
				set[k] = true
			}
		}
	}
	m := New(Options{})
	own := reflect.ValueOf(m.settings.keys) // the settings view's
	for i := range own.NumField() {
		for _, k := range own.Field(i).Interface().(key.Binding).Keys() {
			set[k] = true
		}
	}
	for _, p := range m.panes { // each pane's own bindings
		for _, b := range p.ownKeys() {
			for _, k := range b.Keys() {
				set[k] = true
			}
		}
	}
	for _, k := range strings.Fields("enter esc tab shift+tab backspace delete up down left right pgup pgdown home end space ? / , y n q a u 0 1 2 3 4 5 6 7 8 9 ctrl+b ctrl+f") {
		set[k] = true
	}
	for _, must := range []string{"e", "o", "b", "m", "t", "R", "L", "M", "v", "x", "d", "s", "S", "g", "G"} {
		if !set[must] {
			t.Fatalf("key %q is in no binding: the harness would not press it", must)
		}
	}
	// ctrl+c quits for good (the harness ignores the quit, but the test
	// should spend its steps on keys that do something else)
	delete(set, "ctrl+c")
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// namedKeys are the key names Bubble Tea gives non-character keys.
var namedKeys = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
	"delete": tea.KeyDelete, "insert": tea.KeyInsert, "space": tea.KeySpace,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
}

// keyPress builds the key press whose String() is name: "G", "ctrl+b",
// "shift+tab", "enter". False for a text that is no key name.
func keyPress(name string) (tea.KeyPressMsg, bool) {
	var msg tea.KeyPressMsg
	rest := name
	for {
		switch {
		case strings.HasPrefix(rest, "ctrl+") && len(rest) > 5:
			msg.Mod |= tea.ModCtrl
			rest = rest[5:]
			continue
		case strings.HasPrefix(rest, "alt+") && len(rest) > 4:
			msg.Mod |= tea.ModAlt
			rest = rest[4:]
			continue
		case strings.HasPrefix(rest, "shift+") && len(rest) > 6:
			msg.Mod |= tea.ModShift
			rest = rest[6:]
			continue
		}
		break
	}
	if code, ok := namedKeys[rest]; ok {
		msg.Code = code
		if code == tea.KeySpace && msg.Mod == 0 {
			msg.Text = " "
		}
	} else {
		r := []rune(rest)
		if len(r) != 1 || r[0] < ' ' || r[0] == 0x7f {
			return msg, false
		}
		msg.Code = r[0]
		switch {
		case msg.Mod != 0:
		case r[0] >= 'A' && r[0] <= 'Z':
			msg.Code, msg.ShiftedCode, msg.Mod = r[0]+32, r[0], tea.ModShift
			msg.Text = rest
		default:
			msg.Text = rest
		}
	}
	return msg, msg.String() == name
}

func mustKey(name string) tea.KeyPressMsg {
	msg, ok := keyPress(name)
	if !ok {
		panic("no key " + name)
	}
	return msg
}

// randomCatalogue is a 300-SKU demo catalogue with its forecasts cached,
// written once per test process; each run works on a copy.
func randomCatalogue(t testing.TB) string {
	t.Helper()
	path, err := randomTemplate()
	if err != nil {
		t.Fatal(err)
	}
	return path
}

var randomTemplate = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "stockroom-random-ui-")
	if err != nil {
		return "", err
	}
	templateDir = dir
	path := filepath.Join(dir, "demo.db")
	ctx := context.Background()
	if err := demo.Create(ctx, path, demo.Options{SKUs: 300, Seed: 7}); err != nil {
		return "", err
	}
	st, err := store.Open(path)
	if err != nil {
		return "", err
	}
	_, err = planner.Refresh(ctx, st, planner.Options{}, nil)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return path, err
})

// templateDir is removed when the test binary ends (TestMain).
var templateDir string

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if templateDir != "" {
		os.RemoveAll(templateDir)
	}
	os.Exit(code)
}
