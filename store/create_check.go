package store

import "fmt"

// CheckCreate returns the error Open would return for a new catalogue at
// path (its directory missing, or not writable by this user) without
// creating anything, or nil when Open could create it: an import's dry
// run fails where the import would.
func CheckCreate(path string) error {
	f, err := inspect(path, wantCreate)
	if err != nil {
		return err
	}
	if reason := f.notWritable(); reason != "" {
		if f.exists {
			return fmt.Errorf("%s: %w (%s): nothing was changed", path, ErrReadOnly, reason)
		}
		return fmt.Errorf("cannot create a catalogue at %s: %s", path, reason)
	}
	return nil
}
