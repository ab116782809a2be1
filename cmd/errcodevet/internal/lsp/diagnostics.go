// Publishing diagnostics: the findings of each analysis (analysis.go) and
// the withdrawal of stale ones, sent to the client in order, with why a
// package is not analyzed.

package lsp

import (
	"context"

	"github.com/sourcegraph/jsonrpc2"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
)

// clearLocked withdraws a document's findings.
func (s *server) clearLocked(doc *document) {
	doc.findings = nil
	s.outbox = append(s.outbox, notification{"textDocument/publishDiagnostics", publishDiagnosticsParams{URI: doc.uri, Diagnostics: []diagnostic{}}})
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

// A notification is a message to the client, queued in the outbox.
type notification struct {
	method string
	params any
}

// noticeLocked tells the client, in its log (window/logMessage, as a
// warning), why the package pkg (its ID) was not analyzed, unless it was
// told so after the package's last analysis. Said once until the reason
// changes: an editor's buffer often does not compile while it is typed.
func (s *server) noticeLocked(pkg, why string) {
	if s.notices[pkg] == why {
		return
	}
	if s.notices == nil {
		s.notices = make(map[string]string)
	}
	s.notices[pkg] = why
	s.outbox = append(s.outbox, notification{"window/logMessage", logMessageParams{Type: messageWarning, Message: "errcodevet: " + why}})
}

// send sends the queued messages, then the notifications in order, until
// ctx is done.
func (s *server) send(ctx context.Context, conn *jsonrpc2.Conn) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		}
		s.mu.Lock()
		queue, messages := s.outbox, s.messages
		s.outbox, s.messages = nil, nil
		s.mu.Unlock()
		for _, m := range messages {
			if err := conn.Notify(ctx, "window/showMessage", m); err != nil {
				s.log.Printf("showMessage: %v", err)
			}
		}
		for _, n := range queue {
			if err := conn.Notify(ctx, n.method, n.params); err != nil {
				s.log.Printf("%s: %v", n.method, err)
			}
		}
	}
}

// sayHeldBack tells the user, once per session, that quick fixes were held
// back because the module does not provide the packages they would
// import (analyzer.Result).
func (s *server) sayHeldBack(held []analyzer.HeldBack, mod *packages.Module) {
	goVersion := ""
	if mod != nil {
		goVersion = mod.GoVersion
	}
	notice := analyzer.HeldBackNotice(held, goVersion, "quick fixes")
	if notice == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.heldBack {
		return
	}
	s.heldBack = true
	s.messages = append(s.messages, showMessageParams{Type: messageInfo, Message: notice})
	select {
	case s.wake <- struct{}{}:
	default:
	}
}
