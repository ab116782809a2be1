package alipaygrouped // want package:"exposes carriers"

// This fixture proves that a branch an unknown outcome selects together
// with the success value (rsp.Code == CodeSuccess || rsp.Code ==
// CodeOrderSuccessPayInProcess, case S, U:) is a retry-unknown finding when
// it records something (a call outside logging that is not handed the
// answer): it treats a payment still in process as paid, as IsSuccess
// does. A call handed the answer, a retry or query, a function that tells
// the unknown value apart elsewhere, a plain return, and a branch on the
// unknown value alone are left alone.

import (
	"context"
	"errors"

	"github.com/errcodevet/errcodevet/miniprogram"
	"github.com/smartwalle/alipay/v3"
)

type Orders struct{}

func (*Orders) MarkPaid(id string) error { return nil }

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

type Service struct {
	c      *alipay.Client
	orders *Orders
}

var ErrPending = errors.New("payment pending")

// --- Reported ---

func (s *Service) PayGrouped(orderNo string) error {
	rsp, err := s.c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	if rsp.Code == alipay.CodeSuccess || rsp.Code == alipay.CodeOrderSuccessPayInProcess { // want `code 10003 \(表示订单创建成功，支付处理中\) handled together with success 10000: the branch treats an unknown outcome as a success; tell 10003 apart and query the result`
		s.orders.MarkPaid(orderNo)
		return nil
	}
	return errors.New("payment failed")
}

func (s *Service) PaySwitch(orderNo string) error {
	rsp, err := s.c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	switch rsp.Code {
	case alipay.CodeSuccess, alipay.CodeOrderSuccessPayInProcess: // want `code 10003 \(.*\) handled together with success 10000`
		return s.orders.MarkPaid(orderNo)
	}
	return errors.New("payment failed")
}

func (s *Service) SettleMiniProgram(res Result, id string) error {
	if res.ResultStatus == miniprogram.StatusSuccess || res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled together with success S`
		s.orders.MarkPaid(id)
	}
	return ErrPending
}

// --- Left alone ---

func (s *Service) handle(rsp *alipay.TradePayRsp) error { return nil }

// The call is handed the answer: it may tell 10003 apart itself.
func (s *Service) PayHanded(orderNo string) error {
	rsp, err := s.c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	if rsp.Code == alipay.CodeSuccess || rsp.Code == alipay.CodeOrderSuccessPayInProcess {
		return s.handle(rsp)
	}
	return errors.New("payment failed")
}

func (s *Service) pollOrder(orderNo string) error { return nil }

// Queries the order: a retry, not a success.
func (s *Service) PayPolled(orderNo string) error {
	rsp, err := s.c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	switch rsp.Code {
	case alipay.CodeSuccess, alipay.CodeOrderSuccessPayInProcess:
		return s.pollOrder(orderNo)
	}
	return errors.New("payment failed")
}

// Tells 10003 apart inside the branch.
func (s *Service) PayToldApart(orderNo string) error {
	rsp, err := s.c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	if rsp.Code == alipay.CodeSuccess || rsp.Code == alipay.CodeOrderSuccessPayInProcess {
		if rsp.Code == alipay.CodeOrderSuccessPayInProcess {
			return ErrPending
		}
		s.orders.MarkPaid(orderNo)
	}
	return nil
}

// A plain return says no more than the code around it.
func accepted(code alipay.Code) bool {
	switch code {
	case alipay.CodeSuccess, alipay.CodeOrderSuccessPayInProcess:
		return true
	}
	return false
}

// 10003 alone: what the call records is not known (see -give-up-funcs).
func (s *Service) PayInProcess(orderNo string) error {
	rsp, err := s.c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	if rsp.Code == alipay.CodeOrderSuccessPayInProcess {
		s.orders.MarkPaid(orderNo)
		return nil
	}
	return nil
}
