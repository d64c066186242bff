package store

import (
	"encoding/binary"
	"fmt"
	"math"

	"stockroom/forecast"
	"stockroom/model"
)

// A cached forecast's numbers travel in one blob, the forecasts table's
// figures column (schema 8): SQLite reads a row's columns one at a time
// and the driver boxes each, so a million rows of twenty columns cost the
// dashboard's first frame about a second of CPU; one blob costs a third
// of that. Little-endian:
//
//	0   u8   layout (figuresLayout)
//	1   u8   demand class (forecast.Class)
//	2   u16  weeks of means m, u16 ψ weights p, u16 recent weeks r
//	8   i32  first recent week, i32 last sale day (model.NoDay: none)
//	16  f64  σ, backtest RMSSE (NaN: none), 52-week revenue and units,
//	         CV (NaN: none), in-stock days, sale probability now and 26
//	         weeks before, level variance, mean size of a week that sold
//	96  f32  m means, p ψ weights, r recent weeks' units
const (
	figuresLayout = 1
	figuresHead   = 16
	figuresFloats = 10
	figuresFixed  = figuresHead + 8*figuresFloats
)

// appendFigures appends f's figures to dst in the layout above.
func appendFigures(dst []byte, f *model.SKUForecast) []byte {
	r := f.Result
	le := binary.LittleEndian
	dst = append(dst, figuresLayout, byte(r.Class))
	dst = le.AppendUint16(dst, uint16(len(r.Mean)))
	dst = le.AppendUint16(dst, uint16(len(r.Psi)))
	dst = le.AppendUint16(dst, uint16(len(f.Recent)))
	dst = le.AppendUint32(dst, uint32(int32(f.RecentFirstWeek)))
	dst = le.AppendUint32(dst, uint32(int32(f.LastSale)))
	for _, v := range [figuresFloats]float64{r.SD, measured(r.RMSSE), f.Revenue52w, f.Units52w, measured(f.Stats.CV),
		f.Stats.InStockDays, f.Stats.SaleProb, f.Stats.SaleProbBefore, r.LevelVar, r.SaleSize} {
		dst = le.AppendUint64(dst, math.Float64bits(v))
	}
	for _, v := range r.Mean {
		dst = le.AppendUint32(dst, math.Float32bits(float32(v)))
	}
	for _, v := range r.Psi {
		dst = le.AppendUint32(dst, math.Float32bits(float32(v)))
	}
	for _, v := range f.Recent {
		dst = le.AppendUint32(dst, math.Float32bits(v))
	}
	return dst
}

// measured is v, or NaN (not measured) when it is not finite.
func measured(v float64) float64 {
	if math.IsInf(v, 0) {
		return math.NaN()
	}
	return v
}

// figuresShape reads the blob's head: how many means, ψ weights and
// recent weeks it holds, or an error when its layout or length is not
// the one this build writes.
func figuresShape(b []byte) (means, psi, recent int, err error) {
	if len(b) < figuresFixed || b[0] != figuresLayout {
		return 0, 0, 0, fmt.Errorf("figures of %d bytes are not layout %d", len(b), figuresLayout)
	}
	le := binary.LittleEndian
	means, psi, recent = int(le.Uint16(b[2:])), int(le.Uint16(b[4:])), int(le.Uint16(b[6:]))
	if want := figuresFixed + 4*(means+psi+recent); len(b) != want {
		return 0, 0, 0, fmt.Errorf("figures of %d bytes, want %d for %d, %d and %d weeks", len(b), want, means, psi, recent)
	}
	return means, psi, recent, nil
}

// readFigures fills f from a blob whose shape figuresShape checked, into
// the slices given (means and psi of its lengths, recent of its length).
func readFigures(b []byte, f *model.SKUForecast, means, psi []float64, recent []float32) {
	le := binary.LittleEndian
	var x [figuresFloats]float64
	for i := range x {
		x[i] = math.Float64frombits(le.Uint64(b[figuresHead+8*i:]))
	}
	at := figuresFixed
	for i := range means {
		means[i] = float64(math.Float32frombits(le.Uint32(b[at:])))
		at += 4
	}
	for i := range psi {
		psi[i] = float64(math.Float32frombits(le.Uint32(b[at:])))
		at += 4
	}
	for i := range recent {
		recent[i] = math.Float32frombits(le.Uint32(b[at:]))
		at += 4
	}
	if len(psi) == 0 {
		psi = nil
	}
	f.Result.Class = forecast.Class(b[1])
	f.Result.Mean, f.Result.Psi = means, psi
	f.Result.SD, f.Result.RMSSE, f.Result.LevelVar, f.Result.SaleSize = x[0], x[1], x[8], x[9]
	f.RecentFirstWeek = model.Day(int32(le.Uint32(b[8:])))
	f.LastSale = model.Day(int32(le.Uint32(b[12:])))
	f.Recent = recent
	f.Revenue52w, f.Units52w = x[2], x[3]
	f.Stats = model.DemandStats{CV: x[4], InStockDays: x[5], SaleProb: x[6], SaleProbBefore: x[7]}
}
