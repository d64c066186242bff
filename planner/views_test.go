package planner

import (
	"slices"
	"strings"
	"testing"
)

// The registry's columns are the columns each view writes, so that the
// panes' titles and docs/EXPORTS.md describe what an export holds.
func TestViewSpecsAreTheViewsTheyName(t *testing.T) {
	s := Build(testCatalogue(), mean8)
	built := map[string]View{
		"simulation":      (*SimulationView)(nil),
		"simulation_skus": (*SimulationSKUView)(nil),
	}
	for _, v := range EmptyViews() {
		built[v.Name()] = v
	}
	for _, spec := range Views() {
		if spec.Source == FromPlan {
			built[spec.Name] = spec.Plan(s, ViewOptions{By: ByBrand})
		}
	}
	if len(built) != len(Views()) {
		t.Errorf("%d views built or listed by EmptyViews, %d in the registry", len(built), len(Views()))
	}
	for _, spec := range Views() {
		v, ok := built[spec.Name]
		if !ok {
			t.Errorf("%s: no view", spec.Name)
			continue
		}
		if v.Name() != spec.Name || !slices.Equal(v.Columns(), spec.Columns) {
			t.Errorf("%s: the view is %q with columns %v", spec.Name, v.Name(), v.Columns())
		}
		if found, ok := LookupView(spec.Name); !ok || found.Name != spec.Name {
			t.Errorf("LookupView(%q) = %q, %v", spec.Name, found.Name, ok)
		}
	}
	if _, ok := LookupView("Stock"); ok {
		t.Error("view names are exact")
	}
	if ov := built["overview"]; ov.Len() != len(overviewMetrics) {
		t.Errorf("the overview writes %d figures, %d declared", ov.Len(), len(overviewMetrics))
	}
}

// Every column and figure has a title and a meaning, once per name: the
// panes and docs/EXPORTS.md read nothing else.
func TestEveryColumnIsDeclaredWithItsMeaning(t *testing.T) {
	for _, spec := range Views() {
		if spec.About == "" {
			t.Errorf("%s: no description", spec.Name)
		}
		for _, list := range [][]Column{spec.Columns, spec.Metrics} {
			seen := map[string]bool{}
			for _, c := range list {
				if c.Name == "" || c.Title == "" || c.Help == "" {
					t.Errorf("%s.%s: title %q, meaning %q", spec.Name, c.Name, c.Title, c.Help)
				}
				if seen[c.Name] {
					t.Errorf("%s: %s declared twice", spec.Name, c.Name)
				}
				seen[c.Name] = true
			}
		}
	}
}

// The overview export's help cells are plain text, not markdown.
func TestOverviewHelpIsPlainText(t *testing.T) {
	ov := Build(testCatalogue(), mean8).Overview().View()
	if got := ov.Value(MetricOutOfStock, 3).Text; got != "active SKUs with nothing available (status out)" {
		t.Errorf("help of out_of_stock: %q", got)
	}
	if got := ov.Value(MetricOutOfStock, 2).Text; got != "Out of stock" {
		t.Errorf("title of out_of_stock: %q", got)
	}
}

func TestScreenTitleIsShortWhenThereIsOne(t *testing.T) {
	for _, c := range []struct {
		col  Column
		want string
	}{
		{Column{Title: "Available", Short: "Avail"}, "Avail"},
		{Column{Title: "SKU"}, "SKU"},
	} {
		if got := c.col.ScreenTitle(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.col, got, c.want)
		}
	}
}

// SearchColumns name what the filter looks in: a row's search text is
// those columns of the stock view, lower-cased, in that order.
func TestSearchColumnsAreWhatTheFilterSearches(t *testing.T) {
	s := Build(testCatalogue(), mean8)
	v := s.Stock()
	if v.Len() == 0 {
		t.Fatal("empty catalogue")
	}
	for i := range v.Len() {
		parts := make([]string, len(searchColumns))
		for k, c := range searchColumns {
			parts[k] = v.Value(i, c).Text
		}
		if want := strings.ToLower(strings.Join(parts, "\x00")); v.SearchText(i) != want {
			t.Errorf("row %d searches %q, its search columns say %q", i, v.SearchText(i), want)
		}
	}
	if got := SearchColumns(); len(got) != len(searchColumns) || got[0].Name != "sku" || got[len(got)-1].Name != "supplier" {
		t.Errorf("SearchColumns() = %v", got)
	}
}

// Every screen meaning names a column of the Stock view, whose pane shows
// it: a renamed column must not leave its screen meaning behind.
func TestScreenHelpNamesStockColumns(t *testing.T) {
	spec, _ := LookupView("stock")
	names := map[string]bool{}
	for _, c := range spec.Columns {
		names[c.Name] = true
	}
	for name := range screenHelp {
		if !names[name] {
			t.Errorf("screen meaning for %q, which the stock view has no column of", name)
		}
	}
}
