package alipaylookalike

// This fixture proves that look-alikes of classic Alipay's carriers are
// left alone: a Code type and a SubCode field of another package, and a
// trade_status read from a map or a struct of one's own.

type Code string

type Reply struct {
	Code        Code   `json:"code"`
	SubCode     string `json:"sub_code"`
	TradeStatus string `json:"trade_status"`
}

func handle(r Reply, m map[string]any) bool {
	if r.Code == "10003" || r.SubCode == "ACQ.SYSTEM_ERROR" {
		return false
	}
	s, _ := m["trade_status"].(string)
	return r.TradeStatus == "WAIT_BUYER_PAY" || s == "TRADE_CLOSD"
}
