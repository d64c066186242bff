package store

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
		return writeRefusal(path, f, reason)
	}
	return nil
}
