package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// wechatPayCode uses the real WeChat Pay SDKs the way a service does: the
// official SDK's core.IsAPIError and errors.As into *core.APIError, its
// order and refund types and constants, gopay's v3 and v2 responses.
const wechatPayCode = `package pay

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/go-pay/gopay"
	wxv2 "github.com/go-pay/gopay/wechat"
	wxv3 "github.com/go-pay/gopay/wechat/v3"
	"github.com/wechatpay-apiv3/wechatpay-go/core"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments/native"
	"github.com/wechatpay-apiv3/wechatpay-go/services/refunddomestic"
)

func Prepay(ctx context.Context, svc native.NativeApiService, req native.PrepayRequest) error {
	_, _, err := svc.Prepay(ctx, req)
	if core.IsAPIError(err, "SYSTEMERROR") {
		return errors.New("payment failed")
	}
	if core.IsAPIError(err, "") || core.IsAPIError(err, "ORDER_NOT_EXIST") {
		return err
	}
	var apiErr *core.APIError
	if errors.As(err, &apiErr) && apiErr.Code == "NOTENOUGH" {
		return err
	}
	return err
}

func Paid(ctx context.Context, svc native.NativeApiService, req native.QueryOrderByOutTradeNoRequest) error {
	tx, _, err := svc.QueryOrderByOutTradeNo(ctx, req)
	if err != nil {
		return err
	}
	if *tx.TradeState != "SUCCESS" {
		return errors.New("not paid")
	}
	return nil
}

func Refunded(r *refunddomestic.Refund) bool {
	return *r.Status == "PROCESING" || *r.Status == refunddomestic.STATUS_SUCCESS || *r.Status == "ABNORMAL"
}

func Query(ctx context.Context, c *wxv3.ClientV3, no string) bool {
	rsp, err := c.V3TransactionQueryOrder(ctx, wxv3.OutTradeNo, no)
	return err == nil && rsp.Code == 0 && rsp.Response.TradeState == "NOTPAY"
}

func Micropay(ctx context.Context, c *wxv2.Client, bm gopay.BodyMap) bool {
	rsp, err := c.Micropay(ctx, bm)
	return err == nil && rsp.ResultCode == "FAIL" && rsp.ErrCode == "ORDERPAID"
}

func RefundClosedV2(ctx context.Context, c *wxv2.Client, bm gopay.BodyMap) bool {
	rsp, _, err := c.QueryRefund(ctx, bm)
	return err == nil && (rsp.RefundStatus0 == "REFUNDCLOSE" || rsp.RefundStatus0 == "REFUND_CLOSED")
}

func PayingV2(ctx context.Context, c *wxv2.Client, bm gopay.BodyMap) bool {
	rsp, _, err := c.QueryOrder(ctx, bm)
	return err == nil && rsp.TradeState == "USERPAYING"
}

func RefundRetried(ctx context.Context, svc *refunddomestic.RefundsApiService, c *wxv3.ClientV3, order string) error {
	for i := 0; i < 3; i++ {
		no := order + strconv.FormatInt(time.Now().UnixNano(), 10)
		if _, _, err := svc.Create(ctx, refunddomestic.CreateRequest{OutTradeNo: core.String(order), OutRefundNo: core.String(no)}); err == nil {
			return nil
		}
		rsp, err := c.V3Refund(ctx, make(gopay.BodyMap).Set("out_trade_no", order).Set("out_refund_no", no))
		if err == nil && rsp.Code == 0 {
			return nil
		}
	}
	return errors.New("refund failed")
}

func RefundStatus(ctx context.Context, c *wxv3.ClientV3, bm gopay.BodyMap) (string, error) {
	rsp, err := c.V3Refund(ctx, bm)
	if err != nil {
		return "", err
	}
	return rsp.Response.Status, nil
}
`

