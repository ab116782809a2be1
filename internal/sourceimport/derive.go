package sourceimport

import (
	"go/token"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errcodevet/errcodevet/catalog"
)

// retryRules derive a retry class from a row's documented text, first match
// wins. They are phrases the vendors use; the review file overrides a class
// where the text misleads.
var retryRules = []struct {
	class catalog.Retry
	re    *regexp.Regexp
}{
	{catalog.RetryNever, regexp.MustCompile(`\bdo not retry\b`)},
	// A frequency limit is checked before "try again later": a text that
	// says both asks the caller to slow down (45011: "API is called at a
	// high frequency. Try again later.").
	{catalog.RetryReduceTraffic, regexp.MustCompile(`\btraffic exceeds the limit\b|\bapi calls exceed the limit\b|\bcalled at a high frequency\b|\bcalling frequency\b|\bfreq(uency)? (out of )?limit\b|调用太频繁|频率限制|频率受限`)},
	{catalog.RetryLater, regexp.MustCompile(`\btry again later\b|\brecall the api might help\b|稍[候后](再试|重试)`)},
	{catalog.RetryRenewToken, regexp.MustCompile(`\baccess[ _]token (is )?expired\b|\binvalid access[ _]token\b|\baccess[ _]token is invalid\b`)},
	// The request itself must be fixed: calling again cannot help.
	{catalog.RetryNever, regexp.MustCompile(`\bcheck and verify whether the request\b|\bcheck whether the current api name\b|^invalid |^empty |\bis missing\b|^use (get|post|https) method\b`)},
}

// DeriveRetry returns the retry class a row's text documents. When the text
// says nothing, a result status of U (unknown outcome: the call may or may
// not have taken effect) asks for a retry or an inquiry. F does not decide:
// an F code's further action says what to do (fix the request, renew the
// token, slow down, contact support), and one that says nothing about
// retrying stays unstated rather than an invented "never".
func DeriveRetry(r Row) catalog.Retry {
	text := strings.ToLower(r.Message + " " + r.Action + " " + r.Errmsg)
	for _, rule := range retryRules {
		if rule.re.MatchString(text) {
			return rule.class
		}
	}
	if r.Status == "U" {
		return catalog.RetryLater
	}
	return catalog.RetryUnstated
}

// initialisms are written as Go writes them in names.
var initialisms = map[string]string{
	"api": "API", "appid": "AppID", "appsecret": "AppSecret", "get": "GET", "https": "HTTPS",
	"id": "ID", "ids": "IDs", "json": "JSON", "kf": "KF", "menuid": "MenuID", "oauth": "OAuth",
	"openid": "OpenID", "post": "POST", "url": "URL", "urls": "URLs", "xml": "XML",
	"ip": "IP", "ips": "IPs", "http": "HTTP", "html": "HTML", "uri": "URI", "uid": "UID",
	"uuid": "UUID", "qr": "QR", "sku": "SKU", "spu": "SPU", "pdf": "PDF", "sms": "SMS",
	"jsapi": "JSAPI", "unionid": "UnionID", "ok": "OK",
}

var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "is": true, "are": true, "of": true, "to": true,
	"by": true, "for": true, "this": true, "that": true, "be": true, "was": true,
}

// maxErrmsgWords is the most words of an errmsg that make a name: a longer
// one is a sentence, not a name.
const maxErrmsgWords = 6

// DeriveName proposes a Go name for a row: its value turned to CamelCase for
// result codes (ACCESS_DENIED: AccessDenied), its message's first sentence
// for numeric codes (Invalid media file type: InvalidMediaFileType). The
// result is an exported Go identifier, prefixed with Code where the words
// would not start one. The review file pins the names that are published.
func DeriveName(f Format, r Row) string {
	var words []string
	if f.IsResult() {
		words = strings.Split(strings.ToLower(r.Value), "_")
	} else {
		first, _ := splitFirstSentence(r.Message)
		if r.Errmsg != "" {
			// The errmsg is English where the description may not be; its
			// first clause names the code: "invalid ip, not in whitelist".
			first, _, _ = strings.Cut(r.Errmsg, ",")
			first, _ = splitFirstSentence(first)
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(first), func(c rune) bool {
			return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '_'
		}) {
			if !hasIdeograph(w) { // Chinese text spells no Go name
				words = append(words, w)
			}
		}
		if len(words) == 0 || hasIdeograph(first) || r.Errmsg != "" && (strings.Contains(first, "://") || len(words) > maxErrmsgWords) {
			// Nothing to spell a name with: Chinese text (its Latin words,
			// "不合法的 template_id", would name it wrongly), a URL, a whole
			// sentence. The value names the code.
			return "Code" + strings.Replace(r.Value, "-", "Minus", 1)
		}
	}
	var b strings.Builder
	for _, w := range words {
		for _, part := range strings.Split(w, "_") {
			if part == "" || stopWords[part] {
				continue
			}
			if s, ok := initialisms[part]; ok {
				b.WriteString(s)
				continue
			}
			first, size := utf8.DecodeRuneInString(part)
			b.WriteRune(unicode.ToUpper(first))
			b.WriteString(part[size:])
		}
	}
	name := b.String()
	// A name that starts with a digit, or with a letter that has no upper
	// case (Chinese text, "ß"), is not exported as it is.
	if !token.IsExported(name) {
		name = "Code" + name
	}
	return name
}

func hasIdeograph(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
	}) >= 0
}
