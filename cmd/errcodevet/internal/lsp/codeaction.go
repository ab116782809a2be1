// Code actions: the quick fixes of the findings, once the document's
// current version is analyzed.

package lsp

import (
	"context"
	"errors"
	"strings"

	"github.com/sourcegraph/jsonrpc2"
)

// codeActionRequest answers textDocument/codeAction from a goroutine of
// its own: the answer may wait for the analysis of the document's current
// version, and the read loop must go on meanwhile.
func (s *server) codeActionRequest(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	var p codeActionParams
	if err := unmarshalParams(req, &p); err != nil {
		s.replyError(ctx, conn, req, jsonrpc2.CodeInvalidParams, err.Error())
		return
	}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		s.replyError(ctx, conn, req, jsonrpc2.CodeInvalidParams, err.Error())
		return
	}
	reqCtx, cancel := context.WithCancel(s.ctx)
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		cancel()
		return
	}
	doc := s.docs[path]
	var version int32
	if doc != nil {
		version = doc.version
	}
	s.requests[req.ID] = cancel
	s.wg.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.wg.Done()
		defer func() {
			s.mu.Lock()
			delete(s.requests, req.ID)
			s.mu.Unlock()
			cancel()
		}()
		actions, err := s.codeActions(reqCtx, p, doc, version)
		if err != nil {
			var rpcErr *jsonrpc2.Error
			if !errors.As(err, &rpcErr) {
				rpcErr = &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()}
			}
			if err := conn.ReplyWithError(ctx, req.ID, rpcErr); err != nil {
				s.log.Printf("codeAction: %v", err)
			}
			return
		}
		s.reply(ctx, conn, req, actions)
	}()
}

// codeActions returns the quick fixes of the findings in p's range, once
// the document's current version is analyzed.
// The document and its version are taken when the request arrives, in
// order with the document's changes.
func (s *server) codeActions(ctx context.Context, p codeActionParams, doc *document, version int32) ([]codeAction, error) {
	actions := []codeAction{}
	if doc == nil || !kindWanted(p.Context.Only) {
		return actions, nil
	}
	s.mu.Lock()
	for !(doc.analyzed && doc.resultOf == version) {
		if s.docs[doc.path] != doc || doc.version != version {
			s.mu.Unlock()
			return nil, &jsonrpc2.Error{Code: codeContentModified, Message: "document changed"}
		}
		updated := s.updated
		s.mu.Unlock()
		select {
		case <-ctx.Done():
			return nil, &jsonrpc2.Error{Code: codeRequestCancelled, Message: "request cancelled"}
		case <-updated:
		}
		s.mu.Lock()
	}
	defer s.mu.Unlock()
	for _, f := range doc.findings {
		if !f.diag.Range.overlaps(p.Range) {
			continue
		}
		for i, fx := range f.fixes {
			actions = append(actions, codeAction{
				Title:       fx.title,
				Kind:        kindQuickFix,
				Diagnostics: []diagnostic{f.diag},
				IsPreferred: i == 0,
				Edit:        s.workspaceEditLocked(fx),
			})
		}
	}
	return actions, nil
}

// kindWanted reports whether a quick fix is among the kinds asked for
// (all when none are named); kinds are hierarchical, "" matching any.
func kindWanted(only []string) bool {
	if len(only) == 0 {
		return true
	}
	for _, k := range only {
		if k == "" || k == kindQuickFix || strings.HasPrefix(kindQuickFix, k+".") {
			return true
		}
	}
	return false
}

func (s *server) workspaceEditLocked(fx fix) workspaceEdit {
	if s.docChanges {
		var changes []textDocumentEdit
		for _, f := range fx.files {
			changes = append(changes, textDocumentEdit{
				TextDocument: optionalVersionedTextDocumentIdentifier{URI: f.uri, Version: f.version},
				Edits:        f.edits,
			})
		}
		return workspaceEdit{DocumentChanges: changes}
	}
	changes := make(map[string][]textEdit)
	for _, f := range fx.files {
		changes[f.uri] = append(changes[f.uri], f.edits...)
	}
	return workspaceEdit{Changes: changes}
}

// A fix is a finding's quick fix: its title and its edits, by file.
type fix struct {
	title string
	files []fileEdits
}

// fileEdits are a fix's edits of one file, for the version the client has open.
type fileEdits struct {
	uri     string
	version *int32 // nil: a file the client does not have open
	edits   []textEdit
}
