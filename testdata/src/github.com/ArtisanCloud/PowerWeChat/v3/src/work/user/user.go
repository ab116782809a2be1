// Package user declares, by hand, a reply type of a WeCom SDK's work
// package: its declaring package marks its errcode as WeCom's wherever it
// is read.
package user

type ResponseGetUserDetail struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
	UserID  string `json:"userid"`
}

type Client struct{}

func (c *Client) Get(userID string) (*ResponseGetUserDetail, error) { return nil, nil }
