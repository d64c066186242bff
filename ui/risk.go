package ui

import (
	"fmt"
	"maps"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
	"stockroom/planner"
)

// riskPane is tab 5: the SKUs whose stock may not sell at full price,
// worst first, with what clearing it takes; the PM tries markdowns on a
// selection and sees the projection change.
type riskPane struct {
	pane
	rv *planner.RiskView
	built
	styles *Styles
	keys   riskKeys
	// whatIf holds the PM's markdowns by product; kept across snapshots
	// and never written to the catalogue: it is a what-if.
	whatIf map[int64]float64

	shown    planner.RiskTotals // of the rows shown, for shownFor
	shownFor shownKey
}

// shownKey tells one set of shown rows from another: a new view or a new
// query result (a new index slice).
type shownKey struct {
	rv    *planner.RiskView
	first *int
	n     int
}

// Risk pane column positions in riskPane.table.cols.
const (
	kcolSKU = iota
	kcolName
	kcolRisk
	kcolAvail
	kcolUnits
	kcolValue
	kcolWeeks
	kcolMarkdown
	kcolWhatIf
	kcolProjWeeks
	kcolRevenue
	kcolLeft
	kcolLiquidation
)

func newRiskPane(styles *Styles) *riskPane {
	p := &riskPane{styles: styles, keys: defaultRiskKeys(), pane: pane{tab: riskTab}}
	p.table = newTable([]tableColumn{
		kcolSKU:         {title: riskTitles[planner.RiskSKU], viewCol: planner.RiskSKU, min: 9, max: 12, priority: 0, grow: 1},
		kcolName:        {title: riskTitles[planner.RiskName], viewCol: planner.RiskName, min: 12, max: 30, priority: 2, grow: 2},
		kcolRisk:        {title: riskTitles[planner.RiskKind], viewCol: planner.RiskKind, min: 9, max: 9, priority: 0, render: p.renderRisk},
		kcolAvail:       {title: riskTitles[planner.RiskAvailable], viewCol: planner.RiskAvailable, min: 6, max: 7, right: true, priority: 3},
		kcolUnits:       {title: riskTitles[planner.RiskUnits], viewCol: planner.RiskUnits, min: 7, max: 8, right: true, priority: 1},
		kcolValue:       {title: riskTitles[planner.RiskValue], viewCol: planner.RiskValue, min: 7, max: 10, right: true, priority: 0},
		kcolWeeks:       {title: riskTitles[planner.RiskWeeksToClear], viewCol: planner.RiskWeeksToClear, min: 6, max: 6, right: true, priority: 1, render: p.renderWeeks(planner.RiskWeeksToClear)},
		kcolMarkdown:    {title: riskTitles[planner.RiskMarkdown], viewCol: planner.RiskMarkdown, min: 5, max: 5, right: true, priority: 2},
		kcolWhatIf:      {title: riskTitles[planner.RiskPlanMarkdown], viewCol: planner.RiskPlanMarkdown, min: 7, max: 7, right: true, priority: 1, render: p.renderWhatIf},
		kcolProjWeeks:   {title: riskTitles[planner.RiskProjectedWeeks], viewCol: planner.RiskProjectedWeeks, min: 6, max: 6, right: true, priority: 3, render: p.renderWeeks(planner.RiskProjectedWeeks)},
		kcolRevenue:     {title: riskTitles[planner.RiskClearanceRevenue], viewCol: planner.RiskClearanceRevenue, min: 9, max: 10, right: true, priority: 2},
		kcolLeft:        {title: riskTitles[planner.RiskLeft], viewCol: planner.RiskLeft, min: 6, max: 7, right: true, priority: 4},
		kcolLiquidation: {title: riskTitles[planner.RiskLiquidation], viewCol: planner.RiskLiquidation, min: 7, max: 9, right: true, priority: 3},
	})
	p.follow.key = func(row int) int64 { return p.rv.Row(row).Item.Product.ID }
	return p
}

