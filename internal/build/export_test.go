package build

import "time"

// SetRacyWindow shortens how old a file must be for its stamp to be
// trusted, so that a test need not wait a second between edits.
func SetRacyWindow(c *Cache, d time.Duration) { c.racy = d }
