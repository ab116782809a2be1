// Publishing diagnostics: the findings of each analysis (analysis.go) and
// the withdrawal of stale ones, sent to the client in order.

package lsp

import (
	"context"

	"github.com/sourcegraph/jsonrpc2"
)

// clearLocked withdraws a document's findings.
func (s *server) clearLocked(doc *document) {
	doc.findings = nil
	s.outbox = append(s.outbox, publishDiagnosticsParams{URI: doc.uri, Diagnostics: []diagnostic{}})
	s.notifyLocked()
}

// notifyLocked wakes the sender and the code actions waiting for results.
func (s *server) notifyLocked() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
	s.broadcastLocked()
}

// broadcastLocked wakes the code actions waiting for results.
func (s *server) broadcastLocked() {
	close(s.updated)
	s.updated = make(chan struct{})
}

// send sends the queued diagnostics in order until ctx is done.
func (s *server) send(ctx context.Context, conn *jsonrpc2.Conn) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		}
		s.mu.Lock()
		queue := s.outbox
		s.outbox = nil
		s.mu.Unlock()
		for _, p := range queue {
			if err := conn.Notify(ctx, "textDocument/publishDiagnostics", p); err != nil {
				s.log.Printf("publishDiagnostics: %v", err)
			}
		}
	}
}
