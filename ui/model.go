// Package ui is the Bubble Tea dashboard. It renders planner views; it does
// no SQL and no heavy work in Update: loading, filtering, sorting, saving
// and exporting all run as commands whose results come back as messages.
package ui

import (
	"fmt"
	"io"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

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
	// first frame that shows the catalogue ($STOCKROOM_TRACE names a file),
	// then one line per key with its time to the screen (ui/keytrace.go;
	// the program must write through Model.Output).
	Trace   io.Writer
	Started time.Time
	// FirstFrame, when set, is called once the first frame that shows the
	// catalogue is drawn.
	FirstFrame func()
	// WatchEvery is how often to look for other processes' changes
	// (DefaultWatchEvery); 0 never looks by itself (tests call checkOutside).
	WatchEvery time.Duration
	// ReadOnly, when set, says why the catalogue is open read-only ("the
	// directory … is not writable"): the dashboard says so and refuses
	// every change (ui/readonly.go).
	ReadOnly string
}

type mode int

const (
	modeNormal mode = iota
	modeFilter
	modeEdit
	modeHelp
	modeSettings // the settings view (ui/settings.go)
)

// Tabs in order; the number key of each is its position + 1.
var tabNames = []string{"Overview", "Stock", "Reorder", "Assortment", "Risk", "Suppliers", "Replay"}

// Tab positions.
const (
	overviewTab = iota
	stockTab
	reorderTab
	assortmentTab
	riskTab
	suppliersTab
	replayTab
)

// Model is the root model: it owns the layout, the editors, questions and
// saves, and routes keys and drawing to the pane on screen (tabPane,
// ui/panes.go) and background results to the pane they are for.
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

	overview   *overviewPane
	stock      *stockPane
	reorder    *reorderPane
	assortment *assortmentPane
	risk       *riskPane
	suppliers  *suppliersPane
	replay     *replayPane
	// panes are the tabs in order, the ones above behind the pane
	// interface (ui/panes.go): the root routes keys and drawing to them
	panes []tabPane
	// jump is a SKU to put the cursor on once its pane has rows (from the
	// overview's lists)
	jump    *jumpTarget
	detail  detailPane
	details map[int64]model.ProductDetail
	asked   map[int64]bool // detail lookups in flight

	mode mode
	// helpOffset is the first line of the help screen shown
	helpOffset int
	input      cellInput // the filter and every editor (ui/cell_input.go)
	// editIDs are the SKUs a pane editor edits (ui/edit_targets.go), and
	// editHidden how many of them the filter hides
	editIDs    []int64
	editHidden int
	editLine   int // the purchase-order line being edited, by its index
	// field is what the editor edits: a policy field (the reorder point on
	// the Stock pane, the others on the Reorder pane), or one of the
	// editor-only fields (fieldWhatIf, fieldPOQty, fieldPOReceive)
	field model.PolicyField
	// confirm is the question on screen, waiting for y (a purchase-order
	// action, an implausible value typed in an editor, another process's
	// change to save over, quitting); asking are the questions waiting
	// their turn behind it, and answered what the last answer did
	// (ui/questions.go)
	confirm  *confirmation
	asking   []*confirmation
	answered string

	message    string
	messageErr bool
	// keepMessage: the message says why the PM's last action did nothing;
	// a reload of others' changes does not replace it before the next key
	keepMessage bool
	// pinned is a result the PM must see, until the next key: what a no
	// to a question left unsaved, a refusal
	pinned string
	undo   []undoStep
	saving bool
	// queue holds saves asked for while another was running, oldest first
	// (ui/queue.go); ownLog the values this dashboard's saves wrote while
	// a later save waited (in the queue, or behind a question)
	queue  []queuedSave
	ownLog []model.PolicyChange
	// ownSettings are the settings this dashboard's saves wrote while a
	// later settings save waited, oldest first
	ownSettings []map[string]string
	// lockWaiting: the save in flight waits for another process to finish
	// writing the catalogue
	lockWaiting bool
	// quitSignalled: a signal asked the dashboard to end (QuitSignalMsg)
	quitSignalled bool
	// ownWrites counts this dashboard's saves that re-read rows; a reload
	// of others' changes read before one of them is read again
	ownWrites int
	// outside is what the dashboard knows of other processes' changes
	outside outsideState

	loadTook     time.Duration
	traced       bool // the first frame with rows was drawn
	traceWritten bool
	keyTrace     *keyTrace // set with Options.Trace (ui/keytrace.go)
	// viewsAfterFirstQuery: the reorder and suppliers views are built once
	// the first sorted rows have arrived
	viewsAfterFirstQuery bool
	forecast             forecastJob
	lastKey              time.Time // when the last key came, for typingPause

	detailKey detailKey // the last detail drawing and what it showed
	detailOut string

	settings settingsView // the settings view's cursor, editor and undo
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
		tab:     overviewTab,
		loading: true,
		spin:    spinner.New(spinner.WithSpinner(spinner.Dot)),
		details: map[int64]model.ProductDetail{},
		asked:   map[int64]bool{},
	}
	m.overview = &overviewPane{styles: &m.styles, keys: defaultOverviewKeys()}
	m.stock = newStockPane(&m.styles)
	m.reorder = newReorderPane(&m.styles)
	m.assortment = newAssortmentPane(&m.styles)
	m.risk = newRiskPane(&m.styles)
	m.suppliers = newSuppliersPane(&m.styles)
	m.replay = newReplayPane(&m.styles)
	m.panes = []tabPane{overviewTab: m.overview, stockTab: m.stock, reorderTab: m.reorder,
		assortmentTab: m.assortment, riskTab: m.risk, suppliersTab: m.suppliers, replayTab: m.replay}
	m.detail = detailPane{styles: &m.styles, keys: &m.keys}
	m.input = newCellInput()
	m.settings.keys = defaultSettingsKeys()
	if opt.Trace != nil {
		m.keyTrace = &keyTrace{w: opt.Trace}
	}
	return m
}

