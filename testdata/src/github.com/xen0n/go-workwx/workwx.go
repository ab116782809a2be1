// Package workwx declares, by hand, the part of github.com/xen0n/go-workwx
// that errcodevet recognizes: the error a WeCom call returns for a non-zero
// errcode, and a client whose use marks a package as a WeCom client.
package workwx

import "github.com/xen0n/go-workwx/errcodes"

type WorkwxClientError struct {
	Code errcodes.ErrCode
	Msg  string
}

func (e *WorkwxClientError) Error() string { return e.Msg }

type Workwx struct{ CorpID string }

func New(corpID string) *Workwx { return &Workwx{CorpID: corpID} }

type WorkwxApp struct{ AgentID int64 }

func (c *Workwx) WithApp(corpSecret string, agentID int64) *WorkwxApp {
	return &WorkwxApp{AgentID: agentID}
}

type UserInfo struct{ UserID, Name string }

func (c *WorkwxApp) GetUser(userid string) (*UserInfo, error) { return nil, nil }
