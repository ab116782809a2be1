package factless

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/errcodevet/errcodevet/internal/atomicfile"
	"github.com/errcodevet/errcodevet/internal/configfile"
	"github.com/errcodevet/errcodevet/internal/readfile"
)

// readBuffers hold the files the rules read, one at a time each: the files
// of every dependency go through a few buffers.
var readBuffers = sync.Pool{New: func() any {
	buf := make([]byte, readfile.BufferSize)
	return &buf
}}

func verdictsPath(dir string) string { return filepath.Join(dir, "dependency-carriers.txt") }

// A keptVerdict is an answer of Carriers kept between runs and the day it
// was last used, in days since the Unix epoch (UTC).
type keptVerdict struct {
	carriers bool
	day      int64
}

// verdictLife is how many days a kept verdict no run uses stays kept: as
// long as the go command keeps an unused build cache entry.
const verdictLife = 5

// The verdicts file is read by every run that analyzes: a header line, then
// one line per verdict, "key carriers day" (carriers 0 or 1), which
// decodes several times faster than JSON.
const verdictsHeader = "errcodevet dependency verdicts 1\n"

// readVerdicts returns the verdicts kept at path; nil if there is no such
// file or it is not one that Save wrote (a bad file is an empty one).
func readVerdicts(path string) map[string]keptVerdict {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	// The keys are substrings of one string: one allocation, not one each.
	text, ok := strings.CutPrefix(string(data), verdictsHeader)
	if !ok {
		return nil
	}
	verdicts := make(map[string]keptVerdict, strings.Count(text, "\n"))
	for len(text) > 0 {
		line, rest, ok := strings.Cut(text, "\n")
		if !ok {
			return nil // cut short
		}
		text = rest
		key, line, _ := strings.Cut(line, " ")
		carriers, day, _ := strings.Cut(line, " ")
		d, err := strconv.ParseInt(day, 10, 64)
		if err != nil || len(key) != 2*sha256.Size || carriers != "0" && carriers != "1" {
			return nil
		}
		verdicts[key] = keptVerdict{carriers == "1", d}
	}
	return verdicts
}

// Save keeps this run's Carriers answers for the next runs (Rule's
// verdictsDir),
// with the answers of earlier runs used in the last verdictLife days: runs
// over other projects keep their own, and the verdicts on a module version
// hold for any project. It writes only when this run found a new answer or
// used one not yet used today. Errors are ignored: the next run reads the
// files again.
func (d *Rule) Save() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.verdictsDir == "" {
		return
	}
	today := time.Now().Unix() / (24 * 60 * 60)
	news := false
	for key, carriers := range d.used {
		if v, ok := d.verdicts[key]; !ok || v.carriers != carriers || v.day != today {
			news = true
			break
		}
	}
	if !news {
		return
	}
	// Merged with the file as it is now, not as this run read it, so that
	// a run that saved since keeps its answers. Two runs that save at the
	// same time: the last rename wins (atomicfile), and the other's new
	// answers are found again by a later run.
	path := verdictsPath(d.verdictsDir)
	verdicts := readVerdicts(path)
	if verdicts == nil {
		verdicts = make(map[string]keptVerdict, len(d.used))
	}
	maps.DeleteFunc(verdicts, func(_ string, v keptVerdict) bool { return today-v.day > verdictLife })
	for key, carriers := range d.used {
		verdicts[key] = keptVerdict{carriers, today}
	}
	data := make([]byte, 0, len(verdictsHeader)+len(verdicts)*(2*sha256.Size+10))
	data = append(data, verdictsHeader...)
	for _, key := range slices.Sorted(maps.Keys(verdicts)) {
		v := verdicts[key]
		data = fmt.Appendf(data, "%s %d %d\n", key, boolDigit(v.carriers), v.day)
	}
	if os.MkdirAll(d.verdictsDir, 0o755) == nil {
		atomicfile.WriteCache(path, data, 0o644)
	}
}

func boolDigit(b bool) int {
	if b {
		return 1
	}
	return 0
}

// verdictKey returns the key of Carriers' answer for these files, in dir,
// and keys looked for, or "" if a file cannot be read. A file in the module
// cache is known by its name, which names its module's version: the go
// command never changes it (it checks it against go.sum when it downloads
// it). Any other, the standard library's included, by its name, size and
// modification time.
func verdictKey(quoted [][]byte, dir string, goFiles []string) string {
	h := sha256.New()
	for _, q := range quoted {
		fmt.Fprintf(h, "key %q\n", q)
	}
	stat := !configfile.InModuleCache(dir)
	for _, name := range goFiles {
		if !stat {
			fmt.Fprintf(h, "file %q\n", name)
			continue
		}
		fi, err := os.Stat(name)
		if err != nil {
			return ""
		}
		fmt.Fprintf(h, "file %q %d %d\n", name, fi.Size(), fi.ModTime().UnixNano())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// spells reports whether a file spells one of quoted; sure is false when
// a file could not be read (then it answers true: it cannot tell).
func spells(goFiles []string, quoted [][]byte) (found, sure bool) {
	buf := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(buf)
	for _, name := range goFiles {
		hit, err := readfile.Contains(name, *buf, quoted)
		if err != nil {
			return true, false
		}
		if hit {
			return true, true
		}
	}
	return false, true
}