// Init loads the catalogue in the background.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(loadCmd(m.opt.Backend), m.spin.Tick)
}

// Update handles one message; then the next queued save starts if none is
// running (ui/queue.go), and, if the dashboard is idle, what other
// processes changed meanwhile is read (ui/outside.go).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(QuitSignalMsg); ok {
		m.quitSignalled = true
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		m.traceKey(k.String())
		m.lastKey = m.opt.Now()
	}
	_, cmd := m.update(msg)
	m.nextQuestion()
	m.answered = ""
	if next := m.nextQueued(); next != nil {
		cmd = tea.Batch(cmd, next)
	}
	// a signal quits once every save asked for has landed; the quit
	// question, once nothing it would lose is left
	if (m.quitSignalled && !m.saving) || m.quitDone() {
		return m, tea.Quit
	}
	if next := m.nextOutside(); next != nil {
		cmd = tea.Batch(cmd, next)
	}
	if next := m.landWaiting(); next != nil {
		cmd = tea.Batch(cmd, next)
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.ColorProfileMsg:
		noColor := msg.Profile == colorprofile.NoTTY || msg.Profile == colorprofile.ASCII
		if noColor != m.styles.NoColor {
			m.styles.NoColor = noColor
			m.detailOut = "" // the chart is drawn again with its glyphs
		}
		return m, nil
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
	case changedMsg:
		return m, m.changed(msg)
	case settingsSavedMsg:
		return m, m.settingsSaved(msg)
	case settingsPlannedMsg:
		return m, m.settingsPlanned(msg)
	case lockWaitMsg:
		return m, m.waitingForLock(msg)
	case outsideMsg:
		return m, m.outsideFound(msg)
	case outsideReadMsg:
		return m, m.outsideRead(msg)
	case viewsMsg:
		if msg.snap != m.snap {
			return m, nil // a newer snapshot brings its own views
		}
		return m, tea.Batch(m.showViews(msg.views), m.wantDetail())
	case overviewMsg:
		if msg.snap == m.snap {
			m.overview.show(msg.snap, msg.ov)
		}
		return m, nil
	case riskViewMsg:
		if msg.snap != m.snap {
			return m, nil
		}
		m.risk.setView(msg.rv)
		m.risk.builtFrom(msg.snap)
		return m, tea.Batch(m.freshen(), m.wantDetail())
	case assortmentViewMsg:
		if msg.snap != m.snap || msg.av.By != m.assortment.by {
			return m, nil // a newer snapshot or breakdown is on its way
		}
		m.assortment.setView(msg.av)
		m.assortment.builtFrom(msg.snap)
		return m, m.freshen()
	case ordersMsg:
		return m, m.ordersLoaded(msg)
	case orderMsg:
		return m, m.orderLoaded(msg)
	case forecastProgressMsg:
		return m, m.forecastProgress(msg)
	case typingPausedMsg:
		m.forecast.pauseCheck = false // the hook after Update lands what waits
	case forecastStepMsg:
		return m, m.forecastStep(msg)
	case forecastedMsg:
		return m, m.forecasted(msg)
	case forecastAppliedMsg:
		return m, m.forecastApplied(msg)
	case replayTickMsg:
		return m, m.replayTicked(msg)
	case replayDoneMsg:
		return m, m.replayDone(msg)
	case replayExportedMsg:
		m.replayExported(msg)
		return m, nil
	case exportedMsg:
		if msg.err != nil {
			m.setError(fmt.Sprintf("export failed: %v", msg.err))
		} else {
			m.setInfo(fmt.Sprintf("Exported %s to %s", count(msg.rows, "row"), msg.path))
		}
		return m, nil
	case tea.PasteMsg:
		if m.tooSmall() {
			return m, nil // nothing to paste into: the too-small page is shown
		}
		if m.confirm != nil {
			return m, nil // the question is about what was typed: a paste must not change it unseen
		}
		if m.mode == modeFilter || m.mode == modeEdit || (m.mode == modeSettings && m.settings.editing) {
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
	m.layout()
	snap := msg.snap
	m.overview.show(snap, msg.overview)
	// after the first frame: search texts for the first /, and the
	// forecasts that are not current
	warm := func() tea.Msg { snap.WarmSearch(); return nil }
	// the pane on screen first: opening on the stock pane, the other views
	// follow its first sort, so they do not compete with it for the cores
	m.viewsAfterFirstQuery = m.onScreen(m.stock)
	return tea.Batch(m.setSnapshot(snap, nil, nil), warm, m.startForecasting(snap), m.watchCmd())
}

// setSnapshot shows a new snapshot: the stock pane redraws the changed
// rows (nil = all); the reorder and suppliers views come built by the
// command that made the snapshot, or, given nil, are built in one (at the
// first start only once the stock pane has its rows). The pane on screen
// sorts and filters now; the others when shown, so an edit on one pane
// does not wait for a re-sort of 100,000 rows in another.
func (m *Model) setSnapshot(s *planner.Snapshot, changed []int, views *paneViews) tea.Cmd {
	m.snap = s
	m.stock.setSnapshot(s, changed)
	m.stock.stale = true
	return tea.Batch(m.summaryCmd(), m.showSnapshotViews(s, views))
}

// showSnapshotViews shows the reorder and suppliers views that came with a
// snapshot, or builds them.
func (m *Model) showSnapshotViews(s *planner.Snapshot, views *paneViews) tea.Cmd {
	switch {
	case views != nil:
		return m.showViews(views)
	case m.viewsAfterFirstQuery:
		return m.freshen()
	}
	return tea.Batch(m.freshen(), viewsCmd(s))
}

// showViews puts the reorder and suppliers views of the current snapshot
// in their panes.
func (m *Model) showViews(v *paneViews) tea.Cmd {
	m.reorder.setSnapshot(m.snap, v.reorder)
	m.suppliers.setSnapshot(v.suppliers)
	m.reorder.stale, m.suppliers.list.stale = true, true
	return m.freshen()
}

// freshen re-sorts and re-filters the pane on screen if its view changed
// since it was last queried.
func (m *Model) freshen() tea.Cmd {
	p := m.active()
	if p == nil || !p.stale {
		return nil
	}
	p.stale = false
	return p.runQuery()
}

func (m *Model) queried(msg queryMsg) tea.Cmd {
	p := m.paneOf(msg.tab)
	qp, routed := m.panes[msg.tab].(queryPane)
	if routed {
		p = qp.paneFor(msg)
	}
	if p == nil || !p.queried(msg) {
		return nil // a newer query is on its way
	}
	if routed {
		qp.settled()
	}
	p.settle()
	if msg.tab == m.tab {
		m.landJump()
	}
	if m.viewsAfterFirstQuery {
		// the first frame is drawn: now the other panes' views, which would
		// otherwise compete with its sort for the cores
		m.viewsAfterFirstQuery = false
		return tea.Batch(m.wantDetail(), viewsCmd(m.snap))
	}
	return m.wantDetail()
}

// currentRow is the SKU under the cursor of a pane that shows SKUs.
func (m *Model) currentRow() *planner.Row {
	if p, ok := m.current().(skuPane); ok {
		return p.currentRow()
	}
	return nil
}

// wantDetail asks for the current row's locations and orders once.
func (m *Model) wantDetail() tea.Cmd {
	r := m.currentRow()
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

// setInfo and setError show a message; after a result pinned until the
// next key (a "Not saved" answer, a refusal), joined to it.
func (m *Model) setInfo(s string)  { m.message, m.messageErr = m.afterPinned(s), false }
func (m *Model) setError(s string) { m.message, m.messageErr = m.afterPinned(s), true }

func (m *Model) afterPinned(s string) string {
	if m.pinned == "" || s == "" || s == m.pinned {
		return s
	}
	return m.pinned + " · " + s
}

// pin keeps the message in sight until the next key: later messages
// (a queued save landing) join it instead of replacing it.
func (m *Model) pin() { m.pinned = m.message }
