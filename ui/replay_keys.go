package ui

import (
	"fmt"
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// replayKey handles a key on the Replay tab: r runs the replay again, esc
// cancels a run, d and w change the window, x exports; the rest moves,
// filters and sorts the list of SKUs once there is one.
func (m *Model) replayKey(msg tea.KeyPressMsg) tea.Cmd {
	p := m.replay
	switch msg.String() {
	case "r":
		if p.job != nil && p.job.req == p.request() {
			m.setInfo("The replay is running · esc cancels it")
			return nil
		}
		m.setInfo(replayStartText(p.request()))
		return m.startReplay()
	case "d", "w":
		if msg.String() == "d" {
			p.weeks = nextWeeks(p.weeks)
		} else {
			p.warmup = !p.warmup
		}
		m.setInfo(replayStartText(p.request()))
		return m.startReplay()
	case "esc":
		if p.job != nil {
			p.cancelRun()
			if p.res != nil {
				m.setInfo("Replay cancelled · the table shows the last replay")
			} else {
				m.setInfo("Replay cancelled · r runs it")
			}
			return nil
		}
	case "u":
		m.setInfo("Nothing to undo: a replay changes nothing")
		return nil
	case "enter":
		// the SKU's plan today, on the Stock pane, with its detail
		if r, ok := p.table.current(); ok && p.view != nil && r >= 0 {
			k := p.skus.SKU(r)
			return m.jumpTo(stockTab, k.ProductID, k.SKU)
		}
		return nil
	}
	if key.Matches(msg, m.keys.Export) {
		return m.exportReplay()
	}
	if p.view == nil {
		return nil
	}
	return m.tableKey(&p.pane, msg)
}

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
			m.setInfo("Nothing to export yet: r runs the replay")
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
		m.message += " · stale: r runs it again"
	}
}
