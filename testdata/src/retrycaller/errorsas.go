package retrycaller // want package:"exposes carriers"

import (
	"errors"
	"fmt"
	"time"

	"github.com/errcodevet/errcodevet/wechat"
)

// APIError is an SDK's error type: it carries the errcode.
type APIError struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func (e *APIError) Error() string { return e.ErrMsg }

func send(openid string) error { return nil }

// --- A final failure read through errors.As and retried: reported ---

func sendRetriesInvalidOpenID(openid string) error { // want sendRetriesInvalidOpenID:"retries"
	for i := 0; i < 5; i++ {
		err := send(openid)
		var apiErr *APIError
		if errors.As(err, &apiErr) && apiErr.ErrCode == wechat.InvalidOpenID { // want `errcode 40003 \(invalid OpenID\) retried: the API documents not retrying`
			time.Sleep(time.Second)
			continue
		}
		return err
	}
	return errors.New("gave up")
}

// The nested form reads the same.
func sendRetriesInvalidOpenIDNested(openid string) error {
	for i := 0; i < 5; i++ {
		err := send(openid)
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			if apiErr.ErrCode == wechat.InvalidOpenID { // want `errcode 40003 \(invalid OpenID\) retried: the API documents not retrying`
				continue
			}
		}
		return err
	}
	return errors.New("gave up")
}

// --- An unknown outcome read through errors.As and given up: reported ---

func sendBusyGivesUp(openid string) error {
	err := send(openid)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) handled as a final failure`
		return errors.New("send failed")
	}
	return err
}

// A disjunction of the error's own codes selects the body for each.
func sendBusyOrInvalidGivesUp(openid string) error {
	err := send(openid)
	var apiErr *APIError
	if errors.As(err, &apiErr) && (apiErr.ErrCode == wechat.SystemBusy || apiErr.ErrCode == wechat.InvalidOpenID) { // want `errcode -1 \(system is busy\) handled as a final failure`
		return errors.New("send failed")
	}
	return err
}

// The nested form reads the same.
func sendBusyGivesUpNested(openid string) error {
	err := send(openid)
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		if apiErr.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) handled as a final failure`
			return errors.New("send failed")
		}
	}
	return err
}

func sendBusyLogsDone(openid string) error {
	err := send(openid)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) reported to the caller as success`
		fmt.Println("busy")
		return nil
	}
	return err
}

// A nil guard of the carrier's own chain selects what the comparison does.
func busyGuarded(apiErr *APIError) error {
	if apiErr != nil && apiErr.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) handled as a final failure`
		return errors.New("send failed")
	}
	return nil
}

type sendReply struct {
	Err *APIError
}

func busyGuardedChain(r *sendReply) error {
	if r != nil && r.Err != nil && r.Err.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) handled as a final failure`
		return errors.New("send failed")
	}
	return nil
}

// --- Silent ---

// The error that holds the code is handed on, as it is or wrapped.
func sendBusyHandsOn(openid string) error {
	err := send(openid)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.ErrCode == wechat.SystemBusy {
		return fmt.Errorf("send: %w", err)
	}
	return err
}

func sendBusyHandsOnNested(openid string) error {
	err := send(openid)
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		if apiErr.ErrCode == wechat.SystemBusy {
			return err
		}
	}
	return err
}

// A rate limit is retried later with less traffic.
func sendRetriesRateLimit(openid string) error { // want sendRetriesRateLimit:"retries"
	for i := 0; i < 5; i++ {
		err := send(openid)
		var apiErr *APIError
		if errors.As(err, &apiErr) && apiErr.ErrCode == wechat.APICallsExceedLimit {
			time.Sleep(time.Minute)
			continue
		}
		return err
	}
	return errors.New("gave up")
}

// err is not produced anew in the loop: continue moves on, it does not call again.
func skipsInvalid(errs []error) int {
	n := 0
	for i := 0; i < len(errs); i++ {
		err := errs[i]
		var apiErr *APIError
		if errors.As(err, &apiErr) && apiErr.ErrCode == wechat.InvalidOpenID {
			continue
		}
		n++
	}
	return n
}

// A guard of anything but the carrier's chain selects on more than the
// outcome.
func busyGuardedOther(apiErr *APIError, other *APIError) error {
	if other != nil && apiErr.ErrCode == wechat.SystemBusy {
		return errors.New("send failed")
	}
	return nil
}

// A negated comparison under a guard: its else holds on nil too.
func notBusyGuarded(apiErr *APIError) error {
	if apiErr != nil && apiErr.ErrCode != wechat.SystemBusy {
		return nil
	} else {
		return errors.New("send failed")
	}
}
