package ui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/lipgloss/v2"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/sim"
)

// replayBody draws the Replay tab: what was replayed and how to read it,
// the table per class and policy, and the SKUs that lost the most demand.
func (m *Model) replayBody(w, h int) string {
	p, s := m.replay, m.styles
	if p.res == nil {
		return center(m.replayWaiting(), w, h)
	}
	var lines []string
	lines = append(lines, fit(m.replayHeadline(w), w, false))
	legend := "CSL: share of replenishment cycles (arrival to arrival) without a lost sale · fill: units served ÷ demanded · " +
		"fill@tool: a baseline's fill at the tool's average inventory"
	for _, shorter := range []string{
		"CSL: cycles without a lost sale · fill: units served ÷ demanded · fill@tool: a baseline at the tool's stock",
		"CSL: cycles without lost sale · fill: served ÷ demanded · fill@tool: baseline at tool's stock",
	} {
		if width(legend) > w {
			legend = shorter
		}
	}
	lines = append(lines, s.Dim.Render(fit(legend, w, false)))
	if note := m.replayNote(); note != "" {
		lines = append(lines, fit(note, w, false))
	}
	lines = append(lines, replayTable(p.res, w, &s, keyName(p.keys.Weeks))...)
	list := h - len(lines) - 1 // the list's title line
	if list < 3 || p.skus == nil {
		return clip(strings.Join(lines, "\n"), w, h)
	}
	title := fmt.Sprintf("SKUs by units lost under the tool's policy as planned on %s", p.res.AsOf)
	if width(title) > w {
		title = "SKUs by units lost under the tool's policy"
	}
	lines = append(lines, s.Title.Render(fit(title, w, false)))
	p.table.resize(w, list)
	return strings.Join(lines, "\n") + "\n" + p.table.render(&m.styles)
}

// replayHeadline says what the table replays: the as-of day, the window,
// the warm-up, the SKUs.
func (m *Model) replayHeadline(w int) string {
	p := m.replay
	res := p.res
	span := count(res.Days/7, "week")
	if res.Days%7 != 0 {
		span = count(res.Days, "day")
	}
	warm := "no warm-up"
	if res.Warmup > 0 {
		warm = count(res.Warmup/7, "week") + " warm-up"
	}
	var left []string // SKUs not replayed
	if res.Skipped > 0 {
		left = append(left, model.GroupThousands(int64(res.Skipped))+" discontinued")
	}
	if res.Unlaunched > 0 {
		left = append(left, model.GroupThousands(int64(res.Unlaunched))+" launched after it")
	}
	notReplayed := ""
	if len(left) > 0 {
		notReplayed = " · " + strings.Join(left, ", ") + ", not replayed"
	}
	took := fmt.Sprintf(" · took %.1f s", p.took.Seconds())
	line := fmt.Sprintf("Replay as of %s · %s, %s to %s · %s · %s, lost sales",
		res.AsOf, span, res.AsOf+1, res.AsOf+model.Day(res.Days), warm, count(res.SKUs, "SKU")) + notReplayed
	if width(line+took) > w {
		took = ""
	}
	if width(line) > w {
		// narrow: the same facts, shorter
		warm = "no warm-up"
		if res.Warmup > 0 {
			warm = fmt.Sprintf("%dw warm-up", res.Warmup/7)
		}
		line = fmt.Sprintf("As of %s · %s to %s · %s · %s", res.AsOf, span, res.AsOf+model.Day(res.Days), warm, count(res.SKUs, "SKU"))
		if width(line+notReplayed) <= w {
			line += notReplayed
		}
	}
	return m.styles.Title.Render(line) + m.styles.Dim.Render(took)
}

// replayNote is the line about the result's state: another run going on,
// or the catalogue changed since.
func (m *Model) replayNote() string {
	p, s := m.replay, m.styles
	run, cancel := keyName(p.keys.Run), keyName(p.keys.Cancel)
	switch {
	case p.job != nil && p.job.dirty:
		return s.Info.Render(replayProgressText(p.job.latest(), p.job.req)) +
			s.Error.Render(" · "+p.why+" since it started: "+run+" again once it ends")
	case p.job != nil:
		return s.Info.Render(replayProgressText(p.job.latest(), p.job.req) + " · " + cancel + " cancels · the table shows the last replay")
	case p.outdated:
		return s.Error.Render("Stale: " + p.why + " since this replay · " + run + " runs it again")
	case p.req != p.request():
		return s.Info.Render("The window changed: " + run + " replays " + replayWindowText(p.request()))
	}
	return ""
}

// replayWaiting is the page before the first result: the run's progress,
// its failure, or how to start one.
func (m *Model) replayWaiting() string {
	p, s := m.replay, m.styles
	k := p.keys
	run, weeks, warmup := keyName(k.Run), keyName(k.Weeks), keyName(k.Warmup)
	switch {
	case p.job != nil:
		return s.Title.Render("Replaying the policy over the past "+replayWindowText(p.job.req)) + "\n\n" +
			replayProgressText(p.job.latest(), p.job.req) + "\n\n" +
			"The catalogue is planned as it was weeks ago and its sales since are replayed day by day, next to two baselines. " +
			"Nothing is written. " + keyName(k.Cancel) + " cancels; you can use the other tabs meanwhile."
	case p.err != nil:
		return s.Error.Render("The replay failed: ") + clean(p.err.Error()) + "\n\n" + run + " tries again; " + weeks + " and " + warmup + " change the window."
	}
	what := "Not run yet."
	if p.dropped {
		what = "Replay cancelled."
	}
	return s.Title.Render(what) + "\n\n" + run + " replays the policy over the past " + replayWindowText(p.request()) +
		": planned as of then, the sales since replayed day by day next to two baselines. " +
		weeks + " changes the weeks, " + warmup + " the warm-up."
}

