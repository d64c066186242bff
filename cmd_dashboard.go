package main

import (
	"context"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"

	"stockroom/demo"
	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
	"stockroom/ui"
)

type dashboardOptions struct {
	db   string
	demo bool
	asOf string
}

func runDashboard(ctx context.Context, opt dashboardOptions) error {
	asOf, err := parseAsOf(opt.asOf)
	if err != nil {
		return err
	}
	path := catalogPath(opt.db)
	if opt.demo {
		if opt.db == "" {
			path = demoPath()
		}
		if _, err := os.Stat(path); os.IsNotExist(err) {
			fmt.Fprintf(os.Stderr, "Creating the demo catalogue at %s…\n", path)
			if err := demo.Create(ctx, path, demo.Options{}); err != nil {
				return err
			}
		}
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	m := ui.New(ui.Options{
		Backend: planner.Backend{Store: st, Options: planner.Options{AsOf: asOf}},
		Source:  path,
	})
	_, err = tea.NewProgram(m, tea.WithContext(ctx)).Run()
	return err
}

// parseAsOf reads --as-of; empty means the catalogue's latest sales day.
func parseAsOf(s string) (model.Day, error) {
	if s == "" {
		return model.NoDay, nil
	}
	d, err := model.ParseDay(s)
	if err != nil {
		return model.NoDay, usageError{fmt.Errorf("--as-of: %w", err)}
	}
	return d, nil
}
