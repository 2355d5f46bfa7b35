package build

import "time"

// SetRacyWindow shortens how old a file must be for its stamp to be
// trusted, so that a test need not wait a second between edits.
func SetRacyWindow(c *Cache, d time.Duration) { c.racy = d }

// OptionsInKey says, for each field of Options, whether the cache's
// settings key holds it.
func OptionsInKey() map[string]bool { return optionsInKey() }

// SettingsKey is the key of site.yaml's bytes and opts.
func SettingsKey(cfgData []byte, opts Options) [32]byte { return settingsKey(cfgData, opts) }
