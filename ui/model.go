// Package ui is the Bubble Tea dashboard. It renders planner views; it does
// no SQL and no heavy work in Update: loading, filtering, sorting, saving
// and exporting all run as commands whose results come back as messages.
package ui

import (
	"fmt"
	"io"
	"time"

	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// Options configure the dashboard.
type Options struct {
	Backend   Backend
	Source    string // the catalogue's path, shown in the tab bar
	ExportDir string // where x writes CSV files; default the current directory
	Now       func() time.Time
	// Trace, when set, receives one line with the time from Started to the
	// first frame that shows the catalogue ($STOCKROOM_TRACE names a file).
	Trace   io.Writer
	Started time.Time
}

type mode int

const (
	modeNormal mode = iota
	modeFilter
	modeEdit
	modeHelp
)

// Tabs in order; the number key of each is its position + 1.
var tabNames = []string{"Overview", "Stock", "Reorder", "Assortment", "Risk", "Suppliers"}

const stockTab = 1

// Model is the root model: it owns the layout and routes keys and messages
// to the panes, which are plain structs without their own Update.
type Model struct {
	opt    Options
	styles Styles
	keys   KeyMap

	width, height int
	tab           int

	snap    *planner.Snapshot
	loading bool
	loadErr error
	spin    spinner.Model

	stock   *stockPane
	detail  detailPane
	details map[int64]model.ProductDetail
	asked   map[int64]bool // detail lookups in flight

	mode    mode
	input   textinput.Model
	editing []int // view rows being edited

	message    string
	messageErr bool
	undo       [][]planner.ReorderPointChange
	saving     bool

	loadTook time.Duration
	traced   bool
	forecast forecastJob

	detailKey detailKey // the last detail drawing and what it showed
	detailOut string
}

// New builds the dashboard; Init starts loading the catalogue.
func New(opt Options) *Model {
	if opt.ExportDir == "" {
		opt.ExportDir = "."
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	m := &Model{
		opt:     opt,
		styles:  DefaultStyles(),
		keys:    DefaultKeys(),
		tab:     stockTab,
		loading: true,
		spin:    spinner.New(spinner.WithSpinner(spinner.Dot)),
		details: map[int64]model.ProductDetail{},
		asked:   map[int64]bool{},
	}
	m.stock = newStockPane(&m.styles)
	m.detail = detailPane{styles: &m.styles}
	m.input = textinput.New()
	m.input.Prompt = ""
	st := m.input.Styles()
	st.Cursor.Blink = false // a steady cursor: no timer messages while typing
	m.input.SetStyles(st)
	return m
}

// Init loads the catalogue in the background.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(loadCmd(m.opt.Backend), m.spin.Tick)
}

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case spinner.TickMsg:
		if !m.loading {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case loadedMsg:
		return m, m.loaded(msg)
	case queryMsg:
		return m, m.queried(msg)
	case detailMsg:
		delete(m.asked, msg.productID)
		if msg.err != nil {
			m.setError(fmt.Sprintf("detail: %v", msg.err))
			return m, nil
		}
		if len(m.details) > 4096 {
			clear(m.details) // bounded: a PM scrolling all day must not grow memory
		}
		m.details[msg.productID] = msg.detail
		return m, nil
	case savedMsg:
		return m, m.saved(msg)
	case forecastProgressMsg:
		return m, m.forecastProgress(msg)
	case forecastedMsg:
		return m, m.forecasted(msg)
	case forecastAppliedMsg:
		return m, m.forecastApplied(msg)
	case exportedMsg:
		if msg.err != nil {
			m.setError(fmt.Sprintf("export failed: %v", msg.err))
		} else {
			m.setInfo(fmt.Sprintf("Exported %s rows to %s", groupInt(int64(msg.rows)), msg.path))
		}
		return m, nil
	case tea.PasteMsg:
		if m.mode == modeFilter || m.mode == modeEdit {
			return m, m.updateInput(msg)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	if m.mode == modeFilter || m.mode == modeEdit {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg) // cursor blink
		return m, cmd
	}
	return m, nil
}

func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	m.loading = false
	m.loadTook = msg.took
	if msg.err != nil {
		m.loadErr = msg.err
		return nil
	}
	m.snap = msg.snap
	m.stock.setSnapshot(msg.snap, nil)
	m.layout()
	snap := msg.snap
	// after the first frame: search texts for the first /, and the
	// forecasts that are not current
	warm := func() tea.Msg { snap.WarmSearch(); return nil }
	return tea.Batch(m.runQuery(), warm, m.startForecasting(snap))
}

// runQuery sorts and filters in the background, after a load, a sort
// change or an edit that may reorder rows.
func (m *Model) runQuery() tea.Cmd {
	p := m.stock
	if p.snap == nil {
		return nil
	}
	p.gen++
	return queryCmd(p.gen, p.view, p.query, nil, nil)
}

// runFilter narrows from the rows shown when the filter only got longer.
func (m *Model) runFilter(prev string) tea.Cmd {
	p := m.stock
	if p.snap == nil {
		return nil
	}
	if p.sorted == nil || p.sortedBy != p.query.Sort || p.sortedDesc != p.query.Desc {
		return m.runQuery()
	}
	p.gen++
	var narrow []int
	if planner.Narrows(prev, p.query.Filter) {
		narrow = p.table.index
	}
	return queryCmd(p.gen, p.view, p.query, p.sorted, narrow)
}

func (m *Model) queried(msg queryMsg) tea.Cmd {
	p := m.stock
	if msg.gen != p.gen {
		return nil // a newer query is on its way
	}
	p.sorted, p.sortedBy, p.sortedDesc = msg.sorted, msg.sortedBy, msg.desc
	p.table.setIndex(msg.index)
	return m.wantDetail()
}

// wantDetail asks for the current row's locations and orders once.
func (m *Model) wantDetail() tea.Cmd {
	r := m.stock.currentRow()
	if r == nil {
		return nil
	}
	id := r.Item.Product.ID
	if _, ok := m.details[id]; ok || m.asked[id] {
		return nil
	}
	m.asked[id] = true
	return detailCmd(m.opt.Backend, id)
}

func (m *Model) setInfo(s string)  { m.message, m.messageErr = s, false }
func (m *Model) setError(s string) { m.message, m.messageErr = s, true }
