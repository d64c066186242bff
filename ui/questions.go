package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The status bar asks one question at a time (m.confirm), and a question
// on screen is never replaced: the next key answers the question the PM
// sees. A question that comes up meanwhile — a save's conflict landing
// while the PM is asked whether to quit, an order asked about again — waits
// in m.asking and is asked once the ones before it are answered. One that
// comes up while an editor or the filter is open waits until it closes,
// so the digits typed there never answer it. Two questions go in front:
// the quit question (ctrl+c or q with something unsaved), and an editor's
// own question about the value just typed (ui/plausible.go).

// ask puts a question to the PM in turn.
func (m *Model) ask(c *confirmation) {
	m.asking = append(m.asking, c)
	m.nextQuestion()
}

// askFirst asks c now; the question it covers waits, first in line, and
// comes back if the PM answers no.
func (m *Model) askFirst(c *confirmation) {
	if m.confirm != nil {
		m.asking = append([]*confirmation{m.confirm}, m.asking...)
	}
	m.confirm = c
}

// typing says an editor or the filter is open: questions that are not
// about what is typed there wait for it to close.
func (m *Model) typing() bool {
	return m.mode == modeEdit || m.mode == modeFilter || (m.mode == modeSettings && m.settings.editing)
}

// nextQuestion shows the first waiting question once nothing is asked and
// nothing is typed (an editor's own question shows over its editor).
func (m *Model) nextQuestion() {
	if m.confirm != nil || len(m.asking) == 0 {
		return
	}
	c := m.asking[0]
	if m.typing() && c.back == nil && !c.quit {
		return
	}
	m.asking = m.asking[1:]
	m.confirm = c
	// shown in answer to the key just pressed: what that key did stays
	// in sight before it
	c.after = m.answered
}

// unsavedAsked counts the questions on screen or waiting that hold a change the
// PM asked for: it is saved only after y.
func (m *Model) unsavedAsked() int {
	n := 0
	for _, c := range append([]*confirmation{m.confirm}, m.asking...) {
		if c != nil && c.unsaved {
			n++
		}
	}
	return n
}

// yes names the key that answers yes, for the questions' texts.
func (m *Model) yes() string { return keyName(m.keys.Yes) }

// answer takes the key pressed while a question is on screen: y runs it,
// any other key drops it (or goes back to what asked). The result stays in
// sight beside the next question, if one is waiting.
func (m *Model) answer(c *confirmation, msg tea.KeyPressMsg) tea.Cmd {
	m.confirm = nil
	defer func() { m.answered = m.message }()
	if key.Matches(msg, m.keys.Yes) {
		if c.quit {
			return tea.Quit
		}
		m.setInfo("Working…")
		if m.saving && c.back == nil {
			// a save runs (one queued behind the question went on while
			// the quit question was asked): this one saves next. An
			// editor's question queues its own save as it closes.
			m.queue = append([]queuedSave{{what: "the change asked about", run: c.run}}, m.queue...)
			m.setInfo(m.runningSaveText())
			return nil
		}
		return c.run()
	}
	if c.back != nil {
		return c.back()
	}
	no := c.no
	if c.quit {
		no = m.notQuitting()
	}
	if no == "" {
		no = "Cancelled"
	}
	m.setInfo(no)
	m.pin()
	m.outside.ownResult = no // others' changes read next follow it
	return nil
}

// confirmation is a question the status bar asks; y runs it, anything
// else drops it, or, with back, returns to what asked (an editor).
type confirmation struct {
	question string
	short    string // the question for a narrow status bar; "" = question
	run      func() tea.Cmd
	back     func() tea.Cmd
	// no is what any other key leaves in the status bar: what did not
	// happen ("Not saved: …"); "" says "Cancelled"
	no string
	// unsaved: a change the PM asked for is saved only after y (another
	// process's change to save over, an implausible value), so quitting
	// asks first
	unsaved bool
	// quit is the question before quitting, drawn from what is unsaved
	// when it is drawn (ui/quit_question.go)
	quit bool
	// after is what the key that brought this question on screen did (the
	// answer to the one before), shown before it while there is room
	after string
}
