package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"stockroom/store"
	"stockroom/termtext"
)

// lockTimeout is how long a command waits for another process to finish
// writing the catalogue before it gives up; tests set it low.
var lockTimeout = store.DefaultLockTimeout

// waitForLocks makes the command's writes wait for another process's
// write lock up to lockTimeout, saying so on stderr once they start
// waiting, instead of failing at once with "database is locked".
func waitForLocks(cmd *cobra.Command) {
	stderr := cmd.ErrOrStderr()
	cmd.SetContext(store.WithLockWait(cmd.Context(), store.LockWait{Timeout: lockTimeout, Note: func(path string) {
		fmt.Fprintf(stderr, "waiting for another process to finish writing %s…\n", termtext.Visible(path))
	}}))
}
