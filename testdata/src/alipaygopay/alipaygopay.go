package alipaygopay // want package:"exposes carriers"

// This fixture proves that gopay's Alipay responses and BizErr carry
// classic Alipay's codes and sub-codes, and its trade query's status.

import (
	"context"

	"github.com/go-pay/gopay"
	"github.com/go-pay/gopay/alipay"
)

func refundable(c *alipay.Client, bm gopay.BodyMap) bool {
	rsp, err := c.TradeQuery(context.Background(), bm)
	if bizErr, ok := alipay.IsBizError(err); ok {
		return bizErr.SubCode == "ACQ.TRADE_NOT_EXIST" // want `code "ACQ.TRADE_NOT_EXIST" compared as a magic string: 查询的交易不存在 \(alipay.ACQTradeNotExist\)`
	}
	if err != nil {
		return false
	}
	if rsp.Response.Code == "40004" { // want `code "40004" compared as a magic string: 业务处理失败 \(alipay.BusinessFailed\)`
		return false
	}
	return rsp.Response.TradeStatus == "TRADE_SUCCESS" || rsp.Response.TradeStatus == "TRADE_SUCESS" // want `trade_status "TRADE_SUCESS" can never match: likely a misspelling of TRADE_SUCCESS \(alipay.TradeSuccess\)`
}
