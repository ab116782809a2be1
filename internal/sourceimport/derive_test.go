package sourceimport_test

import (
	"go/token"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/sourceimport"
)

func TestDeriveRetry(t *testing.T) {
	for _, tc := range []struct {
		row  sourceimport.Row
		want catalog.Retry
	}{
		{sourceimport.Row{Message: "System is busy. Try again later.", Action: "Try again later."}, catalog.RetryLater},
		{sourceimport.Row{Message: "Service busy. TRY AGAIN LATER"}, catalog.RetryLater},
		{sourceimport.Row{Message: "An API calling is failed.", Action: "Trying to recall the API might help to resolve the issue."}, catalog.RetryLater},
		// "Try again later" wins over the frequency it explains.
		// a frequency limit wins over "try again later": slow down, then retry
		{sourceimport.Row{Message: "API is called at a high frequency. Try again later."}, catalog.RetryReduceTraffic},
		{sourceimport.Row{Message: "系统繁忙，此时请开发者稍候再试"}, catalog.RetryLater},
		{sourceimport.Row{Message: "API 调用太频繁，请稍候再试"}, catalog.RetryReduceTraffic},
		{sourceimport.Row{Message: "不合法的参数", Errmsg: "api freq out of limit"}, catalog.RetryReduceTraffic},
		// "Do not retry" wins over everything.
		{sourceimport.Row{Message: "A general business failure occurred. Do not retry.", Status: "U"}, catalog.RetryNever},
		{sourceimport.Row{Message: "Quota used up. Do not retry; try again later."}, catalog.RetryNever},
		{sourceimport.Row{Message: "access_token expired. Check the validity period of access_token."}, catalog.RetryRenewToken},
		{sourceimport.Row{Message: "The access token is expired.", Status: "F"}, catalog.RetryRenewToken},
		{sourceimport.Row{Message: "Invalid access_token. Check the validity of access_token."}, catalog.RetryRenewToken},
		{sourceimport.Row{Message: "Incorrect AppSecret or invalid access_token."}, catalog.RetryRenewToken},
		{sourceimport.Row{Message: "The access_token is invalid"}, catalog.RetryRenewToken},
		{sourceimport.Row{Message: "API calls exceed the limit"}, catalog.RetryReduceTraffic},
		{sourceimport.Row{Message: "The request traffic exceeds the limit.", Status: "F"}, catalog.RetryReduceTraffic},
		{sourceimport.Row{Message: "Throttled.", Action: "Reduce the API calling frequency."}, catalog.RetryReduceTraffic},
		{sourceimport.Row{Message: "API is called at a high frequency"}, catalog.RetryReduceTraffic},
		// The request itself must change.
		{sourceimport.Row{Message: "Invalid media file type"}, catalog.RetryNever},
		{sourceimport.Row{Message: "Empty POST data packet"}, catalog.RetryNever},
		{sourceimport.Row{Message: "Parameter access_token is missing"}, catalog.RetryNever},
		{sourceimport.Row{Message: "Use GET method"}, catalog.RetryNever},
		{sourceimport.Row{Message: "Illegal parameters.", Action: "Check and verify whether the request fields are correct."}, catalog.RetryNever},
		{sourceimport.Row{Message: "The called API is invalid.", Action: "Check whether the current API name is used by mistakes."}, catalog.RetryNever},
		// Nothing said: U asks for a retry or an inquiry; F says nothing
		// by itself (the further action does), so it stays unstated.
		{sourceimport.Row{Message: "Request successful"}, catalog.RetryUnstated},
		{sourceimport.Row{Message: "Request invalid"}, catalog.RetryUnstated},
		{sourceimport.Row{Message: "The user does not retrying"}, catalog.RetryUnstated},
		{sourceimport.Row{Message: "Access is denied", Status: "F"}, catalog.RetryUnstated},
		{sourceimport.Row{Message: "Unknown outcome", Status: "U"}, catalog.RetryLater},
		{sourceimport.Row{Message: "Success", Status: "S"}, catalog.RetryUnstated},
	} {
		if got := sourceimport.DeriveRetry(tc.row); got != tc.want {
			t.Errorf("DeriveRetry(%+v) = %s, want %s", tc.row, got, tc.want)
		}
	}
}

