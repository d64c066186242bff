package store

import (
	"encoding/binary"
	"fmt"
	"math"

	"stockroom/model"
)

// encodeFloats packs values as little-endian float32, the sales_weekly format.
func encodeFloats(v []float32) []byte {
	b := make([]byte, 4*len(v))
	for i, f := range v {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(f))
	}
	return b
}

// encodeInStock writes an empty blob for a SKU that was in stock every day
// of every week, the common case, so the snapshot read at start-up is half
// the size.
func encodeInStock(days []float32) []byte {
	for _, d := range days {
		if d < 7 {
			return encodeFloats(days)
		}
	}
	return []byte{}
}

func decodeFloats(b []byte) ([]float32, error) {
	if len(b)%4 != 0 {
		return nil, fmt.Errorf("weekly series blob of %d bytes is not whole float32s", len(b))
	}
	v := make([]float32, len(b)/4)
	for i := range v {
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return v, nil
}

// Rollup sums daily sales (in any order) into ISO weeks, from the week of
// the earliest day to the week of the latest. Days without a row count as
// in stock with no sales, which is how sales_daily stores them.
func Rollup(days []model.DailySale) model.WeeklySales {
	w := model.WeeklySales{LastSale: model.NoDay, LastDay: model.NoDay}
	if len(days) == 0 {
		return w
	}
	first, last := days[0].Day, days[0].Day
	for _, d := range days {
		first = min(first, d.Day)
		last = max(last, d.Day)
	}
	w.FirstWeek, w.LastDay = first.WeekStart(), last
	n := int(last.WeekStart()-w.FirstWeek)/7 + 1
	w.Units = make([]float32, n)
	w.Revenue = make([]float32, n)
	w.InStockDays = make([]float32, n)
	for i := range w.InStockDays {
		w.InStockDays[i] = 7
	}
	for _, d := range days {
		i := int(d.Day-w.FirstWeek) / 7
		w.Units[i] += float32(d.Units)
		w.Revenue[i] += float32(d.Revenue)
		if !math.IsNaN(d.InStock) {
			w.InStockDays[i] -= float32(1 - d.InStock)
		}
		if d.Units > 0 && (w.LastSale == model.NoDay || d.Day > w.LastSale) {
			w.LastSale = d.Day
		}
	}
	for i, v := range w.InStockDays {
		if v < 0.001 {
			w.InStockDays[i] = 0 // float32 drift must not turn a missing week into a tiny one
		}
	}
	return w
}
