package planner

import "stockroom/model"

// MatrixView is the "matrix" view: the nine cells of the ABC × XYZ matrix,
// AX first, with their SKUs, revenue and stock value and the shares of
// the catalogue's.
type MatrixView struct{ av *AssortmentView }

var matrixColumns = []Column{
	{"abc", "ABC", "", Enum, "`A`, `B` or `C` by trailing-52-week revenue"},
	{"xyz", "XYZ", "", Enum, "`X`, `Y` or `Z` by the CV of weekly demand"},
	{"skus", "SKUs", "", Integer, "SKUs in the cell"},
	{"revenue", "Revenue 52w", "", Money, "revenue of the last 52 complete weeks"},
	{"revenue_share", "Revenue share", "Rev %", Percent, "share of the catalogue's 52-week revenue"},
	{"stock_value", "Stock value", "", Money, "on hand × unit cost"},
	{"stock_value_share", "Stock value share", "Stock %", Percent, "share of the catalogue's stock value at cost"},
}

// MatrixView lists the matrix's cells.
func (v *AssortmentView) MatrixView() MatrixView { return MatrixView{v} }

func (MatrixView) Name() string      { return "matrix" }
func (MatrixView) Columns() []Column { return matrixColumns }
func (MatrixView) Len() int          { return 9 }
func (v MatrixView) SearchText(i int) string {
	a, x := cellOf(i)
	return a.String() + x.String()
}

func cellOf(i int) (model.ABC, model.XYZ) { return model.ABC(i / 3), model.XYZ(i % 3) }

func (v MatrixView) Value(i, col int) Value {
	a, x := cellOf(i)
	c, t := v.av.Matrix[a][x], v.av.Total
	switch col {
	case 0:
		return Value{Int: int64(a), Text: a.String()}
	case 1:
		return Value{Int: int64(x), Text: x.String()}
	case 2:
		return Value{Int: int64(c.SKUs)}
	case 3:
		return Value{Float: c.Revenue}
	case 4:
		return percent(model.Share(c.Revenue, t.Revenue))
	case 5:
		return Value{Float: c.StockValue}
	case 6:
		return percent(model.Share(c.StockValue, t.StockCost))
	}
	return Value{Null: true}
}

var _ View = MatrixView{}
