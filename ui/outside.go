package ui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// The dashboard notices what other processes commit — `stockroom set`, an
// import, another dashboard — by asking the backend once a second while
// idle (one cheap query while nothing happens), and reads again what they
// changed: the SKUs their audit rows name, or, after a settings change, an
// import or a write without audit rows, the whole catalogue in the
// background, the way it loads. The status bar says what changed and by
// whom. While the PM edits, confirms or saves, nothing is asked or applied:
// a reload would move the rows under the editor; the compare-and-set of
// the save catches what changed meanwhile.

// DefaultWatchEvery is how often the dashboard looks for other processes'
// changes.
const DefaultWatchEvery = time.Second

type outsideTickMsg struct{}

// outsideMsg is what the backend reported.
type outsideMsg struct {
	o   planner.Outside
	err error
}

// outsideReadMsg brings what others changed, read again: some SKUs planned
// again on base (next), or the whole catalogue loaded again (loaded).
type outsideReadMsg struct {
	o        planner.Outside
	own      int // ownWrites when it was read
	base     *planner.Snapshot
	next     *planner.Snapshot
	rows     []int
	reloaded planner.Reloaded
	loaded   bool
	views    *paneViews
	err      error
}

// watchTick schedules the next look, unless the dashboard was built
// without watching (tests drive checkOutside themselves).
func (m *Model) watchTick() tea.Cmd {
	if m.opt.WatchEvery <= 0 {
		return nil
	}
	return tea.Tick(m.opt.WatchEvery, func(time.Time) tea.Msg { return outsideTickMsg{} })
}

// idle says nothing is open or in flight that a reload would disturb.
func (m *Model) idle() bool {
	return m.snap != nil && !m.loading && !m.saving && m.confirm == nil &&
		m.mode != modeEdit && m.mode != modeFilter && !(m.mode == modeSettings && m.settings.editing)
}

// checkOutside looks for other processes' changes, when idle: a held
// result first, else the backend.
func (m *Model) checkOutside() tea.Cmd {
	if !m.idle() {
		return m.watchTick()
	}
	if held := m.outsideHeld; held != nil {
		m.outsideHeld = nil
		return m.outsideRead(*held)
	}
	b := m.opt.Backend
	return func() tea.Msg {
		o, err := b.Outside(context.Background())
		return outsideMsg{o, err}
	}
}

// outsideFound reads again what others changed. A full reload waits for
// forecasts running now: they would land on a snapshot without them.
func (m *Model) outsideFound(msg outsideMsg) tea.Cmd {
	if msg.err != nil {
		m.setError(fmt.Sprintf("Could not look for other processes' changes: %v", msg.err))
		return m.watchTick()
	}
	o := msg.o
	if !o.Any {
		return m.watchTick()
	}
	if o.Everything && m.forecast.running {
		m.outsideHeld = &outsideReadMsg{o: o, own: -1} // read when the forecasts are in
		m.setInfo(o.Note + " · reloading once the forecasts are done")
		return m.watchTick()
	}
	return m.readOutside(o)
}

// readOutside reads the SKUs, or the catalogue, that others changed.
func (m *Model) readOutside(o planner.Outside) tea.Cmd {
	b, base, own := m.opt.Backend, m.snap, m.ownWrites
	if o.Everything {
		m.setInfo(o.Note + " · reloading…")
		return func() tea.Msg {
			snap, err := b.Load(context.Background())
			if err != nil {
				return outsideReadMsg{o: o, own: own, err: err}
			}
			snap.WarmSearch()
			return outsideReadMsg{o: o, own: own, loaded: true, next: snap, views: buildViews(snap)}
		}
	}
	return func() tea.Msg {
		r, err := b.Reload(context.Background(), o.ProductIDs, base.AsOf, o.Orders)
		if err != nil {
			return outsideReadMsg{o: o, own: own, err: err}
		}
		next, rows := base.WithItems(r.Items, r.Activity)
		return outsideReadMsg{o: o, own: own, base: base, next: next, rows: rows, reloaded: r, views: buildViews(next)}
	}
}

// outsideRead shows what others changed, if nothing moved on meanwhile:
// while the PM edits it is held for the next idle moment, and rows read
// before one of this dashboard's own saves landed are read again.
func (m *Model) outsideRead(msg outsideReadMsg) tea.Cmd {
	if msg.err != nil {
		m.setError(fmt.Sprintf("%s, but reading it failed: %v", msg.o.Note, msg.err))
		return m.watchTick()
	}
	if !m.idle() || (msg.o.Everything && m.forecast.running) {
		m.outsideHeld = &msg
		return m.watchTick()
	}
	if msg.own != m.ownWrites {
		return m.readOutside(msg.o)
	}
	if msg.loaded {
		m.setInfo(msg.o.Note + " · reloaded")
		cmds := []tea.Cmd{m.setSnapshot(msg.next, nil, msg.views), m.wantDetail(), m.watchTick()}
		if !m.forecast.running {
			cmds = append(cmds, m.startForecasting(msg.next))
		}
		return tea.Batch(cmds...)
	}
	show := m.landed(msg.base, msg.next, msg.rows, msg.views, func(s *planner.Snapshot) (*planner.Snapshot, []int) {
		return s.WithItems(msg.reloaded.Items, msg.reloaded.Activity)
	})
	clear(m.details) // stock by location and open orders may have changed too
	m.setInfo(msg.o.Note + " · reloaded")
	cmds := []tea.Cmd{show, m.wantDetail(), m.watchTick()}
	if msg.o.Orders {
		cmds = append(cmds, m.suppliers.refresh(m.opt.Backend))
	}
	return tea.Batch(cmds...)
}
