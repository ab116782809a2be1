package retrycaller

// A code table whose catalog names a success code (WeChat's errcode: 0
// success, -1 "System is busy. Try again later.") gets the verdicts a
// status table gets: a predicate that answers false on the unknown outcome
// and the success test otherwise collapses it into a final failure.
// Equivalent shapes sit side by side: the trailing test returned, the same
// test through if or switch, a local that only names it, struct and map.

import (
	"errors"
	"log"

	"github.com/errcodevet/errcodevet/miniprogram"
	"github.com/errcodevet/errcodevet/wechat"
)

type SendResp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type Envelope struct {
	Base SendResp `json:"base"`
}

var ErrBusy = errors.New("wechat busy")

// --- Answers false on -1 and the success test otherwise: reported ---

func Sent(resp SendResp) bool {
	if resp.ErrCode == -1 { // want `errcode -1 \(system is busy\) answered as a final failure: the API documents trying again later`
		return false
	}
	return resp.ErrCode == 0
}

func SentNamed(resp SendResp) bool {
	if resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		log.Print("busy")
		return false
	}
	return wechat.Success == resp.ErrCode
}

func SentSwitch(resp SendResp) bool {
	switch resp.ErrCode {
	case wechat.SystemBusy: // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	}
	return resp.ErrCode == wechat.Success
}

func SentIf(resp SendResp) bool {
	if resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	}
	if resp.ErrCode == wechat.Success {
		return true
	}
	return false
}

func SentElse(resp SendResp) bool {
	if resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	}
	if resp.ErrCode == wechat.Success {
		return true
	} else {
		return false
	}
}

func SentNotSuccess(resp SendResp) bool {
	if resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	}
	if resp.ErrCode != wechat.Success {
		return false
	}
	return true
}

func SentFullSwitch(resp SendResp) bool {
	switch resp.ErrCode {
	case wechat.Success:
		return true
	case wechat.SystemBusy: // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	default:
		return false
	}
}

func SentLocal(resp SendResp) bool {
	if resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	}
	ok := resp.ErrCode == wechat.Success
	return ok
}

func (r SendResp) OK() bool {
	if r.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	}
	return r.ErrCode == wechat.Success
}

func SentNested(e Envelope) bool {
	if e.Base.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	}
	return e.Base.ErrCode == wechat.Success
}

func SentMap(m map[string]any) bool {
	code, _ := m["errcode"].(float64)
	if code == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	}
	return code == wechat.Success
}

func SentCases(resp SendResp) bool {
	switch resp.ErrCode {
	case wechat.Success:
		return true
	case wechat.SystemBusy: // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	}
	return false
}

func SentChain(resp SendResp) bool {
	if resp.ErrCode == wechat.Success {
		return true
	} else if resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	} else {
		return false
	}
}

// An arm that does not leave lets success reach what follows the chain:
// the return after it is no final failure's answer.
func SentChainFallsThrough(resp SendResp, ok bool) bool {
	if resp.ErrCode == wechat.Success {
		ok = true
	} else if resp.ErrCode == wechat.SystemBusy {
		return false
	}
	return false
}

// The Mini Program's code table names SUCCESS: the same rule.
func CodeSucceeded(res Result) bool {
	if res.ResultCode == miniprogram.UnknownException { // want `resultCode UNKNOWN_EXCEPTION \(an API calling is failed, which is caused by unknown reasons\) answered as a final failure`
		return false
	}
	return res.ResultCode == miniprogram.Success
}

// The same answer beside a nil error, as on every other failure.
func SentState(resp SendResp) (string, error) {
	if resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		return "failed", nil
	}
	if resp.ErrCode == wechat.Success {
		return "sent", nil
	}
	return "failed", nil
}

// --- U kept apart, or an answer the analysis does not judge: silent ---

// True on -1, the success test otherwise: -1 stays apart from failures.
func SentOrBusy(resp SendResp) bool {
	if resp.ErrCode == wechat.SystemBusy {
		return true
	}
	return resp.ErrCode == wechat.Success
}

// errcode != 0 answers true on every failure: a predicate that groups -1
// with them may mean it.
func SendFailed(resp SendResp) bool {
	if resp.ErrCode == wechat.SystemBusy {
		return true
	}
	return resp.ErrCode != wechat.Success
}

func SendFailedFalse(resp SendResp) bool {
	if resp.ErrCode == wechat.SystemBusy {
		return false
	}
	return resp.ErrCode != wechat.Success
}

// The unknown outcome handed on beside the answer.
func SentOrBusyErr(resp SendResp) (bool, error) {
	if resp.ErrCode == wechat.SystemBusy {
		return false, ErrBusy
	}
	return resp.ErrCode == wechat.Success, nil
}

// Nothing tells -1 apart: no branch is taken on it.
func SentPlain(resp SendResp) bool {
	return resp.ErrCode == wechat.Success
}

// A predicate that also groups another code with -1 may mean its answer.
func SentGrouped(resp SendResp) bool {
	if resp.ErrCode == wechat.SystemBusy {
		return false
	}
	if resp.ErrCode == wechat.AccessTokenExpired {
		return false
	}
	return resp.ErrCode == wechat.Success
}

// A local that is more than the success test is not the same answer.
func SentLocalMore(resp SendResp, quota bool) bool {
	if resp.ErrCode == wechat.SystemBusy {
		return false
	}
	ok := resp.ErrCode == wechat.Success
	ok = ok && quota
	return ok
}

// The success test first, then -1: what follows answers every failure.
func SentSuccessFirst(resp SendResp) bool {
	if resp.ErrCode == wechat.Success {
		return true
	}
	if resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) answered as a final failure`
		return false
	}
	return false
}

// A switch without a case on success: its default holds success too.
func SentSwitchNoSuccess(resp SendResp) bool {
	switch resp.ErrCode {
	case wechat.SystemBusy:
		return false
	default:
		return false
	}
}

// --- The ok of the assertion that read the value guards nothing more:
// reported as the comparison alone is ---

func busyCommaOK(m map[string]any) error {
	code, ok := m["errcode"].(float64)
	if ok && code == -1 { // want `errcode -1 \(system is busy\) handled as a final failure`
		return errors.New("send failed")
	}
	return nil
}

func unknownCommaOK(m map[string]any) error {
	s, ok := m["resultStatus"].(string)
	if ok && s == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return errors.New("pay failed")
	}
	return nil
}

// --- An ok that says more: silent ---

func busyOtherOK(m, n map[string]any) error {
	code, _ := m["errcode"].(float64)
	_, ok := n["retry"].(bool)
	if ok && code == -1 {
		return errors.New("send failed")
	}
	return nil
}

func busyOKReassigned(m map[string]any, force bool) error {
	code, ok := m["errcode"].(float64)
	ok = ok && force
	if ok && code == -1 {
		return errors.New("send failed")
	}
	return nil
}
