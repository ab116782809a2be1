package analyzer

import (
	"strings"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/carrier"
)

// builtinKeys are the carrier keys of the built-in catalog. With them the
// cheap exit decides without parsing the catalog, which costs about 2 ms:
// under go vet every package, dependencies and the standard library
// included, is analyzed in a process of its own, and most exit cheaply.
// TestBuiltinKeys keeps them in step with catalog/builtin.
var builtinKeys = carrier.NewKeys([]string{"errcode", "resultCode", "resultStatus"}, []string{"errcode", "resultCode", "resultStatus"}, []string{
	"github.com/go-pay/gopay/alipay",
	"github.com/go-pay/gopay/wechat",
	"github.com/go-pay/gopay/wechat/v3",
	"github.com/wechatpay-apiv3/wechatpay-go/core",
	"github.com/wechatpay-apiv3/wechatpay-go/services/partnerpayments",
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments",
	"github.com/wechatpay-apiv3/wechatpay-go/services/refunddomestic",
	"github.com/smartwalle/alipay/v3",
	"github.com/xen0n/go-workwx",
})

// builtinFamilies are the names of the built-in families, for validating
// a configuration without loading the catalog; TestBuiltinKeys keeps them
// in step with catalog/builtin.
var builtinFamilies = []string{"wechat", "miniprogram", "wecom", "wechatpay", "alipay"}

// builtinClientFamilies are the built-in families that name their clients
// (they share errcode), for validating client-packages without loading the
// catalog; TestBuiltinKeys keeps them in step with catalog/builtin.
var builtinClientFamilies = []string{"wechat", "wecom"}

// redirect says that the constants of a family's package (from) are to be
// imported from another package (to), per Config.Constants.
type redirect struct{ from, to string }

// load loads the catalogs and indexes them, once. Run calls it when a
// package passes the cheap exit; s.catalog and s.index may be used after.
func (s *settings) load() error {
	s.loaded.Do(func() {
		cat, err := catalog.Load(s.cfg.Catalogs...)
		if err != nil {
			s.loadErr = err
			return
		}
		idx := carrier.NewIndex(cat)
		for _, item := range s.cfg.ClientPackages {
			fam, pattern, _ := strings.Cut(item, "=")
			idx.AddClientPackage(fam, pattern)
		}
		if s.keys == nil {
			s.keys = idx.Keys()
		}
		for _, fam := range cat.Families() {
			if p, ok := s.cfg.Constants[fam.Name]; ok {
				if s.constants == nil {
					s.constants = make(map[*catalog.Table]redirect)
				}
				for _, t := range fam.Tables() {
					s.constants[t] = redirect{from: fam.Package, to: p}
				}
			}
		}
		s.catalog, s.index = cat, idx
	})
	return s.loadErr
}
