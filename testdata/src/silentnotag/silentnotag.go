package silentnotag

// This fixture proves that a field's name is never enough: ErrCode,
// ResultCode and ResultStatus without the json tag, with json:"-", with
// another json name or with another encoding's tag are left alone.

type Response struct {
	ErrCode  int
	Skipped  int `json:"-"`
	Snake    int `json:"err_code"`
	YAML     int `yaml:"errcode"`
	Embedded struct {
		ResultCode   string
		ResultStatus string `xml:"resultStatus"`
	}
}

func handle(resp Response) bool {
	if resp.ErrCode == 42001 || resp.Skipped == 42001 || resp.Snake == 40001 || resp.YAML == -1 {
		return true
	}
	return resp.Embedded.ResultCode == "ACCESS_DENIED" || resp.Embedded.ResultStatus == "U"
}
