package ui

import (
	"fmt"
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// replayKeys are the Replay pane's own keys (tab 7).
type replayKeys struct {
	Run, Weeks, Warmup, Cancel, Open key.Binding
}

func defaultReplayKeys() replayKeys {
	return replayKeys{
		Run:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "run again")),
		Weeks:  key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "weeks")),
		Warmup: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "warm-up")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel replay")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "SKU on Stock")),
	}
}

func (p *replayPane) ownKeys() []key.Binding {
	k := p.keys
	return []key.Binding{k.Run, k.Weeks, k.Warmup, k.Cancel, k.Open}
}

// handleKey handles a key on the Replay tab: r runs the replay again, esc
// cancels a run, d and w change the window, x exports; the rest moves,
// filters and sorts the list of SKUs once there is one.
func (p *replayPane) handleKey(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.Run):
		if p.job != nil && p.job.req == p.request() {
			m.setInfo(fmt.Sprintf("The replay is running · %s cancels it", keyName(k.Cancel)))
			return nil
		}
		m.setInfo(replayStartText(p.request()))
		return m.startReplay()
	case key.Matches(msg, k.Weeks, k.Warmup):
		if key.Matches(msg, k.Weeks) {
			p.weeks = nextWeeks(p.weeks)
		} else {
			p.warmup = !p.warmup
		}
		m.setInfo(replayStartText(p.request()))
		return m.startReplay()
	case key.Matches(msg, k.Cancel) && p.job != nil:
		p.cancelRun()
		if p.res != nil {
			m.setInfo("Replay cancelled · the table shows the last replay")
		} else {
			m.setInfo(fmt.Sprintf("Replay cancelled · %s runs it", keyName(k.Run)))
		}
		return nil
	case key.Matches(msg, m.keys.Undo):
		m.setInfo("Nothing to undo: a replay changes nothing")
		return nil
	case key.Matches(msg, k.Open):
		// the SKU's plan today, on the Stock pane, with its detail
		if r, ok := p.table.current(); ok && p.view != nil && r >= 0 {
			sku := p.skus.SKU(r)
			return m.jumpTo(stockTab, sku.ProductID, sku.SKU)
		}
		return nil
	case key.Matches(msg, m.keys.Export):
		return m.exportReplay()
	}
	if p.view == nil {
		return nil
	}
	return m.tableKey(&p.pane, msg)
}

// hints: while a run goes on, esc cancels it, said in place of r.
func (p *replayPane) hints(m *Model) []key.Binding {
	k := m.keys
	first := p.keys.Run
	if p.job != nil {
		first = p.keys.Cancel
	}
	return append([]key.Binding{first, p.keys.Weeks, p.keys.Warmup, k.Sort, k.Filter, p.keys.Open,
		withDesc(k.Export, "export table+SKUs")}, k.closing()...)
}

func (p *replayPane) help(m *Model) string {
	k := p.keys
	return "Does following the suggestions deliver the service set? The catalogue is planned as it was 26 weeks ago and\n" +
		"the sales since are replayed day by day (lost sales, weekly reviews, lead times, rounding), next to two baselines\n" +
		"(min/max on 13 weeks, normal on 52 weeks), as stockroom simulate does. Per class: target and achieved cycle service\n" +
		"level (CSL: share of replenishment cycles without a lost sale), fill rate (units served ÷ demanded), a baseline's\n" +
		"fill at the tool's inventory, average inventory at cost, weeks of stock, orders and holding + ordering cost; below,\n" +
		fmt.Sprintf("the SKUs that lost the most units. It starts when the tab is first opened and runs in the background (%s cancels);\n", keyName(k.Cancel)) +
		fmt.Sprintf("%s runs it again (an edit or a settings change marks it stale), %s cycles 13/26/52 weeks, %s turns the 26-week\n",
			keyName(k.Run), keyName(k.Weeks), keyName(k.Warmup)) +
		fmt.Sprintf("warm-up off and on. %s opens a SKU on Stock. %s writes the table (as simulate --format csv) and the SKU\n",
			keyName(k.Open), keyName(m.keys.Export)) +
		"list as shown, two CSV files."
}

func (p *replayPane) body(m *Model, w, h int) string { return m.replayBody(w, h) }

func (p *replayPane) detail(*Model, rect, bool) string { return "" }

func (p *replayPane) rows() *pane { return &p.pane }

// replayStartText is the status line while a run asked for by a key
// goes on; its end replaces it (replayDone).
func replayStartText(req planner.ReplayRequest) string {
	return "Replaying " + replayWindowText(req) + "…"
}

// nextWeeks is the window after weeks in replayWeeks' cycle.
func nextWeeks(weeks int) int {
	for i, w := range replayWeeks {
		if w == weeks {
			return replayWeeks[(i+1)%len(replayWeeks)]
		}
	}
	return replayWeeks[0]
}

// exportReplay writes the table as `stockroom simulate --format csv` does
// and the list of SKUs as shown (filter and sort), two files.
func (m *Model) exportReplay() tea.Cmd {
	p := m.replay
	if p.res == nil {
		if p.job != nil {
			m.setInfo("Nothing to export yet: the replay is running")
		} else {
			m.setInfo("Nothing to export yet: " + keyName(p.keys.Run) + " runs the replay")
		}
		return nil
	}
	m.setInfo("Exporting…")
	return replayExportCmd(p.res, p.skus, p.query, m.opt.ExportDir, m.opt.Now())
}

// replayExportedMsg names the files an export of the Replay tab wrote.
type replayExportedMsg struct {
	table, list string
	lines, skus int
	err         error
}

func replayExportCmd(res *planner.Simulation, skus *planner.SimulationSKUView, q planner.Query, dir string, at time.Time) tea.Cmd {
	return func() tea.Msg {
		v := res.View()
		table, err := planner.ExportFile(dir, v, planner.Select(v, planner.Query{}), at)
		if err != nil {
			return replayExportedMsg{err: err}
		}
		msg := replayExportedMsg{table: table, lines: v.Len()}
		if skus == nil {
			return msg
		}
		rows := planner.Select(skus, q)
		msg.list, msg.err = planner.ExportFile(dir, skus, rows, at)
		msg.skus = len(rows)
		return msg
	}
}

func (m *Model) replayExported(msg replayExportedMsg) {
	switch {
	case msg.table == "":
		m.setError(fmt.Sprintf("export failed: %v", msg.err))
	case msg.err != nil:
		m.setError(fmt.Sprintf("Exported the replay table to %s; the SKU list failed: %v", msg.table, msg.err))
	case msg.list == "":
		m.setInfo(fmt.Sprintf("Exported the replay table (%s) to %s", count(msg.lines, "row"), msg.table))
	default:
		m.setInfo(fmt.Sprintf("Exported %s (%s) and %s (%s) to %s", filepath.Base(msg.table), count(msg.lines, "row"),
			filepath.Base(msg.list), count(msg.skus, "SKU"), filepath.Dir(msg.table)))
	}
	if p := m.replay; p.outdated && msg.table != "" {
		m.message += " · stale: " + keyName(p.keys.Run) + " runs it again"
	}
}
