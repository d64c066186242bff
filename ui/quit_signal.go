package ui

// QuitSignalMsg ends the dashboard as q does, for a signal: SIGHUP when
// its terminal closes (tmux kill-session, a dropped ssh session), SIGTERM
// from kill or a shutdown. Nobody is there to answer a question, so a
// save in flight is let land first (the caller bounds how long a save
// waiting for another process may take), then the dashboard quits and its
// catalogue is closed.
type QuitSignalMsg struct{}
