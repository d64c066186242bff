package store

import (
	"os"
	"os/user"
)

// currentUser names who made a change, for the audit log: $USER, else the
// account name, else "unknown".
func currentUser() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}
