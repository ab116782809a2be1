package retrygiveup // want package:"exposes carriers"

// This fixture proves -give-up-funcs: a call of a function named there
// (Orders.MarkFailed, the interface method Ledger.Close) in a branch taken
// on an unknown outcome records a final outcome and gives up, whatever the
// branch returns; a call of any other function is not judged. Run with
// give-up-funcs retrygiveup.Orders.MarkFailed,retrygiveup.Ledger.Close,
// retrygiveup.Service.markFailed;
// without the setting, none of these is reported.

import (
	"context"
	"errors"
	"log"
	"net/http"

	"github.com/errcodevet/errcodevet/miniprogram"
)

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

var ErrPending = errors.New("payment pending")

type Orders struct{}

func (*Orders) MarkFailed(id string) error  { return nil }
func (*Orders) MarkPending(id string) error { return nil }

type Ledger interface {
	Close(id string) error
}

type Service struct {
	orders *Orders
	ledger Ledger
}

func (s *Service) markFailed(ctx context.Context, id string) error { return nil }

// --- Records a final outcome on U: reported ---

func (s *Service) ReturnsMarkFailed(res Result, id string) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return s.orders.MarkFailed(id)
	}
	return nil
}

func (s *Service) MarksThenReturnsNil(res Result, id string) error {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	case miniprogram.StatusUnknown: // want `resultStatus U \(unknown outcome\) handled as a final failure`
		s.orders.MarkFailed(id)
		return nil
	}
	return ErrPending
}

// An unexported method named by the setting: the same verdict
// (retrycaller's marksFailedThenNil, without the setting, is silent).
func (s *Service) marksFailedThenNil(ctx context.Context, res Result, id string) error {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	case miniprogram.StatusUnknown: // want `resultStatus U \(unknown outcome\) handled as a final failure`
		s.markFailed(ctx, id)
		return nil
	}
	return ErrPending
}

// Marking the order failed is giving up, whatever the caller is told.
func (s *Service) MarksThenReturnsSentinel(res Result, id string) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		_ = s.orders.MarkFailed(id)
		return ErrPending
	}
	return nil
}

func (s *Service) ClosesThroughInterface(res Result, id string) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		if err := s.ledger.Close(id); err != nil {
			return err
		}
		return ErrPending
	}
	return nil
}

func (s *Service) HandlerMarks(w http.ResponseWriter, res Result, id string) {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		log.Print("unknown")
		s.orders.MarkFailed(id)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (s *Service) NonSuccessMarks(res Result, id string) error {
	if res.ResultStatus != miniprogram.StatusSuccess { // want `resultStatus other than S handled as a final failure without handling U \(unknown outcome\) first`
		return s.orders.MarkFailed(id)
	}
	return nil
}

// --- Not judged: silent ---

func (s *Service) MarksPending(res Result, id string) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return s.orders.MarkPending(id) // not a final outcome
	}
	return nil
}

func (s *Service) HandlerAnswers(w http.ResponseWriter, res Result, id string) {
	if res.ResultStatus == miniprogram.StatusUnknown {
		s.orders.MarkPending(id)
		w.WriteHeader(http.StatusAccepted) // acknowledges, leaves the order pending
		return
	}
	w.WriteHeader(http.StatusOK)
}

// A final failure may be recorded as final.
func (s *Service) FailureMarks(res Result, id string) error {
	if res.ResultStatus == miniprogram.StatusFailure {
		return s.orders.MarkFailed(id)
	}
	if res.ResultStatus == miniprogram.StatusUnknown {
		return ErrPending
	}
	return nil
}

// A branch on a known outcome after success first: never run on U.
func (s *Service) AccessDeniedMarks(res Result, id string) error {
	if res.ResultStatus == miniprogram.StatusSuccess {
		return nil
	}
	if res.ResultCode == miniprogram.AccessDenied {
		return s.orders.MarkFailed(id)
	}
	return ErrPending
}
