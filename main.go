// Stockroom is a terminal dashboard for ecommerce product managers: stock
// levels, demand forecasts, reorder points and exports over a local SQLite
// catalogue. Its command line is package cli.
package main

import (
	"os"

	"stockroom/cli"
)

func main() { os.Exit(cli.Execute()) }
