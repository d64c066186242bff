package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"stockroom/planner"
)

// A save that finds the catalogue locked by another process (an import, a
// `stockroom set`, another dashboard saving) waits in the background for
// as long as it takes: the PM's edit is never dropped. The status bar says
// that it waits, further edits wait for it, and quitting asks first.

// waitingText is the status while a save waits for another process.
const waitingText = "Waiting for another process to finish writing the catalogue: your change is saved as soon as it has"

// lockWaitMsg says a save is waiting for another process's write lock;
// events brings what the save reports next.
type lockWaitMsg struct{ events <-chan tea.Msg }

// saveInBackground runs a write off the loop, waiting for another
// process's lock as long as it takes and saying so with a lockWaitMsg
// before the write's own message.
func saveInBackground(work func(ctx context.Context) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		events := make(chan tea.Msg, 2) // the note and the result: the writer never blocks
		go func() {
			ctx := planner.WaitForLock(context.Background(), func() { events <- lockWaitMsg{events} })
			events <- work(ctx)
		}()
		return <-events
	}
}

// waitingForLock shows that a save waits and listens for its result.
func (m *Model) waitingForLock(msg lockWaitMsg) tea.Cmd {
	m.lockWaiting = true
	m.setInfo(waitingText)
	return listen(msg.events)
}
