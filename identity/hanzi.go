package identity

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"

	"amur/lang"
	"amur/lexicon"
)

// commonSurnames are the most common Chinese family names, most common
// first (the population ranking of the ministry of public security's
// household register, rounded to this order in every recent edition).
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

// commonGiven are characters common in given names, roughly most common
// first, as name statistics of the mainland list them; a given name is
// likelier written with them than with other characters of one reading.
const commonGiven = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力鹏飞志宇浩鑫婷雪琳晶燕丹慧春林兰凤梅云海波斌宏峰亮成龙俊新国民永生金德荣福祥安立东学晓小佳欣思雨子梓涵轩睿博瑞嘉诗怡悦彤琪颖倩月珍莉兵锋毅健彬宁洪江河山石玲琴芬翠蓉莹露瑶璐琦璇晨阳光明天一二三家庆利忠义仁礼智信和正清白青松柏雄威武振兴中华卫红军建国庆胜利跃进永康泰富贵昌盛发达祖斌彪猛钢铁鸿鹤凯旋帆远航翔鹰鹏程锦绣美好玉洁冰心兰芝荷菊桃李杏"

// hanReadings returns the plain pinyin readings of a Han character, the
// common one first; nil for other characters.
func hanReadings(r rune) []string {
	a := pinyin.NewArgs()
	a.Heteronym = true
	rs := pinyin.SinglePinyin(r, a)
	out := rs[:0:0]
	for _, s := range rs {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// hanIndex is the reverse index from a pinyin syllable to the characters
// read so, with how common each character is.
type hanIndex struct {
	bySyl map[string][]hanChar
	freq  map[rune]float64
}

// hanChar is a character and its score in [0, 1].
type hanChar struct {
	r     rune
	score float64
}

// hanzi builds the reverse index once: every character of CC-CEDICT's
// headwords, scored by the logarithm of how many headwords use it (a
// stand-in for its frequency), surnames of the common list scored by rank.
var hanzi = sync.OnceValue(func() *hanIndex {
	count := map[rune]int{}
	for head := range lexicon.ZhEn().All() {
		for _, r := range head {
			if lang.Script(r) == lang.Han {
				count[r]++
			}
		}
	}
	top := 1
	for _, n := range count {
		top = max(top, n)
	}
	ix := &hanIndex{bySyl: map[string][]hanChar{}, freq: map[rune]float64{}}
	given := map[rune]float64{}
	names := []rune(commonGiven)
	for i, r := range names {
		if _, ok := given[r]; !ok {
			given[r] = 1 - 0.5*float64(i)/float64(len(names))
		}
	}
	for r, n := range count {
		s := 0.4 * math.Log1p(float64(n)) / math.Log1p(float64(top))
		s += 0.6 * given[r]
		ix.freq[r] = s
		for i, syl := range hanReadings(r) {
			// A character is rarely read by its other readings (立 wei).
			w := s
			if i > 0 {
				w *= 0.4
			}
			ix.bySyl[syl] = append(ix.bySyl[syl], hanChar{r, w})
		}
	}
	for _, list := range ix.bySyl {
		slices.SortFunc(list, func(a, b hanChar) int {
			if c := cmp.Compare(b.score, a.score); c != 0 {
				return c
			}
			return cmp.Compare(a.r, b.r)
		})
	}
	return ix
})

// surnameScore scores a family name by its rank among the common ones,
// in [0, 1]; 0 for a name not among them.
func surnameScore(fam string) float64 {
	i := strings.Index(commonSurnames, fam)
	if fam == "" || i < 0 {
		return 0
	}
	rank := len([]rune(commonSurnames[:i]))
	return 1 - float64(rank)/float64(len([]rune(commonSurnames)))
}

// hanPrior scores how likely a Chinese name is as a name, in [0, 1]: its
// family name's rank and the mean commonness of its given characters.
// Among homophones (张伟, 章伟) it prefers the common spelling.
func hanPrior(n PersonName) float64 {
	ix := hanzi()
	var sum float64
	var cnt int
	for i, p := range n.Parts {
		for _, r := range p.Text {
			sum += ix.freq[r]
			cnt++
		}
		if i == 0 && p.Role == RoleFamily {
			sum += surnameScore(p.Text)
			cnt++
		}
	}
	if cnt == 0 {
		return 0
	}
	return sum / float64(cnt)
}

// HanziCandidates returns up to k spellings in Han characters of a name
// written in pinyin ("Zhang Pingwen", "Pingwen Zhang", "zhang1 ping2wen2"),
// the likeliest first: each syllable's characters from the reverse index
// of pinyin readings, scored by how common they are, family names by
// their rank among surnames. It is the "did you mean" of a Chinese name
// typed in Latin letters.
func HanziCandidates(latin string, k int) []string {
	words := strings.Fields(strings.ToLower(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '-' || r == '\'' {
			return -1
		}
		return r
	}, lang.Fold(latin))))
	var syls [][]string
	for _, w := range words {
		s, ok := lang.PinyinWord(w)
		if !ok {
			return nil
		}
		syls = append(syls, s)
	}
	if len(syls) == 0 {
		return nil
	}
	// The family name is the one-syllable word that is a common surname,
	// else the first word.
	fam := 0
	if len(syls) > 1 && len(syls[0]) > 1 && len(syls[len(syls)-1]) == 1 {
		fam = len(syls) - 1
	}
	order := append([][]string{syls[fam]}, append(append([][]string{}, syls[:fam]...), syls[fam+1:]...)...)
	type cand struct {
		s     string
		score float64
	}
	cands := []cand{{"", 0}}
	first := true
	for _, w := range order {
		for _, syl := range w {
			var next []cand
			for _, c := range cands {
				for _, h := range hanzi().bySyl[syl] {
					sc := h.score
					if first {
						sc = 0.5*sc + surnameScore(string(h.r))
					}
					next = append(next, cand{c.s + string(h.r), c.score + sc})
				}
			}
			slices.SortFunc(next, func(a, b cand) int { return cmp.Compare(b.score, a.score) })
			cands = next[:min(len(next), max(k, 8)*4)]
			first = false
		}
	}
	out := make([]string, 0, k)
	for _, c := range cands {
		if len(out) == k {
			break
		}
		out = append(out, c.s)
	}
	return out
}
