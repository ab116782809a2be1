package alipaygopaynil // want package:"exposes carriers"

// This fixture proves that gopay's TradePay, whose error is nil for 10003
// (payment in process) as for 10000, is judged as smartwalle's IsSuccess
// is: the path a nil error takes records the payment (a call outside
// logging, not handed the response or its code) is a retry-unknown
// finding, unless the function tells 10003 apart. A wrapper that returns
// the response, a call handed it, and another call's error are left alone.

import (
	"context"
	"errors"
	"log"

	"github.com/go-pay/gopay"
	"github.com/go-pay/gopay/alipay"
)

type Orders struct{}

func (*Orders) MarkPaid(id, tradeNo string) error { return nil }
func (*Orders) Record(rsp *alipay.TradePayResponse) error { return nil }
func (*Orders) RecordCode(code string) error { return nil }

var ErrPending = errors.New("payment in process: query it")

type Service struct {
	c      *alipay.Client
	orders *Orders
}

// --- Reported ---

func (s *Service) Pay(id string, bm gopay.BodyMap) error {
	rsp, err := s.c.TradePay(context.Background(), bm)
	if err != nil { // want `TradePay returns a nil error for 10003 \(表示订单创建成功，支付处理中\) too: what the test lets through handles an unknown outcome as a success; tell 10003 apart by the response's code and query the order`
		return err
	}
	return s.orders.MarkPaid(id, rsp.Response.TradeNo)
}

func (s *Service) PayInit(id string, bm gopay.BodyMap) {
	if _, err := s.c.TradePay(context.Background(), bm); err == nil { // want `TradePay returns a nil error for 10003`
		s.orders.MarkPaid(id, "")
	}
}

func (s *Service) PayElse(id string, bm gopay.BodyMap) error {
	_, err := s.c.TradePay(context.Background(), bm)
	if err != nil { // want `TradePay returns a nil error for 10003`
		log.Print(err)
		return errors.New("payment failed")
	} else {
		s.orders.MarkPaid(id, "")
	}
	return nil
}

// --- Left alone ---

// A thin wrapper hands the response to its caller.
func (s *Service) PayRaw(bm gopay.BodyMap) (*alipay.TradePayResponse, error) {
	rsp, err := s.c.TradePay(context.Background(), bm)
	if err != nil {
		return nil, err
	}
	return rsp, nil
}

// Tells 10003 apart.
func (s *Service) PayTold(id string, bm gopay.BodyMap) error {
	rsp, err := s.c.TradePay(context.Background(), bm)
	if err != nil {
		return err
	}
	if rsp.Response.Code == "10003" {
		return ErrPending
	}
	return s.orders.MarkPaid(id, rsp.Response.TradeNo)
}

// The response, or its code, is handed to a call that may tell them apart.
func (s *Service) PayHanded(bm gopay.BodyMap) error {
	rsp, err := s.c.TradePay(context.Background(), bm)
	if err != nil {
		return err
	}
	return s.orders.Record(rsp)
}

func (s *Service) PayCodeHanded(bm gopay.BodyMap) error {
	rsp, err := s.c.TradePay(context.Background(), bm)
	if err != nil {
		return err
	}
	return s.orders.RecordCode(rsp.Response.Code)
}

// The error tested is a query's, whose nil error means 10000.
func (s *Service) Query(id string, bm gopay.BodyMap) error {
	_, err := s.c.TradeQuery(context.Background(), bm)
	if err != nil {
		return err
	}
	return s.orders.MarkPaid(id, "")
}

// Only logs.
func (s *Service) PayLogged(bm gopay.BodyMap) {
	_, err := s.c.TradePay(context.Background(), bm)
	if err != nil {
		return
	}
	log.Print("pay answered")
}