// TestWeChatPaySDKs runs errcodevet over a module that uses the real
// WeChat Pay SDKs, github.com/wechatpay-apiv3/wechatpay-go v0.2.21 and
// github.com/go-pay/gopay v1.5.101, fetched through the module proxy the
// environment names (or found in the module cache): the carriers are the
// SDKs' own types, so the fixtures' stubs must agree with them. The fixes
// applied, the module builds and vets.
func TestWeChatPaySDKs(t *testing.T) {
	tool := buildTool(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gomod := "module example.com/pay\n\ngo 1.21\n\nrequire (\n\tgithub.com/go-pay/gopay v1.5.101\n\tgithub.com/wechatpay-apiv3/wechatpay-go v0.2.21\n)\n"
	for name, content := range map[string]string{"go.mod": gomod, "pay/pay.go": wechatPayCode} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) (string, error) {
		if args[0] == "errcodevet" {
			args[0] = tool
		}
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run("go", "mod", "tidy"); err != nil {
		t.Fatalf("go mod tidy (the module proxy serves both SDKs): %v\n%s", err, out)
	}
	if out, err := run("go", "mod", "edit", "-require=github.com/errcodevet/errcodevet/wechatpay@v0.0.0",
		"-replace=github.com/errcodevet/errcodevet/wechatpay="+filepath.Join(root, "wechatpay")); err != nil {
		t.Fatalf("go mod edit: %v\n%s", err, out)
	}
	out, _ := run("errcodevet", "./...")
	want := []string{
		`pay/pay.go:19:5: code SYSTEMERROR (系统错误 (HTTP 500)) handled as a final failure: the API documents trying again later (retry-unknown)`,
		"pay/pay.go:20:3: \tgives up here: returns an error made from text alone",
		`pay/pay.go:19:26: code "SYSTEMERROR" compared as a magic string: 系统错误 (HTTP 500) (wechatpay.SystemError) (string-code)`,
		`pay/pay.go:22:26: code "" can never match a documented code: the call is true only for an error whose body has no code (unknown-code)`,
		`pay/pay.go:26:47: code "NOTENOUGH" compared as a magic string: 余额不足 (HTTP 403) (wechatpay.NotEnough) (string-code)`,
		`pay/pay.go:37:5: status other than SUCCESS handled as a final failure without handling USERPAYING (trade_state: 用户支付中（付款码支付）) or PROCESSING (refund status: 退款处理中) first: the API documents retrying or querying the result (retry-unknown)`,
		"pay/pay.go:38:3: \tgives up here: returns an error made from text alone",
		`pay/pay.go:44:22: status "PROCESING" can never match: likely a misspelling of PROCESSING (refunddomestic.STATUS_PROCESSING) (unknown-code)`,
		`pay/pay.go:44:96: status "ABNORMAL" compared as a magic string: refund status: 退款异常 (refunddomestic.STATUS_ABNORMAL) (string-code)`,
		`pay/pay.go:49:67: status "NOTPAY" compared as a magic string: trade_state: 未支付 (待用户支付，可流转到 SUCCESS 或 CLOSED) (wechatpay.StateNotPay) (string-code)`,
		`pay/pay.go:54:66: code "ORDERPAID" compared as a magic string: 商户订单已支付 (wechatpay.OrderPaid) (string-code)`,
		`pay/pay.go:59:45: status "REFUNDCLOSE" compared as a magic string: refund_status (API v2): 退款关闭 (wechatpay.StateRefundClose) (string-code)`,
		`pay/pay.go:59:83: status "REFUND_CLOSED" can never match: the known values are SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR, PROCESSING, ABNORMAL, ACCEPT, REFUNDCLOSE, CHANGE (unknown-code)`,
		`pay/pay.go:64:41: status "USERPAYING" compared as a magic string: trade_state: 用户支付中（付款码支付） (wechatpay.StateUserPaying) (string-code)`,
		`pay/pay.go:70:19: refund retried under a new out_refund_no on each attempt: a new refund number makes each retry a new refund, a second one when an attempt's outcome was unknown; make the number once, before the first attempt (retry-unknown)`,
		"pay/pay.go:69:35: \tthe number changes here: calls time.Now",
		`pay/pay.go:73:15: refund retried under a new out_refund_no on each attempt: a new refund number makes each retry a new refund, a second one when an attempt's outcome was unknown; make the number once, before the first attempt (retry-unknown)`,
		"pay/pay.go:69:35: \tthe number changes here: calls time.Now",
		`pay/pay.go:82:14: V3Refund's answer read without testing its Code: gopay returns every answer but the expected 200 or 204 (SYSTEM_ERROR, 202 USERPAYING, a refusal) with a nil error and the HTTP status in its Code; test Code before reading Response (retry-unknown)`,
		"pay/pay.go:86:9: \treads the answer here",
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(l, "pay/pay.go:") {
			continue
		}
		got = append(got, l)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errcodevet ./... printed\n%s\nwant\n%s", out, strings.Join(want, "\n"))
	}
	if out, err := run("errcodevet", "-fix", "./..."); err == nil {
		t.Errorf("errcodevet -fix: no findings left unfixed\n%s", out)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "pay", "pay.go"))
	for _, w := range []string{`core.IsAPIError(err, wechatpay.SystemError)`, `apiErr.Code == wechatpay.NotEnough`,
		`*r.Status == refunddomestic.STATUS_ABNORMAL`, `rsp.Response.TradeState == wechatpay.StateNotPay`, `rsp.ErrCode == wechatpay.OrderPaid`,
		`rsp.RefundStatus0 == wechatpay.StateRefundClose`, `rsp.TradeState == wechatpay.StateUserPaying`} {
		if !strings.Contains(string(fixed), w) {
			t.Errorf("the fixed file lacks %s:\n%s", w, fixed)
		}
	}
	for _, args := range [][]string{{"go", "build", "./..."}, {"go", "vet", "./..."}} {
		if out, err := run(args...); err != nil {
			t.Errorf("%s: %v\n%s\n%s", strings.Join(args, " "), err, out, fixed)
		}
	}
}
