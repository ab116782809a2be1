package main_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// The classic Alipay SDKs as users build with them, from the module proxy
// (or the module cache): their own types, not the fixtures' stubs of them,
// must carry the codes.
const (
	smartwalleVersion = "github.com/smartwalle/alipay/v3@v3.2.25"
	gopayVersion      = "github.com/go-pay/gopay/alipay@v1.5.101"
)

const smartwalleGo = `package shop

import (
	"context"
	"errors"

	"github.com/smartwalle/alipay/v3"
)

func Pay(c *alipay.Client, orderNo string) (string, error) {
	var p alipay.TradePay
	p.OutTradeNo = orderNo
	rsp, err := c.TradePay(context.Background(), p)
	if err != nil {
		return "", err
	}
	if rsp.Code == "10003" {
		return "query", nil
	}
	return string(rsp.Code), nil
}

func Settled(c *alipay.Client, orderNo string) error {
	q, err := c.TradeQuery(context.Background(), alipay.TradeQuery{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	if q.TradeStatus == alipay.TradeStatusWaitBuyerPay {
		return errors.New("not paid")
	}
	return nil
}
`

const gopayGo = `package shop

import (
	"context"

	"github.com/go-pay/gopay"
	"github.com/go-pay/gopay/alipay"
)

func Missing(c *alipay.Client, bm gopay.BodyMap) bool {
	_, err := c.TradeQuery(context.Background(), bm)
	if bizErr, ok := alipay.IsBizError(err); ok {
		return bizErr.SubCode == "ACQ.TRADE_NOT_EXST"
	}
	return false
}
`

func TestRealAlipayModules(t *testing.T) {
	bin := binary(t)
	dir := testmodule.New(t, map[string]string{
		"shop/smartwalle.go": smartwalleGo,
		"shop/gopay.go":      gopayGo,
	})
	// The steps that need the module proxy (CI reaches it); everything after
	// runs offline. go mod download fetches what go get leaves out and an
	// offline go list asks for (each module's .info).
	for _, args := range [][]string{{"get", smartwalleVersion, gopayVersion}, {"mod", "download"}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	r := run(t, dir, bin, "./...")
	want := []string{
		`shop/gopay.go:13:28: code "ACQ.TRADE_NOT_EXST" can never match: likely a misspelling of ACQ.TRADE_NOT_EXIST (alipay.ACQTradeNotExist) (unknown-code)`,
		`shop/smartwalle.go:17:17: code "10003" compared as a magic string: 表示订单创建成功，支付处理中 (alipay.CodeOrderSuccessPayInProcess) (string-code)`,
		`shop/smartwalle.go:28:5: trade_status WAIT_BUYER_PAY (交易创建，等待买家付款) handled as a final failure: the API documents retrying or querying the result (retry-unknown)`,
		`shop/smartwalle.go:29:3: 	gives up here: returns an error made from text alone`,
	}
	if got := strings.TrimSuffix(r.stdout, "\n"); r.code != 3 || got != strings.Join(want, "\n") || r.stderr != "" {
		t.Errorf("errcodevet ./...: exit code %d, printed\n%s\nstderr\n%s\nwant 3 and\n%s", r.code, r.stdout, r.stderr, strings.Join(want, "\n"))
	}
}
