package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// Saves go one at a time, so each is planned on the snapshot the last one
// left and its compare-and-set compares with what the last one wrote. An
// edit made while a save is running (or waiting for another process's
// lock) does not wait for it to open: the editor opens as always, and
// enter puts the save in a queue that runs, in order, as the saves before
// it land. The status bar counts what is queued; quitting with saves
// queued asks first.

// queuedSave is a save waiting for the one before it.
type queuedSave struct {
	what string // "the reorder point of SKU-001", for a question before quitting
	run  func() tea.Cmd
}

// saveWhenFree runs save now, or queues it behind the save in flight, or
// behind a change asked about (a conflict's y saves first).
func (m *Model) saveWhenFree(what string, save func() tea.Cmd) tea.Cmd {
	if !m.saving && len(m.queue) == 0 && m.unsavedAsked() == 0 {
		return save()
	}
	m.queue = append(m.queue, queuedSave{what: what, run: save})
	// the editor cleared the status: say again what the running save does
	m.setInfo(m.runningSaveText())
	return nil
}

// runningSaveText says what holds the queue up.
func (m *Model) runningSaveText() string {
	switch {
	case m.lockWaiting:
		return waitingText
	case !m.saving && m.unsavedAsked() > 0:
		return "Queued behind the change asked about"
	}
	return "Saving the last edit…"
}

// nextQueued starts the queued saves, oldest first, once nothing is being
// saved and no question waits for an answer (a conflict's y saves first)
// but the quit question: while it is asked the saves go on, and once they
// have landed the dashboard quits.
func (m *Model) nextQueued() tea.Cmd {
	quiet := !m.saving && m.confirm == nil && len(m.asking) == 0 && len(m.queue) == 0 && !m.typing()
	if quiet {
		m.ownLog, m.ownSettings = nil, nil // no save waits that could compare with them
	}
	var cmds []tea.Cmd
	for !m.saving && len(m.queue) > 0 && m.snap != nil && len(m.asking) == 0 && (m.confirm == nil || m.confirm.quit) {
		q := m.queue[0]
		m.queue = m.queue[1:]
		cmds = append(cmds, q.run()) // one that cannot save says so, and the next goes
	}
	return tea.Batch(cmds...)
}

// queueNote is the status bar's count of queued saves, "" when none.
func (m *Model) queueNote() string {
	switch n := len(m.queue); n {
	case 0:
		return ""
	case 1:
		return "1 more edit queued"
	default:
		return fmt.Sprintf("%d more edits queued", n)
	}
}

// dropQueue empties the queue after a save failed: the edits behind it
// were made on what the PM saw before, and are not saved either.
func (m *Model) dropQueue() string {
	n := len(m.queue)
	m.queue = nil
	switch n {
	case 0:
		return ""
	case 1:
		return " (the edit queued behind it was not saved either)"
	}
	return fmt.Sprintf(" (the %d edits queued behind it were not saved either)", n)
}
