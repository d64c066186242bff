package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// q and ctrl+c ask before quitting while a change the PM asked for is not
// saved yet: a save running or waiting for another process's lock, saves
// queued behind it, and changes waiting for the PM's answer to a question
// (another process's change to save over, an implausible value). The
// question goes in front of any other, is drawn from what is unsaved now,
// and while it is asked the saves go on: once nothing is left unsaved the
// dashboard quits, as the PM asked. A second ctrl+c quits at once.

// unsavedChanges counts the changes not saved yet.
func (m *Model) unsavedChanges() int {
	n := len(m.queue) + m.unsavedAsked()
	if m.saving {
		n++
	}
	return n
}

// unsaved says quitting now would lose a change.
func (m *Model) unsaved() bool { return m.unsavedChanges() > 0 }

// quitKey handles q (where it quits) and ctrl+c: a question first when
// something is unsaved, unless the question asked is that one.
func (m *Model) quitKey(ctrlC bool) tea.Cmd {
	if (ctrlC && m.confirm != nil && m.confirm.quit) || !m.unsaved() {
		return tea.Quit
	}
	if m.confirm == nil || !m.confirm.quit {
		c := &confirmation{quit: true}
		c.question, c.short = m.quitQuestion() // as asked; drawn anew as saves land
		m.askFirst(c)
	}
	return nil
}

// notDone shows that something the PM asked for was not saved (a failed
// save, a refusal). If the quit question is asked it is taken down: with
// nothing left unsaved the dashboard would quit, and the PM, who waited
// for the changes to be saved, would never see this one was not.
func (m *Model) notDone(s string) {
	m.setError(s)
	if c := m.confirm; c != nil && c.quit {
		m.confirm = nil
		m.setError(s + " · not quitting: " + keyName(m.keys.Quit) + " quits")
	}
	m.pin()
}

// quitDone quits once the quit question is on screen and nothing is left
// unsaved.
func (m *Model) quitDone() bool {
	return m.confirm != nil && m.confirm.quit && !m.unsaved()
}

// quitQuestion is the quit question as things stand: how many changes
// are unsaved and why.
func (m *Model) quitQuestion() (long, short string) {
	what, it := m.unsavedText()
	n := m.unsavedChanges()
	short = m.yes() + " quits, losing your unsaved change; other key keeps it"
	if n > 1 {
		short = m.yes() + fmt.Sprintf(" quits, losing your %d unsaved changes; other key keeps them", n)
	}
	if m.saving || len(m.queue) > 0 {
		short = strings.Replace(short, "keeps", "keeps saving", 1)
	}
	return what + ". Quit and lose " + it + "?", short
}

// unsavedText says how many changes are unsaved and why: "Your last 2
// changes are not saved yet: another process is writing the catalogue",
// and "it" or "them".
func (m *Model) unsavedText() (what, it string) {
	n := m.unsavedChanges()
	what, it = "Your last change is not saved yet", "it"
	if n > 1 {
		what, it = fmt.Sprintf("Your last %d changes are not saved yet", n), "them"
	}
	var why []string
	if m.lockWaiting {
		why = append(why, "another process is writing the catalogue")
	}
	switch k := m.unsavedAsked(); {
	case k == 0:
	case n == 1:
		why = append(why, "it waits for your answer")
	case k == 1:
		why = append(why, "1 waits for your answer")
	default:
		why = append(why, fmt.Sprintf("%d wait for your answers", k))
	}
	if len(why) > 0 {
		what += ": " + strings.Join(why, "; ")
	}
	return what, it
}

// notQuitting is what a no to the quit question says.
func (m *Model) notQuitting() string {
	switch {
	case !m.saving && len(m.queue) == 0:
		return "Not quitting"
	case len(m.queue) > 0:
		return "Not quitting: still saving your changes"
	case m.lockWaiting:
		return "Not quitting: still saving your change once the other process has written"
	}
	return "Not quitting: still saving your change"
}
