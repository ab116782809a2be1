package wechat_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/wechat"
)

// published lists every constant the package has published, with the
// value it was published with. A published name is never removed, renamed
// or given to another code (catalog/sources/README.md): removing or
// renaming a constant makes this file fail to compile, and giving it
// another value fails TestPublishedConstants. Append the constants of new
// codes; never delete a line.
var published = []struct {
	name      string
	got, want int64
}{
	{"SystemBusy", wechat.SystemBusy, -1},
	{"Success", wechat.Success, 0},
	{"InvalidCredential", wechat.InvalidCredential, 40001},
	{"InvalidCredentialType", wechat.InvalidCredentialType, 40002},
	{"InvalidOpenID", wechat.InvalidOpenID, 40003},
	{"InvalidMediaFileType", wechat.InvalidMediaFileType, 40004},
	{"InvalidFileType", wechat.InvalidFileType, 40005},
	{"InvalidFileSize", wechat.InvalidFileSize, 40006},
	{"InvalidMediaFileID", wechat.InvalidMediaFileID, 40007},
	{"InvalidMessageType", wechat.InvalidMessageType, 40008},
	{"InvalidImageFileSize", wechat.InvalidImageFileSize, 40009},
	{"InvalidVoiceFileSize", wechat.InvalidVoiceFileSize, 40010},
	{"InvalidVideoFileSize", wechat.InvalidVideoFileSize, 40011},
	{"InvalidThumbnailFileSize", wechat.InvalidThumbnailFileSize, 40012},
	{"InvalidAppID", wechat.InvalidAppID, 40013},
	{"InvalidAccessToken", wechat.InvalidAccessToken, 40014},
	{"InvalidMenuType", wechat.InvalidMenuType, 40015},
	{"InvalidButtonCount", wechat.InvalidButtonCount, 40016},
	{"InvalidButtonType", wechat.InvalidButtonType, 40017},
	{"InvalidButtonNameLength", wechat.InvalidButtonNameLength, 40018},
	{"InvalidButtonKeyLength", wechat.InvalidButtonKeyLength, 40019},
	{"InvalidButtonURLLength", wechat.InvalidButtonURLLength, 40020},
	{"InvalidMenuVersion", wechat.InvalidMenuVersion, 40021},
	{"InvalidSubMenuLevel", wechat.InvalidSubMenuLevel, 40022},
	{"InvalidSubMenuButtonCount", wechat.InvalidSubMenuButtonCount, 40023},
	{"InvalidSubMenuButtonType", wechat.InvalidSubMenuButtonType, 40024},
	{"InvalidSubMenuButtonNameLength", wechat.InvalidSubMenuButtonNameLength, 40025},
	{"InvalidSubMenuButtonKeyLength", wechat.InvalidSubMenuButtonKeyLength, 40026},
	{"InvalidSubMenuButtonURLLength", wechat.InvalidSubMenuButtonURLLength, 40027},
	{"InvalidCustomMenuUser", wechat.InvalidCustomMenuUser, 40028},
	{"InvalidOAuthCode", wechat.InvalidOAuthCode, 40029},
	{"InvalidRefreshToken", wechat.InvalidRefreshToken, 40030},
	{"InvalidOpenIDList", wechat.InvalidOpenIDList, 40031},
	{"InvalidOpenIDListLength", wechat.InvalidOpenIDListLength, 40032},
	{"InvalidRequestCharacters", wechat.InvalidRequestCharacters, 40033},
	{"InvalidParameter", wechat.InvalidParameter, 40035},
	{"InvalidRequestFormat", wechat.InvalidRequestFormat, 40038},
	{"InvalidURLLength", wechat.InvalidURLLength, 40039},
	{"InvalidURL", wechat.InvalidURL, 40048},
	{"InvalidGroupID", wechat.InvalidGroupID, 40050},
	{"InvalidGroupName", wechat.InvalidGroupName, 40051},
	{"InvalidArticleIdx", wechat.InvalidArticleIdx, 40060},
	{"InvalidGroupName40117", wechat.InvalidGroupName40117, 40117},
	{"InvalidMediaIDSize", wechat.InvalidMediaIDSize, 40118},
	{"InvalidMediaButtonType", wechat.InvalidMediaButtonType, 40119},
	{"InvalidSubButtonType", wechat.InvalidSubButtonType, 40120},
	{"InvalidMediaIDType", wechat.InvalidMediaIDType, 40121},
	{"InvalidAppSecret", wechat.InvalidAppSecret, 40125},
	{"InvalidWeixinID", wechat.InvalidWeixinID, 40132},
	{"InvalidImageFormat", wechat.InvalidImageFormat, 40137},
	{"HomepageLinkNotAllowed", wechat.HomepageLinkNotAllowed, 40155},
	{"OAuthCodeUsed", wechat.OAuthCodeUsed, 40163},
	{"MissingAccessToken", wechat.MissingAccessToken, 41001},
	{"MissingAppID", wechat.MissingAppID, 41002},
	{"MissingRefreshToken", wechat.MissingRefreshToken, 41003},
	{"MissingSecret", wechat.MissingSecret, 41004},
	{"MissingMediaData", wechat.MissingMediaData, 41005},
	{"MissingMediaID", wechat.MissingMediaID, 41006},
	{"MissingSubMenuData", wechat.MissingSubMenuData, 41007},
	{"MissingOAuthCode", wechat.MissingOAuthCode, 41008},
	{"MissingOpenID", wechat.MissingOpenID, 41009},
	{"AccessTokenExpired", wechat.AccessTokenExpired, 42001},
	{"RefreshTokenExpired", wechat.RefreshTokenExpired, 42002},
	{"OAuthCodeExpired", wechat.OAuthCodeExpired, 42003},
	{"TokensInvalidatedByPasswordChange", wechat.TokensInvalidatedByPasswordChange, 42007},
	{"RequireGET", wechat.RequireGET, 43001},
	{"RequirePOST", wechat.RequirePOST, 43002},
	{"RequireHTTPS", wechat.RequireHTTPS, 43003},
	{"RecipientNotFollower", wechat.RecipientNotFollower, 43004},
	{"RecipientNotFriend", wechat.RecipientNotFriend, 43005},
	{"RecipientBlacklisted", wechat.RecipientBlacklisted, 43019},
	{"EmptyMediaFile", wechat.EmptyMediaFile, 44001},
	{"EmptyPOSTDataPacket", wechat.EmptyPOSTDataPacket, 44002},
	{"EmptyArticle", wechat.EmptyArticle, 44003},
	{"EmptyTextMessage", wechat.EmptyTextMessage, 44004},
	{"MediaFileSizeExceedsLimit", wechat.MediaFileSizeExceedsLimit, 45001},
	{"MessageLengthExceedsLimit", wechat.MessageLengthExceedsLimit, 45002},
	{"TitleLengthExceedsLimit", wechat.TitleLengthExceedsLimit, 45003},
	{"DescriptionLengthExceedsLimit", wechat.DescriptionLengthExceedsLimit, 45004},
	{"URLLengthExceedsLimit", wechat.URLLengthExceedsLimit, 45005},
	{"ImageURLLengthExceedsLimit", wechat.ImageURLLengthExceedsLimit, 45006},
	{"VoiceFilePlaybackTimedOut", wechat.VoiceFilePlaybackTimedOut, 45007},
	{"ArticleLengthExceedsLimit", wechat.ArticleLengthExceedsLimit, 45008},
	{"APICallsExceedLimit", wechat.APICallsExceedLimit, 45009},
	{"MenuCountExceedsLimit", wechat.MenuCountExceedsLimit, 45010},
	{"APIFrequencyTooHigh", wechat.APIFrequencyTooHigh, 45011},
	{"ResponseTimedOut", wechat.ResponseTimedOut, 45015},
	{"SystemGroupNotModifiable", wechat.SystemGroupNotModifiable, 45016},
	{"GroupNameExceedsLimit", wechat.GroupNameExceedsLimit, 45017},
	{"GroupCountExceedsLimit", wechat.GroupCountExceedsLimit, 45018},
	{"KFMessageCountExceedsLimit", wechat.KFMessageCountExceedsLimit, 45047},
	{"MediaDataNotFound", wechat.MediaDataNotFound, 46001},
	{"MenuVersionNotFound", wechat.MenuVersionNotFound, 46002},
	{"MenuDataNotFound", wechat.MenuDataNotFound, 46003},
	{"UserNotFound", wechat.UserNotFound, 46004},
	{"JSONXMLParseError", wechat.JSONXMLParseError, 47001},
	{"APIUnauthorized", wechat.APIUnauthorized, 48001},
	{"MessageRejectedByFollower", wechat.MessageRejectedByFollower, 48002},
	{"APISuspended", wechat.APISuspended, 48004},
	{"AssetReferencedByMenuOrReply", wechat.AssetReferencedByMenuOrReply, 48005},
	{"ClearQuotaLimitExceeded", wechat.ClearQuotaLimitExceeded, 48006},
	{"NoPermissionForMessageType", wechat.NoPermissionForMessageType, 48008},
	{"UserNotAuthorizedForAPI", wechat.UserNotAuthorizedForAPI, 50001},
	{"UserPermissionLimited", wechat.UserPermissionLimited, 50002},
	{"UserNotFollowing", wechat.UserNotFollowing, 50005},
	{"KFInvalidParameter", wechat.KFInvalidParameter, 61451},
	{"InvalidKFAccount", wechat.InvalidKFAccount, 61452},
	{"KFAccountExists", wechat.KFAccountExists, 61453},
	{"KFAccountTooLong", wechat.KFAccountTooLong, 61454},
	{"KFAccountInvalidCharacters", wechat.KFAccountInvalidCharacters, 61455},
	{"KFAccountCountExceedsLimit", wechat.KFAccountCountExceedsLimit, 61456},
	{"InvalidProfilePhotoFileType", wechat.InvalidProfilePhotoFileType, 61457},
	{"SystemError", wechat.SystemError, 61450},
	{"DateFormatError", wechat.DateFormatError, 61500},
	{"EmptyParameter", wechat.EmptyParameter, 63001},
	{"InvalidSignature", wechat.InvalidSignature, 63002},
	{"PersonalizedMenuNotFound", wechat.PersonalizedMenuNotFound, 65301},
	{"NoMatchingUser", wechat.NoMatchingUser, 65302},
	{"DefaultMenuRequired", wechat.DefaultMenuRequired, 65303},
	{"EmptyMatchRule", wechat.EmptyMatchRule, 65304},
	{"PersonalizedMenuCountLimited", wechat.PersonalizedMenuCountLimited, 65305},
	{"PersonalizedMenuUnsupported", wechat.PersonalizedMenuUnsupported, 65306},
	{"EmptyPersonalizedMenu", wechat.EmptyPersonalizedMenu, 65307},
	{"ButtonWithoutResponseType", wechat.ButtonWithoutResponseType, 65308},
	{"PersonalizedMenuDisabled", wechat.PersonalizedMenuDisabled, 65309},
	{"CountryRequired", wechat.CountryRequired, 65310},
	{"ProvinceRequired", wechat.ProvinceRequired, 65311},
	{"InvalidCountry", wechat.InvalidCountry, 65312},
	{"InvalidProvince", wechat.InvalidProvince, 65313},
	{"InvalidCity", wechat.InvalidCity, 65314},
	{"TooManyRedirectURLs", wechat.TooManyRedirectURLs, 65316},
	{"InvalidMenuURL", wechat.InvalidMenuURL, 65317},
	{"InvalidSignature87009", wechat.InvalidSignature87009, 87009},
	{"InvalidPOSTDataParameter", wechat.InvalidPOSTDataParameter, 9001001},
	{"RemoteServiceUnavailable", wechat.RemoteServiceUnavailable, 9001002},
	{"InvalidTicket", wechat.InvalidTicket, 9001003},
	{"GetShakeUserInfoFailed", wechat.GetShakeUserInfoFailed, 9001004},
	{"GetMerchantInfoFailed", wechat.GetMerchantInfoFailed, 9001005},
	{"GetOpenIDFailed", wechat.GetOpenIDFailed, 9001006},
	{"MissingUploadedFile", wechat.MissingUploadedFile, 9001007},
	{"InvalidUploadedFileType", wechat.InvalidUploadedFileType, 9001008},
	{"InvalidUploadedFileSize", wechat.InvalidUploadedFileSize, 9001009},
	{"UploadFailed", wechat.UploadFailed, 9001010},
	{"InvalidAccount", wechat.InvalidAccount, 9001020},
	{"LowDeviceActivationRate", wechat.LowDeviceActivationRate, 9001021},
	{"DeviceCountNotPositive", wechat.DeviceCountNotPositive, 9001022},
	{"DeviceApplicationUnderReview", wechat.DeviceApplicationUnderReview, 9001023},
	{"TooManyDeviceIDsToQuery", wechat.TooManyDeviceIDsToQuery, 9001024},
	{"InvalidDeviceID", wechat.InvalidDeviceID, 9001025},
	{"InvalidPageID", wechat.InvalidPageID, 9001026},
	{"InvalidPageParameter", wechat.InvalidPageParameter, 9001027},
	{"TooManyPageIDsToDelete", wechat.TooManyPageIDsToDelete, 9001028},
	{"PageLinkedToDevice", wechat.PageLinkedToDevice, 9001029},
	{"TooManyPageIDsToQuery", wechat.TooManyPageIDsToQuery, 9001030},
	{"InvalidTimePeriod", wechat.InvalidTimePeriod, 9001031},
	{"InvalidDevicePageLinkParameter", wechat.InvalidDevicePageLinkParameter, 9001032},
	{"InvalidShopID", wechat.InvalidShopID, 9001033},
	{"DeviceRemarksTooLong", wechat.DeviceRemarksTooLong, 9001034},
	{"InvalidDeviceApplicationParameter", wechat.InvalidDeviceApplicationParameter, 9001035},
	{"InvalidBeginValue", wechat.InvalidBeginValue, 9001036},
}

func TestPublishedConstants(t *testing.T) {
	names := make(map[string]bool)
	for _, c := range published {
		if c.got != c.want {
			t.Errorf("%s = %d, published as %d", c.name, c.got, c.want)
		}
		if names[c.name] {
			t.Errorf("%s is listed twice", c.name)
		}
		names[c.name] = true
	}
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cat.Family("wechat").Codes.Codes {
		if c.Name != "" && !names[c.Name] {
			t.Errorf("errcode %s is published as %s, which the published list lacks: append it", c.Value, c.Name)
		}
	}
}
