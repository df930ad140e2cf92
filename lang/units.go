package lang

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// unitList names the units recognised after a number. Each line is the
// Latin symbol a unit matches on, then its spellings. A spelling marked
// with = matches only in exactly that case: single letters and some
// symbols are units only there (5 m is metres, but "2020 с" is a
// preposition, and 5G is a code, not 5 grams). Other spellings match in
// any case (KM, Km, км). Chinese spellings follow the number directly.
const unitList = `
km: km км 公里 千米
m: =m =м 米
cm: cm см 厘米
mm: mm мм 毫米
um: µm μm мкм 微米
nm: nm нм 纳米
km2: km2 км2 平方公里
m2: m2 м2 平方米
m3: m3 м3 立方米
ha: ha га 公顷
kg: kg кг 公斤 千克
g: =g =г 克
mg: mg мг 毫克
t: =t =т 吨
kt: kt кт 千吨
l: =l =л 升
ml: ml мл 毫升
h: =h =ч 小时
min: min мин 分钟
s: =s =сек 秒
hz: hz гц 赫兹
khz: khz кгц 千赫
mhz: mhz мгц 兆赫
ghz: ghz ггц
w: =W =Вт 瓦
kw: kw квт 千瓦
mw: =MW =МВт 兆瓦
gw: gw гвт 吉瓦
tw: tw твт
kwh: kwh kw·h квт·ч 千瓦时
mwh: mwh mw·h мвт·ч 兆瓦时
gwh: gwh gw·h гвт·ч
twh: twh tw·h твт·ч
v: =V =В 伏
kv: kv кв 千伏
a: =A 安
ev: ev эв 电子伏
kev: kev кэв
mev: mev мэв 兆电子伏
gev: gev гэв 吉电子伏
tev: tev тэв
pa: =Pa =Па 帕
kpa: kpa кпа 千帕
mpa: mpa мпа 兆帕
gpa: gpa гпа
kb: kb кб
mb: mb мб
gb: gb гб
tb: tb тб
pb: pb пб
gbps: gbps
db: db дб 分贝
ppm: ppm
rpm: rpm
usd: usd долл 美元
eur: eur евро 欧元
cny: cny rmb юаней юаня юань 元 人民币
rub: rub руб рублей рубля рубль 卢布
deg: 度
`

// unitTables holds the parsed unitList: folded spellings of letter units
// with their symbols (and, for spellings marked with =, the only case in
// which they match), and the Chinese spellings. It is built on first use,
// so that importing the package costs nothing.
var unitTables = sync.OnceValues(func() (map[string]unitInfo, map[string]string) {
	return parseUnits(unitList)
})

type unitInfo struct {
	canon string
	exact string // when set, the spelling matches only as written here
}

// zhUnitMax is the longest Chinese unit, in bytes.
const zhUnitMax = 4 * 3

func parseUnits(list string) (map[string]unitInfo, map[string]string) {
	m := make(map[string]unitInfo)
	zh := make(map[string]string)
	for _, line := range strings.Split(list, "\n") {
		canon, forms, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		for _, f := range strings.Fields(forms) {
			r, _ := utf8.DecodeRuneInString(f)
			switch {
			case Script(r) == Han:
				zh[f] = canon
			case strings.HasPrefix(f, "="):
				m[Fold(f[1:])] = unitInfo{canon: canon, exact: f[1:]}
			default:
				m[Fold(f)] = unitInfo{canon: canon}
			}
		}
	}
	return m, zh
}

// unitFor returns the symbol of the unit spelt w, if w is one.
func unitFor(w string) (string, bool) {
	letters, _ := unitTables()
	u, ok := letters[Fold(w)]
	if !ok || (u.exact != "" && u.exact != w) {
		return "", false
	}
	return u.canon, true
}

// symbolUnitAt returns the unit written with symbols at byte k of s:
// percent, per mille and degrees (°C, ℃, °).
func symbolUnitAt(s string, k int) (sym, canon string, ok bool) {
	for _, u := range [...]struct{ sym, canon string }{
		{"%", "%"}, {"％", "%"}, {"‰", "‰"}, {"°C", "°c"}, {"° C", "°c"}, {"℃", "°c"},
		{"°F", "°f"}, {"℉", "°f"}, {"°", "°"},
	} {
		if strings.HasPrefix(s[k:], u.sym) {
			return u.sym, u.canon, true
		}
	}
	// Squared unit symbols (㎞, ㎏, ㎡) are single characters whose
	// compatibility form is the unit.
	if r, n := utf8.DecodeRuneInString(s[k:]); r >= 0x3380 && r <= 0x33df {
		if canon, ok := unitFor(Fold(s[k : k+n])); ok {
			return s[k : k+n], canon, true
		}
	}
	return "", "", false
}

// zhUnitAt returns the symbol and byte length of the longest Chinese unit
// at byte j of s, or a zero length when there is none.
func zhUnitAt(s string, j int) (string, int) {
	_, zh := unitTables()
	for n := min(zhUnitMax, len(s)-j); n >= 3; n-- {
		if canon, ok := zh[s[j:j+n]]; ok {
			return canon, n
		}
	}
	return "", 0
}

// zhScaleAt returns the power of ten of a Chinese scale character written
// right after digits (3万, 1.5亿, 2万亿) and its length in bytes.
func zhScaleAt(s string, j int) (int, int) {
	rest := s[j:]
	switch {
	case strings.HasPrefix(rest, "万亿"):
		return 12, len("万亿")
	case strings.HasPrefix(rest, "亿"):
		return 8, len("亿")
	case strings.HasPrefix(rest, "万"):
		return 4, len("万")
	case strings.HasPrefix(rest, "千") && !strings.HasPrefix(rest, "千米"):
		return 3, len("千")
	}
	return 0, 0
}
