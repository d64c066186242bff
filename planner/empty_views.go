package planner

// EmptyViews are every view `stockroom export` writes, without rows: their
// names and columns, for reading an export's header back (import).
func EmptyViews() []View {
	return []View{StockView{}, (*ReorderView)(nil), (*RiskView)(nil),
		(*SuppliersView)(nil), POView{}, POListView{}, ForecastView{},
		(*AssortmentView)(nil), MatrixView{}, (*OverviewView)(nil)}
}

// IsText says whether a column's cells are text, which exports write
// through the formula guard (Neutralise).
func (c Column) IsText() bool { return c.Kind == Text || c.Kind == Enum }
