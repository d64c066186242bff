package cli

import (
	"io"

	"stockroom/planner"
)

// simulationCSVHeader names writeSimulationCSV's columns (planner.SimulationCSVHeader).
var simulationCSVHeader = planner.SimulationCSVHeader

// writeSimulationCSV writes one row per class (A, B, C, all) and policy,
// as the dashboard's Replay tab exports it.
func writeSimulationCSV(w io.Writer, res *planner.Simulation) error {
	return planner.WriteSimulationCSV(w, res)
}
