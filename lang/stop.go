package lang

import "strings"

// stopWords holds the English and Russian function words dropped from
// tokens: articles, pronouns, prepositions, conjunctions, particles and
// auxiliaries, in folded form (ё as е). Deliberately absent: "it", "us",
// "who" and "may", which are also IT, the US, the WHO and a month; and
// number words, which become numbers.
var stopWords = wordSet(`
a about above across after again against all almost along also although am among amongst an
and another any are around as at be because been before being below besides between both but
by can cannot could did do does doing done down during each either else etc even ever every
few for from further had has have having he hence her here hers herself him himself his how
however i if in into is its itself just least less many me might more most much must my myself
neither nor not of off often on once only onto or other others otherwise our ours ourselves out
over own per quite rather same several shall she should since so some such than that the their
theirs them themselves then there thereby therefore these they this those though through
throughout thus to too toward towards under unless until up upon very via was we were what
whatever when whenever where whereas whether which while whom whose why will with within
without would yet you your yours yourself yourselves

а без более больше вместо вокруг кроме около против ради среди будет будто бы был была были было быть в вам вас ведь весь во вот впрочем
все всего всегда всех всю вы где да даже для до другой его ее ей ему если есть еще ж же за
зачем здесь и из или им иногда их к как какая какой когда кого ком кому конечно которая
которого которое которой котором которому которою которую которые который которым которыми
которых кто куда ли либо между меня мне много может мой моя мы на над надо наконец нас не него
нее ней нельзя нет ни нибудь никогда ним них ничего но ну о об однако он она они оно опять от
перед по под после потом потому почти при про раз разве с сам свое свой свою себе себя сейчас
со совсем так также такие такой там тебя тем теперь то тогда того тоже той только том тот
тут ты у уж уже хоть хотя чего чем через что чтоб чтобы чье чья эта эти этим этих это этого
этой этом этому этот эту я являться является являются являлся являлась`)

// zhStop holds Chinese function words: particles, prepositions,
// conjunctions, pronouns and light verbs, dropped from Chinese tokens.
// Single characters that also start content words (和 in 和平, 中) are
// only listed when they rarely stand alone as content.
var zhStop = wordSet(`
第 的 地 得 了 着 过 吗 呢 吧 啊 呀 嘛 之 其 此 该 这 那 哪 是 在 和 与 及 或 而 并 也 都 就 又 还
把 被 将 对 于 从 向 以 为 由 给 让 使 等 即 则 且 但 若 虽 因 所 者 个 们
我们 你们 他们 她们 它们 我 你 他 她 它 自己 这个 那个 这些 那些 这样 那样 这种 那种 这里 那里
因为 所以 但是 然而 而且 并且 以及 或者 如果 虽然 由于 因此 关于 对于 根据 按照 通过 已经 正在
可以 可能 能够 进行 一个 一些 一种 之一 其中 以上 以下 之间 之后 之前 以来 并且 还有 就是 不是
没有 什么 怎么 如何 为了 为此 此外 另外 同时 以及 及其 其他 其它 各种 各个 每个 有关 相关`)

// wordSet turns a white-space separated list into a set.
func wordSet(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// isStopWord reports whether the folded word w is an English or Russian
// function word.
func isStopWord(w string) bool { return stopWords[w] }