// setView shows a new risk view, the cursor and marks staying on their SKUs.
func (p *riskPane) setView(rv *planner.RiskView) {
	p.remember()
	p.rv = rv
	p.replaceView(rv, nil)
	p.stale = true
}

func (p *riskPane) row(i int) *planner.Row { return p.rv.Row(i) }

// currentRow is the SKU under the cursor, or nil.
func (p *riskPane) currentRow() *planner.Row {
	if p.rv == nil {
		return nil
	}
	if i, ok := p.table.current(); ok && i >= 0 {
		return p.rv.Row(i)
	}
	return nil
}

func (p *riskPane) renderRisk(i, w int, plain bool) string {
	r := p.row(i).Risk.Risk
	word := fit(r.String(), w, false)
	if plain {
		return word
	}
	return p.styles.RiskStyle(r).Render(word)
}

func (p *riskPane) renderWeeks(col int) func(i, w int, plain bool) string {
	return func(i, w int, _ bool) string {
		v := p.rv.Value(i, col)
		if v.Null {
			return fit("never", w, true)
		}
		return fit(formatQty(v.Float), w, true)
	}
}

// renderWhatIf shows the projected markdown, with * when the PM set it.
func (p *riskPane) renderWhatIf(i, w int, plain bool) string {
	r := p.row(i)
	pct := p.rv.Value(i, planner.RiskPlanMarkdown).Float
	_, set := p.whatIf[r.Item.Product.ID]
	s := trimFloat(pct) + "%" // 0.5 % is not 0 %
	switch {
	case !set:
		return fit("", w, true) // the suggestion, shown in Mkdn
	case plain:
		return fit(s+" *", w, true)
	}
	return fit(s+p.styles.Manual.Render(" *"), w, true)
}

// riskViewMsg brings a risk view built off the loop.
type riskViewMsg struct {
	snap *planner.Snapshot
	rv   *planner.RiskView
}

func riskViewCmd(s *planner.Snapshot, whatIf map[int64]float64) tea.Cmd {
	return func() tea.Msg { return riskViewMsg{snap: s, rv: s.Risk(whatIf)} }
}

// startWhatIf opens the markdown editor on the selection, holding the
// markdown the SKUs share, if they share one.
func (m *Model) startWhatIf() tea.Cmd {
	p := m.risk
	rows := m.takeTargets(p.table, p.rv.Row)
	if len(rows) == 0 {
		return nil
	}
	byID := map[int64]float64{}
	for _, i := range p.table.targets() {
		byID[p.rv.Row(i).Item.Product.ID] = p.rv.Value(i, planner.RiskPlanMarkdown).Float
	}
	value, placeholder := commonValue(rows, func(r *planner.Row) string {
		return model.FormatNumber(byID[r.Item.Product.ID])
	})
	return m.openEditor(fieldWhatIf, placeholder, value)
}

// fieldWhatIf is the editor's pseudo-field for a what-if markdown: it is
// kept in the pane, not written to the catalogue.
const fieldWhatIf model.PolicyField = "what_if_markdown"

// saveWhatIf applies the typed markdown to the selection and rebuilds the
// risk view in the background.
func (m *Model) saveWhatIf() tea.Cmd {
	pct, auto, err := model.ParseMarkdown(m.input.Value())
	if err != nil {
		m.setError(clean(err.Error()))
		return nil
	}
	m.closeEditor()
	p := m.risk
	next := maps.Clone(p.whatIf)
	if next == nil {
		next = map[int64]float64{}
	}
	for _, id := range m.editIDs {
		if auto {
			delete(next, id)
		} else {
			next[id] = pct / 100
		}
	}
	p.whatIf = next
	what := strconv.FormatFloat(pct, 'f', -1, 64) + "% markdown"
	if auto {
		what = "the suggested markdown"
	}
	m.setInfo(fmt.Sprintf("What-if: %s for %s · a projection only, nothing is saved", what, m.editTarget()))
	return riskViewCmd(m.snap, next)
}
