package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"stockroom/model"
)

// Styles is the theme every pane draws with. Colours are truecolor; Bubble
// Tea downsamples them to what the terminal supports and drops them under
// NO_COLOR, so nothing may be told by colour alone.
type Styles struct {
	Header      lipgloss.Style
	Cursor      lipgloss.Style // the selected row: reverse video plus the ▶ marker
	Marked      lipgloss.Style // rows marked with space
	Dim         lipgloss.Style
	Title       lipgloss.Style
	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	StatusBar   lipgloss.Style
	Error       lipgloss.Style
	Info        lipgloss.Style
	Key         lipgloss.Style
	Border      lipgloss.Style
	Manual      lipgloss.Style

	History  color.Color // sparkline and chart: past sales
	Forecast color.Color // sparkline and chart: the forecast
	Hist     lipgloss.Style
	Fcst     lipgloss.Style
	Band     lipgloss.Style // chart: the forecast's 80 % band
	// NoColor says the terminal shows no colour (NO_COLOR, or not a
	// terminal): what colour tells apart needs a glyph of its own.
	NoColor bool

	status map[model.Status]lipgloss.Style
}

// DefaultStyles is the dark-background theme.
func DefaultStyles() Styles {
	accent := lipgloss.Color("#7D9CFF")
	s := Styles{
		Header:      lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#C8D3F5")),
		Cursor:      lipgloss.NewStyle().Reverse(true).Bold(true),
		Marked:      lipgloss.NewStyle().Foreground(lipgloss.Color("#FFC777")),
		Dim:         lipgloss.NewStyle().Foreground(lipgloss.Color("#828BB8")),
		Title:       lipgloss.NewStyle().Bold(true).Foreground(accent),
		TabActive:   lipgloss.NewStyle().Bold(true).Reverse(true).Foreground(accent),
		TabInactive: lipgloss.NewStyle().Foreground(lipgloss.Color("#828BB8")),
		StatusBar:   lipgloss.NewStyle().Foreground(lipgloss.Color("#C8D3F5")),
		Error:       lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#FF757F")),
		Info:        lipgloss.NewStyle().Foreground(lipgloss.Color("#C3E88D")),
		Key:         lipgloss.NewStyle().Bold(true).Foreground(accent),
		Border:      lipgloss.NewStyle().Foreground(lipgloss.Color("#444A73")),
		Manual:      lipgloss.NewStyle().Foreground(lipgloss.Color("#FFC777")),
		History:     lipgloss.Color("#86E1FC"),
		Forecast:    lipgloss.Color("#FF966C"),
		status: map[model.Status]lipgloss.Style{
			model.StatusOut:    lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#FF757F")),
			model.StatusLow:    lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#FFC777")),
			model.StatusDead:   lipgloss.NewStyle().Foreground(lipgloss.Color("#C099FF")),
			model.StatusExcess: lipgloss.NewStyle().Foreground(lipgloss.Color("#65BCFF")),
			model.StatusOK:     lipgloss.NewStyle().Foreground(lipgloss.Color("#C3E88D")),
		},
	}
	s.Hist = lipgloss.NewStyle().Foreground(s.History)
	s.Fcst = lipgloss.NewStyle().Foreground(s.Forecast)
	s.Band = lipgloss.NewStyle().Foreground(lipgloss.Color("8")) // asciigraph's DarkGray
	return s
}

// Status is the style of a status word.
func (s Styles) Status(st model.Status) lipgloss.Style { return s.status[st] }

// RiskStyle is the style of a risk word; the word itself says the risk.
func (s Styles) RiskStyle(r model.Risk) lipgloss.Style {
	switch r {
	case model.RiskDead:
		return s.status[model.StatusDead]
	case model.RiskExcess:
		return s.status[model.StatusExcess]
	case model.RiskDeclining:
		return s.status[model.StatusLow]
	}
	return s.Dim
}
