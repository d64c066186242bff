package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"stockroom/model"
)

// Every tab is a pane, in tab order, and the root reaches each.
func TestEveryTabIsAPane(t *testing.T) {
	m := New(Options{})
	if len(m.panes) != len(tabNames) {
		t.Fatalf("%d panes for %d tabs", len(m.panes), len(tabNames))
	}
	for tab, p := range m.panes {
		if p == nil {
			t.Errorf("tab %d (%s) has no pane", tab+1, tabNames[tab])
		}
	}
}

// A pane's own key must reach it: none may be one the root takes before
// routing (quit, help, settings, switching tabs), and no two of one pane's
// own bindings may share a key.
func TestPaneKeysDoNotClash(t *testing.T) {
	m := New(Options{})
	k := m.keys
	root := map[string]string{}
	for name, b := range map[string]key.Binding{"Quit": k.Quit, "Help": k.Help, "Settings": k.Settings,
		"NextTab": k.NextTab, "PrevTab": k.PrevTab, "Tab": k.Tab} {
		for _, s := range b.Keys() {
			root[s] = name
		}
	}
	for tab, p := range m.panes {
		seen := map[string]string{}
		for _, b := range p.ownKeys() {
			if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s: a binding without keys or help: %+v", tabNames[tab], b.Help())
			}
			for _, s := range b.Keys() {
				if r, ok := root[s]; ok {
					t.Errorf("%s: %q (%s) is the root's %s key: the pane never sees it", tabNames[tab], s, b.Help().Desc, r)
				}
				if other, ok := seen[s]; ok {
					t.Errorf("%s: %q is bound to both %q and %q", tabNames[tab], s, other, b.Help().Desc)
				}
				seen[s] = b.Help().Desc
			}
		}
	}
}

// Every pane's own key is named somewhere the PM looks: its status-bar
// hints or the ? screen.
func TestEveryPaneKeyIsDocumented(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	help := ansi.Strip(m.helpScreen())
	for tab, p := range m.panes {
		var hints []string
		for _, b := range p.hints(m) {
			hints = append(hints, b.Help().Key+" "+b.Help().Desc)
		}
		shown := strings.Join(hints, "  ")
		if !strings.HasSuffix(shown, "? help") && !strings.HasSuffix(shown, "q quit") {
			t.Errorf("%s: the hints do not end with help or quit: %s", tabNames[tab], shown)
		}
		for _, b := range p.ownKeys() {
			name := keyName(b)
			if !strings.Contains(shown, name) && !strings.Contains(help, name+" ") {
				t.Errorf("%s: %s (%s) is neither in the hints nor on the help screen", tabNames[tab], name, b.Help().Desc)
			}
		}
	}
}

// The hints, the help screen and the handler all read the one binding:
// rebinding a pane key changes all three (issue 12 makes keys rebindable).
func TestRebindingAPaneKeyChangesHandlerHintsAndHelp(t *testing.T) {
	m, _ := openTestModel(t, 160, 45)
	m.reorder.keys.LeadTime = key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "lead time"))
	press(t, m, "3")
	if bar := lastLine(screen(m)); !strings.Contains(bar, "T/c/M/v/r lead/case/MOQ/svc/round") {
		t.Errorf("the hint should name the new key: %q", bar)
	}
	if help := ansi.Strip(m.helpScreen()); !strings.Contains(help, "· T lead time ·") || strings.Contains(help, "L lead time") {
		t.Errorf("the help screen should name the new key, not the old one:\n%s", help)
	}
	press(t, m, "L")
	if m.mode == modeEdit {
		t.Fatal("L still opens the lead-time editor after rebinding it to T")
	}
	press(t, m, "T")
	if m.mode != modeEdit || m.field != model.FieldLeadTime {
		t.Fatalf("T should open the lead-time editor: mode %d, field %q", m.mode, m.field)
	}
	press(t, m, "esc")

	m.replay.keys.Weeks = key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "weeks"))
	press(t, m, "7")
	if bar := lastLine(screen(m)); !strings.Contains(bar, "W weeks") {
		t.Errorf("the replay hint should name W: %q", bar)
	}
	before := m.replay.weeks
	press(t, m, "W")
	if m.replay.weeks == before {
		t.Error("W should change the replay's weeks")
	}
}

// The root finds a pane's optional parts by type assertion, which fails
// silently: a pane that lost its layout would keep a table of the wrong
// size, one that lost its skuPane part would show no detail. Each pane
// has exactly the parts it had when the root branched on the tab.
func TestOptionalPartsOfThePanes(t *testing.T) {
	m := New(Options{})
	want := map[int][]string{
		overviewTab:   {"summaryPane", "readyPane"},
		stockTab:      {"skuPane", "cellEditorPane", "layoutPane"},
		reorderTab:    {"skuPane", "cellEditorPane", "layoutPane", "queryPane"},
		assortmentTab: {"summaryPane", "layoutPane"},
		riskTab:       {"skuPane", "cellEditorPane", "layoutPane", "positionPane", "summaryPane"},
		suppliersTab:  {"layoutPane", "queryPane"},
		replayTab:     {},
	}
	parts := map[string]reflect.Type{
		"skuPane":        reflect.TypeFor[skuPane](),
		"summaryPane":    reflect.TypeFor[summaryPane](),
		"cellEditorPane": reflect.TypeFor[cellEditorPane](),
		"positionPane":   reflect.TypeFor[positionPane](),
		"readyPane":      reflect.TypeFor[readyPane](),
		"layoutPane":     reflect.TypeFor[layoutPane](),
		"queryPane":      reflect.TypeFor[queryPane](),
	}
	for tab, p := range m.panes {
		has := map[string]bool{}
		for name, typ := range parts {
			has[name] = reflect.TypeOf(p).Implements(typ)
		}
		for _, name := range want[tab] {
			if !has[name] {
				t.Errorf("%s should be a %s", tabNames[tab], name)
			}
			delete(has, name)
		}
		for name, ok := range has {
			if ok {
				t.Errorf("%s is a %s, unexpected: a root model routing to it would change behaviour", tabNames[tab], name)
			}
		}
	}
}

// Handlers match keys through their bindings: a key compared as a raw
// string would not follow a rebinding, nor show in the hints or help.
func TestHandlersMatchBindingsNotStrings(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	raw := regexp.MustCompile(`msg\.String\(\)\s*(==|!=)|switch\s+msg\.String\(\)|key\s*==\s*"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if raw.MatchString(line) {
				t.Errorf("%s:%d compares a key as a string: %s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
}
