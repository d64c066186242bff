package ui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// The dashboard notices what other processes commit — `stockroom set`, an
// import, another dashboard — by asking the backend once a second (one
// cheap query while nothing happens) in a command that returns only when
// something changed, so an idle dashboard gets no message and draws
// nothing. It then reads again what they changed: the SKUs their audit
// rows name, or, after a settings change, an import or a write without
// audit rows, the whole catalogue in the background, the way it loads. The
// status bar says what changed and by whom. While the PM edits, filters,
// confirms or saves, what was found waits: a reload would move the rows
// under the editor, and the save's compare-and-set catches what changed
// meanwhile.

// DefaultWatchEvery is how often the dashboard looks for other processes'
// changes.
const DefaultWatchEvery = time.Second

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

// outsideState is what the dashboard knows of others' changes.
type outsideState struct {
	pending *planner.Outside // found, not read yet
	reading bool             // a read is in flight
	held    *outsideReadMsg  // read while the PM was busy
	// ownResult is the outcome of this dashboard's last save until the
	// next key: others' changes read meanwhile are told after it, not
	// instead of it
	ownResult string
	// shown are others' changes a conflict has shown the PM (in a
	// question, or a refusal): the watch may report them later, and
	// they are no news then, whatever the answer (ui/outside_shown.go)
	shown []model.Conflict
}

// watchCmd waits for other processes' changes, asking every WatchEvery,
// and returns once there are some (or asking failed); none when the
// dashboard was built without watching (tests call checkOutside).
func (m *Model) watchCmd() tea.Cmd {
	every, b := m.opt.WatchEvery, m.opt.Backend
	if every <= 0 {
		return nil
	}
	return func() tea.Msg {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for range tick.C {
			if o, err := b.Outside(context.Background()); err != nil || o.Any {
				return outsideMsg{o, err}
			}
		}
		return nil
	}
}

// checkOutside asks the backend once.
func (m *Model) checkOutside() tea.Cmd {
	b := m.opt.Backend
	return func() tea.Msg {
		o, err := b.Outside(context.Background())
		return outsideMsg{o, err}
	}
}

// idle says nothing is open or in flight that a reload would disturb.
func (m *Model) idle() bool {
	return m.snap != nil && !m.loading && !m.saving && len(m.queue) == 0 && m.confirm == nil && len(m.asking) == 0 && !m.typing()
}

// outsideFound notes what the backend reported and watches on; Update
// reads it once the dashboard is idle (nextOutside).
func (m *Model) outsideFound(msg outsideMsg) tea.Cmd {
	if msg.err != nil {
		m.setError(fmt.Sprintf("Could not look for other processes' changes: %v", msg.err))
	} else if o := msg.o.Without(m.wasShown); o.Any {
		msg.o = o
		m.outside.pending = mergeOutside(m.outside.pending, msg.o)
		if msg.o.Everything && m.forecast.running && m.idle() {
			m.sayOutside(m.outsideNote(msg.o) + " · reloading once the forecasts running now are done")
		}
	}
	return m.watchCmd()
}

// mergeOutside adds b to what is pending.
func mergeOutside(a *planner.Outside, b planner.Outside) *planner.Outside {
	if a == nil {
		return &b
	}
	o := a.Merge(b)
	return &o
}

// sayOutside shows what others changed: after the result of this
// dashboard's own save when the PM has not pressed a key since, so a
// change read as the save lands cannot hide whether it was saved.
func (m *Model) sayOutside(note string) {
	if own := m.outside.ownResult; own != "" {
		m.message = own + " · " + note
		return
	}
	m.setInfo(note)
}

// ownInfo shows the result of the PM's key: others' changes read before
// the next key (held while the editor was open, say) follow it.
func (m *Model) ownInfo(s string) {
	m.setInfo(s)
	m.outside.ownResult = m.message
}

// savedOwn notes the outcome of one of this dashboard's saves, and drops
// from what others changed what the save wrote over, or what a conflict
// has just shown (seen): read before the save, those rows are no news.
func (m *Model) savedOwn(result string, seen func(model.AuditEntry) bool) {
	m.outside.ownResult = result
	if seen == nil {
		return
	}
	s := &m.outside
	if s.pending != nil {
		if o := s.pending.Without(seen); o.Any {
			s.pending = &o
		} else {
			s.pending = nil
		}
	}
	if s.held != nil {
		if o := s.held.o.Without(seen); o.Any {
			s.held.o = o
		} else {
			s.held = nil
		}
	}
}

// nextOutside shows or reads what others changed, when the dashboard is
// idle and nothing is being read. A full reload waits for forecasts
// running now: they would land on a snapshot without them.
func (m *Model) nextOutside() tea.Cmd {
	s := &m.outside
	if s.reading || !m.idle() {
		return nil
	}
	if held := s.held; held != nil && !(held.o.Everything && m.forecast.running) {
		s.held = nil
		return m.outsideRead(*held)
	}
	if p := s.pending; p != nil && !(p.Everything && m.forecast.running) {
		s.pending = nil
		return m.readOutside(*p)
	}
	return nil
}

// readOutside reads the SKUs, or the catalogue, that others changed.
func (m *Model) readOutside(o planner.Outside) tea.Cmd {
	b, base, own := m.opt.Backend, m.snap, m.ownWrites
	m.outside.reading = true
	if o.Everything {
		m.sayOutside(m.outsideNote(o) + " · reloading…")
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
// while the PM is busy it is held for the next idle moment, and rows read
// before one of this dashboard's own saves landed are read again.
func (m *Model) outsideRead(msg outsideReadMsg) tea.Cmd {
	m.outside.reading = false
	if msg.err != nil {
		m.setError(fmt.Sprintf("%s, but reading it failed: %v", m.outsideNote(msg.o), msg.err))
		return nil
	}
	if !m.idle() || (msg.o.Everything && m.forecast.running) {
		m.outside.held = &msg
		return nil
	}
	if msg.own != m.ownWrites {
		return m.readOutside(*mergeOutside(m.outside.pending, msg.o))
	}
	// a change a conflict showed while this was read is no news, though
	// the rows read are shown all the same
	news := msg.o.Without(m.wasShown)
	if news.Any && !m.keepMessage { // a refusal of the PM's last action stays in view
		m.sayOutside(m.outsideNote(news) + " · reloaded")
	}
	if msg.o.Any {
		m.replayOutdated("another process changed the catalogue")
	}
	if msg.loaded {
		cmds := []tea.Cmd{m.setSnapshot(msg.next, nil, msg.views), m.wantDetail()}
		if !m.forecast.running {
			cmds = append(cmds, m.startForecasting(msg.next))
		}
		return tea.Batch(cmds...)
	}
	show := m.landed(msg.base, msg.next, msg.rows, msg.views, func(s *planner.Snapshot) (*planner.Snapshot, []int) {
		return s.WithItems(msg.reloaded.Items, msg.reloaded.Activity)
	})
	clear(m.details) // stock by location and open orders may have changed too
	cmds := []tea.Cmd{show, m.wantDetail()}
	if msg.o.Orders {
		cmds = append(cmds, m.suppliers.refresh(m.opt.Backend))
	}
	return tea.Batch(cmds...)
}