// replayWindowText is "26 weeks (26 weeks' warm-up)".
func replayWindowText(req planner.ReplayRequest) string {
	s := count(req.Weeks, "week")
	if req.WarmupWeeks > 0 {
		return s + fmt.Sprintf(" (%d weeks' warm-up)", req.WarmupWeeks)
	}
	return s + " (no warm-up)"
}

// replayProgressText is "planning ▕███░░░▏ 1,200 of 2,000 SKUs".
func replayProgressText(pr planner.ReplayProgress, _ planner.ReplayRequest) string {
	switch pr.Stage {
	case planner.ReplayReading:
		return "reading the catalogue…"
	case planner.ReplayPlanning:
		return "planning as of the day: " + replayBar(pr.Done, pr.Total)
	case planner.ReplayReplanning:
		return "planning again as of " + pr.AsOf.String() + ": " + replayBar(pr.Done, pr.Total)
	}
	return "replaying: " + replayBar(pr.Done, pr.Total)
}

func replayBar(done, total int) string {
	if total <= 0 {
		return "starting…"
	}
	const cells = 20
	fill := cells * min(done, total) / total
	return "▕" + strings.Repeat("█", fill) + strings.Repeat("░", cells-fill) + "▏ " +
		model.GroupThousands(int64(done)) + " of " + count(total, "SKU")
}

// replayColumn is one column of the pooled table: cells by line, its
// priority (lower stays longer when the terminal is narrow).
type replayColumn struct {
	title    string
	right    bool
	priority int
	cell     func(l planner.SimulationLine) string
}

// replayTable draws the pooled table as `stockroom simulate` prints it,
// dropping the least needed columns to fit w; the tool's lines in bold,
// each class named once; weeksKey is the key that replays more weeks.
func replayTable(res *planner.Simulation, w int, s *Styles, weeksKey string) []string {
	pct := func(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) }
	cols := []replayColumn{
		{"class", false, 0, func(l planner.SimulationLine) string { return l.Class }},
		{"policy", false, 0, func(l planner.SimulationLine) string { return l.Policy }},
		{"SKUs", true, 5, func(l planner.SimulationLine) string { return model.GroupThousands(int64(l.Sum.SKUs)) }},
		{"target", true, 0, func(l planner.SimulationLine) string { return pct(l.Target) }},
		{"CSL", true, 0, func(l planner.SimulationLine) string {
			if l.Sum.FewCycles() {
				return pct(l.Sum.CSL()) + "*"
			}
			return pct(l.Sum.CSL()) + " "
		}},
		{"fill", true, 0, func(l planner.SimulationLine) string { return pct(l.Sum.Fill()) }},
		{"fill@tool", true, 1, func(l planner.SimulationLine) string {
			if l.PolicyIndex == 0 {
				return "-"
			}
			if f, ok := res.FillAtToolInventory(l.PolicyIndex, l.ClassIndex); ok {
				return pct(f)
			}
			return "n/a" // the tool's inventory is beyond the scales replayed
		}},
		{"avg inventory", true, 1, func(l planner.SimulationLine) string { return replayMoney(l.Sum.AvgInventoryCost) }},
		{"weeks", true, 2, func(l planner.SimulationLine) string { return replayWeeksText(l.Sum.WeeksOfStock()) }},
		{"orders", true, 4, func(l planner.SimulationLine) string { return model.GroupThousands(int64(l.Sum.Orders)) }},
		{"hold+order", true, 3, func(l planner.SimulationLine) string {
			return replayMoney(l.Sum.HoldingCost + l.Sum.OrderingCost)
		}},
	}
	lines := res.Lines()
	cells := make([][]string, len(cols))
	widths := make([]int, len(cols))
	for c, col := range cols {
		widths[c] = width(col.title)
		for _, l := range lines {
			v := col.cell(l)
			cells[c] = append(cells[c], v)
			widths[c] = max(widths[c], width(v))
		}
	}
	// drop the columns of the highest priority left until the rest fit
	keep := make([]bool, len(cols))
	total := -1
	for c := range cols {
		keep[c] = true
		total += widths[c] + 1
	}
	for pr := 5; pr > 0 && total > w; pr-- {
		for c := len(cols) - 1; c >= 0; c-- {
			if cols[c].priority == pr && keep[c] && total > w {
				keep[c] = false
				total -= widths[c] + 1
			}
		}
	}
	row := func(cell func(c int) string) string {
		var parts []string
		for c := range cols {
			if keep[c] {
				parts = append(parts, fit(cell(c), widths[c], cols[c].right))
			}
		}
		return fit(strings.Join(parts, " "), w, false)
	}
	out := []string{s.Header.Render(row(func(c int) string { return cols[c].title }))}
	for i, l := range lines {
		text := row(func(c int) string {
			if c == 0 && i > 0 && lines[i-1].Class == l.Class {
				return "" // the class is named on its first line
			}
			return cells[c][i]
		})
		if l.PolicyIndex == 0 {
			text = lipgloss.NewStyle().Bold(true).Render(text)
		}
		out = append(out, text)
	}
	for _, l := range lines {
		if l.Sum.FewCycles() {
			out = append(out, s.Dim.Render(fit(fmt.Sprintf("* fewer than %d replenishment cycles: too few for a service level; %s replays more weeks", sim.MinCycles, weeksKey), w, false)))
			break
		}
	}
	return out
}

// replayMoney is a whole amount with thousands separators, as simulate
// prints it.
func replayMoney(v float64) string { return model.GroupThousands(int64(v + 0.5)) }

func replayWeeksText(w float64) string {
	switch {
	case math.IsNaN(w):
		return "-"
	case w > 999:
		return "999+"
	}
	return fmt.Sprintf("%.1f", w)
}
