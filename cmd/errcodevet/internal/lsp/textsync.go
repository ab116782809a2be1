// Text synchronization: the open documents and their edits, each of which
// schedules an analysis (analysis.go).

package lsp

import (
	"fmt"
	"strings"
	"time"
)

func isGoFile(path string) bool { return strings.HasSuffix(path, ".go") }

func (s *server) didOpen(p didOpenParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	if !isGoFile(path) {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path] = &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	s.scheduleLocked(path)
	return nil
}

func (s *server) didChange(p didChangeParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.docs[path]
	if doc == nil {
		if isGoFile(path) {
			return fmt.Errorf("%s is not open", p.TextDocument.URI)
		}
		return nil
	}
	if len(p.ContentChanges) == 0 {
		return nil
	}
	last := p.ContentChanges[len(p.ContentChanges)-1]
	if last.Range != nil {
		// The server asked for full sync; an incremental change cannot be
		// applied to an unknown text. Forget the document's findings.
		s.clearLocked(doc)
		return fmt.Errorf("%s: incremental change received, but the server syncs full contents", doc.uri)
	}
	doc.version = p.TextDocument.Version
	doc.text = []byte(last.Text)
	doc.analyzed = false
	s.scheduleLocked(path)
	s.broadcastLocked() // code actions for the old version give up
	return nil
}

// didSave analyzes every open file again: a saved file may change the
// findings of the packages that import it.
func (s *server) didSave(p didSaveParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.docs[path] == nil {
		return nil
	}
	for other := range s.docs {
		s.scheduleLocked(other)
	}
	return nil
}

func (s *server) didClose(p didCloseParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.docs[path]
	if doc == nil {
		return nil
	}
	delete(s.docs, path)
	delete(s.pending, path)
	s.clearLocked(doc)
	return nil
}

// scheduleLocked marks path for analysis after the debounce delay, and
// cancels the analysis under way, whose findings the edit makes stale;
// its files are analyzed again by the next run.
func (s *server) scheduleLocked(path string) {
	s.pending[path] = true
	if r := s.running; r != nil && r.ctx.Err() == nil {
		r.cancel()
		for _, p := range r.paths {
			if s.docs[p] != nil {
				s.pending[p] = true
			}
		}
	}
	if s.timer == nil {
		s.timer = time.AfterFunc(s.debounce, s.startRun)
	} else {
		s.timer.Reset(s.debounce)
	}
}
