package identity

import (
	"strings"

	"amur/lang"
)

// viaTranscription names the bridge of foreign names written in Chinese
// characters by sound (马斯洛夫 Maslov).
const viaTranscription = "chinese transcription"

// transcription holds the Latin sound of the characters Chinese uses to
// transcribe Russian and other foreign names, after the Xinhua tables
// (俄汉译音表): 马斯洛夫 is ma-s-lo-v, Maslov; 沙赫赖 sha-kh-rai, Shakhray.
// A character's sound is its value inside a foreign name, which often
// differs from its pinyin (夫 fu is v at the end of a Russian name).
var transcription = func() map[rune]string {
	const table = `阿a 艾e 安an 昂an 奥o 巴ba 拜bai 班ban 邦bon 鲍bo 贝be 本ben 比bi 彼pe 别be 宾bin 波bo 伯b 博bo ` +
		`布b 采tsai 策tse 查cha 车che 切che 楚chu 茨ts 达da 戴dai 丹dan 德d 迪di 蒂ti 杰ge 多do 杜du ` +
		`尔r 耳r 法fa 凡van 菲fi 费fe 夫v 弗f 福fo 盖gai 冈gan 戈go 格g 古gu 哈kha 汉khan 赫kh 霍kho ` +
		`基ki 吉gi 加ga 嘉ga 捷te 金kin 卡ka 凯kai 坎kan 康kon 柯ko 科ko 克k 库ku 拉la 莱le 赖rai 兰lan ` +
		`朗ron 劳lo 勒l 雷re 蕾re 里ri 利li 丽li 莉li 列le 林lin 琳lin 留liu 柳liu 卢lu 鲁ru 罗ro 洛lo ` +
		`马ma 玛ma 麦me 迈mai 曼man 芒man 梅me 门men 蒙mon 米mi 敏min 明min 莫mo 姆m 穆mu 娜na 纳na ` +
		`奈ne 内ne 尼ni 妮ni 涅ne 宁nin 诺no 帕pa 潘pan 佩pe 彭pen 皮pi 平pin 普pu 契chi 奇chi 齐chi ` +
		`乔cho 琴chin 秋chu 丘chu 热zhe 日zh 茹zhu 若zho 萨sa 塞se 桑san 瑟s 森sen 沙sha 莎sha 舍she ` +
		`申shen 什sh 施shi 舒shu 斯s 索so 苏su 塔ta 泰te 坦tan 唐ton 特t 提ti 廷tin 京tin 托to 图tu ` +
		`瓦va 娃va 万van 旺van 维vi 韦ve 温vin 沃vo 乌u 西si 希khi 谢se 辛sin 欣sin 休siu 秀siu 雅ya ` +
		`亚ya 娅ya 叶ye 耶ye 伊i 因in 英in 尤yu 于yu 约io 扎za 泽ze 兹z 佐zo 左zo 祖zu 卓zho 久yu 捷te ` +
		`丘chu 钦chin 季di 热zhe 戈go 奥o 基ki 耶ye 廖lio 柳liu 谢se 叶ye 费fe 卢lu 格g 里ri`
	m := map[rune]string{}
	for _, f := range strings.Fields(table) {
		r := []rune(f)
		m[r[0]] = string(r[1:])
	}
	return m
}()

// transcribed returns the Latin sound of a name written in transcription
// characters, or "" when a character is not one of them.
func transcribed(s string) string {
	var b strings.Builder
	for _, r := range s {
		t, ok := transcription[r]
		if !ok {
			return ""
		}
		b.WriteString(t)
	}
	return b.String()
}

// transcriptionReading returns the reading of a Chinese name as the
// transcription of a foreign one, one token a part (the parts separated by
// a middle dot), or nil when it cannot be one.
func transcriptionReading(n PersonName) []token {
	var out []token
	for _, p := range n.Parts {
		for _, w := range strings.FieldsFunc(p.Text, func(r rune) bool { return strings.ContainsRune("·•・‧", r) }) {
			lat := transcribed(w)
			if lat == "" {
				return nil
			}
			t := token{text: w, han: true}
			t.addKey(lang.LatinKey(lat), viaTranscription, false)
			out = append(out, t)
		}
	}
	dotted := len(n.Parts) > 1 && n.Parts[len(n.Parts)-1].Role == RoleFamily && n.Parts[0].Role != RoleFamily
	if len(out) > 1 && !dotted {
		// Without a middle dot the whole name is one transcribed word.
		whole := token{text: strings.Join(partsText(n), ""), han: true}
		whole.addKey(lang.LatinKey(transcribed(whole.text)), viaTranscription, false)
		return []token{whole}
	}
	return out
}

// partsText returns the texts of a name's parts.
func partsText(n PersonName) []string {
	out := make([]string, len(n.Parts))
	for i, p := range n.Parts {
		out[i] = p.Text
	}
	return out
}
