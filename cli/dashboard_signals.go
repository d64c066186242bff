package cli

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/ui"
)

// signalEnd ends the dashboard on SIGHUP (its terminal closed: tmux
// kill-session, a dropped ssh session), SIGTERM (kill, a shutdown) or
// SIGINT (kill -INT; typed, ctrl+c is a key) as q does, so that Run
// returns and the catalogue is closed: the signals' default action would
// kill the process and leave the catalogue's -wal and -shm behind. Bubble
// Tea's own handler is off: it ignores SIGHUP and ends on SIGTERM without
// the dashboard seeing it. A save in flight lands first (ui.QuitSignalMsg);
// one waiting for another process's lock is given lockTimeout, as a
// command would, and then dropped (closing the store makes it give up
// before writing anything). A second signal ends the dashboard at once.
type signalEnd struct {
	sigs   chan os.Signal
	done   chan struct{}
	got    atomic.Value // the first signal
	killed atomic.Bool  // ended before a save could land
}

// catchSignals starts listening, before the catalogue is opened: a signal
// that arrives while it opens or loads is held until the dashboard runs
// (endOn), which then quits at once.
func catchSignals() *signalEnd {
	s := &signalEnd{sigs: make(chan os.Signal, 2), done: make(chan struct{})}
	signal.Notify(s.sigs, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	return s
}

// endOn ends p as q does on the first signal, and at once on a second.
func (s *signalEnd) endOn(p *tea.Program) {
	go func() {
		select {
		case sig := <-s.sigs:
			s.got.Store(sig)
		case <-s.done:
			return
		}
		go p.Send(ui.QuitSignalMsg{})
		select {
		case <-s.sigs:
		case <-time.After(lockTimeout):
		case <-s.done:
			return
		}
		s.killed.Store(true)
		p.Kill()
	}()
}

// stop stops listening; the signals' default actions apply again.
func (s *signalEnd) stop() {
	signal.Stop(s.sigs)
	close(s.done)
}

// signal is the signal that ended the dashboard, nil if none did.
func (s *signalEnd) signal() os.Signal {
	sig, _ := s.got.Load().(os.Signal)
	return sig
}
