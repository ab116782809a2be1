// The server's life: initialize, shutdown and exit.

package lsp

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// initOptions are the initializationOptions the server accepts.
type initOptions struct {
	// Debounce is a Go duration ("250ms").
	Debounce string `json:"debounce"`
}

// initialize answers the initialize request: the client's options and
// capabilities, the server's.
func (s *server) initialize(req *jsonrpc2.Request) (*initializeResult, error) {
	var p initializeParams
	if err := unmarshalParams(req, &p); err != nil {
		return nil, err
	}
	debounce := s.opts.Debounce
	if len(p.InitializationOptions) > 0 && string(p.InitializationOptions) != "null" {
		var o initOptions
		dec := json.NewDecoder(strings.NewReader(string(p.InitializationOptions)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&o); err != nil {
			return nil, fmt.Errorf("initializationOptions: %v (known: debounce)", err)
		}
		if o.Debounce != "" {
			d, err := time.ParseDuration(o.Debounce)
			if err != nil || d < 0 {
				return nil, fmt.Errorf("initializationOptions: debounce: want a duration such as \"250ms\", got %q", o.Debounce)
			}
			debounce = d
		}
	}
	s.mu.Lock()
	s.state = stateInitialized
	s.debounce = debounce
	s.docChanges = p.Capabilities.Workspace.WorkspaceEdit.DocumentChanges
	s.mu.Unlock()
	return &initializeResult{
		Capabilities: serverCapabilities{
			TextDocumentSync:   textDocumentSyncOptions{OpenClose: true, Change: syncFull, Save: saveOptions{}},
			CodeActionProvider: codeActionOptions{CodeActionKinds: []string{kindQuickFix}},
		},
		ServerInfo: serverInfo{Name: "errcodevet", Version: s.opts.Version},
	}, nil
}

// shutdown stops the analyses and the code actions waiting for them: the
// client will send exit next.
func (s *server) shutdown() {
	s.stop()
	s.mu.Lock()
	s.state = stateShutdown
	for _, cancel := range s.requests {
		cancel() // code actions waiting for an analysis that will not come
	}
	s.mu.Unlock()
}

// exitNow ends the server, for the exit notification: Serve returns.
func (s *server) exitNow() {
	s.stop()
	s.mu.Lock()
	s.exited = true
	s.mu.Unlock()
	s.exitOnce.Do(func() { close(s.exit) })
}

// stop cancels the analysis and the timer, for shutdown and exit.
func (s *server) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.running != nil {
		s.running.cancel()
	}
	s.pending = make(map[string]bool)
}
