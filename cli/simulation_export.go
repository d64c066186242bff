package cli

import (
	"context"
	"os"

	"stockroom/model"
	"stockroom/planner"
)

// exportedReplay runs the replay `stockroom simulate` runs by default (26
// weeks after asOf, no warm-up) and returns its table or its SKUs.
func exportedReplay(ctx context.Context, path, name string, asOf model.Day) (planner.View, func(), error) {
	forecasting := progressPrinter(os.Stderr, "forecasting")
	st, res, err := openAndReplay(ctx, path, planner.ReplayRequest{AsOf: asOf, Weeks: 26}, func(p planner.ReplayProgress) {
		if p.Stage == planner.ReplayPlanning && p.Done > 0 {
			forecasting(p.Done, p.Total)
		}
	})
	if err != nil {
		return nil, nil, err
	}
	if name == "simulation" {
		return res.View(), func() { st.Close() }, nil
	}
	return res.SKUView(), func() { st.Close() }, nil
}