func TestDeriveName(t *testing.T) {
	for _, tc := range []struct {
		format sourceimport.Format
		row    sourceimport.Row
		want   string
	}{
		{sourceimport.FormatResult, sourceimport.Row{Value: "ACCESS_DENIED"}, "AccessDenied"},
		{sourceimport.FormatResult, sourceimport.Row{Value: "INVALID_API"}, "InvalidAPI"},
		{sourceimport.FormatResult, sourceimport.Row{Value: "EXPIRED_ACCESS_TOKEN", Message: "The access token is expired."}, "ExpiredAccessToken"},
		{sourceimport.FormatResult, sourceimport.Row{Value: "USER_ID_NOT_EXIST"}, "UserIDNotExist"},
		{sourceimport.FormatResult, sourceimport.Row{Value: "OAUTH_FAILED"}, "OAuthFailed"},
		{sourceimport.FormatResult, sourceimport.Row{Value: "PROCESS_FAIL2"}, "ProcessFail2"},
		{sourceimport.FormatResult, sourceimport.Row{Value: "2FA_REQUIRED"}, "Code2faRequired"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "40004", Message: "Invalid media file type"}, "InvalidMediaFileType"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "42001", Message: "access_token expired. Check the validity period of access_token."}, "AccessTokenExpired"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "40013", Message: "Invalid AppID. Check whether AppID is correct."}, "InvalidAppID"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "45009", Message: "API calls exceed the limit"}, "APICallsExceedLimit"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "40022", Message: "Invalid sub-menu level"}, "InvalidSubMenuLevel"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "43001", Message: "Use GET method"}, "UseGETMethod"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "47001", Message: "An error occurred while parsing JSON/XML content"}, "ErrorOccurredWhileParsingJSONXMLContent"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "9001028", Message: "Up to 10 page IDs can be delete at a time"}, "Up10PageIDsCanDeleteAtTime"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "40033", Message: `Invalid request characters that are expressed in the form of \uxxxx`}, "InvalidRequestCharactersExpressedInFormUxxxx"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "61453", Message: "kf_account already exists"}, "KFAccountAlreadyExists"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "1", Message: "10 items at most"}, "Code10ItemsAtMost"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "2", Message: "The"}, "Code"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "3", Message: "..."}, "Code3"},
		// Letters outside ASCII: the first is upper-cased whole; a name that
		// still does not start with an upper-case letter gets a prefix.
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "4", Message: "Échec du paiement"}, "ÉchecDuPaiement"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "5", Message: "über limit"}, "ÜberLimit"},
		// Chinese spells no Go name: the English errmsg does, or else the value
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "-1", Message: "系统繁忙，此时请开发者稍候再试"}, "CodeMinus1"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "40164", Message: "调用接口的IP地址不在白名单中", Errmsg: "invalid ip, not in whitelist"}, "InvalidIP"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "40013", Message: "不合法的 AppID", Errmsg: "invalid appid"}, "InvalidAppID"},
		{sourceimport.FormatErrcode, sourceimport.Row{Value: "6", Message: "ßig"}, "Codeßig"},
	} {
		got := sourceimport.DeriveName(tc.format, tc.row)
		if got != tc.want {
			t.Errorf("DeriveName(%s, %+v) = %s, want %s", tc.format, tc.row, got, tc.want)
		}
		if !token.IsIdentifier(got) || !token.IsExported(got) {
			t.Errorf("DeriveName(%s, %+v) = %q, not an exported identifier", tc.format, tc.row, got)
		}
	}
}
