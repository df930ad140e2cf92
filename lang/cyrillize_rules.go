package lang

import (
	"strconv"
	"strings"
	"sync"
)

// cyrRuleList holds the readings of Latin letter groups as Russian. Each
// line is a Latin group, its Cyrillic reading, the reading's cost, and
// optional conditions on where the group stands: start or end of the
// word, after a vowel (av) or a consonant (ac), before a vowel (bv), a
// front vowel e, i or y (bf) or a consonant (bc); ! negates. The cheapest
// readings are those of the passport and transliteration schemes; English,
// French and German spellings, and spellings that drop a sign, cost more.
// Every group read also costs cyrStepCost, so that a longer group wins over
// its parts read one by one (shch as щ, not ш and ч).
const cyrRuleList = `
a а 0
b б 0
c к 0.1 !bf
c ц 0.3 bf
c к 0.8 bf
c ц 1 !bf
d д 0
e е 0
e э 0.6 start
e э 1.5 !start
e ё 1.2
f ф 0
g г 0
h х 0.3
h г 1
i и 0 !bv !end
i и 0.5 bv
i и 0.2 end
i ий 0.1 end ac
i й 0.3 av !bv
i й 1
i ы 1.2 ac
i ьи 1.3 ac
j й 0.3
j ж 0.8
j дж 1.2
k к 0
l л 0
m м 0
n н 0
o о 0
p п 0
q к 0.3
r р 0
s с 0
t т 0
u у 0
v в 0
w в 0.2
x кс 0
x х 0.8
y й 0 av !bv
y ы 0.3 ac !end
y ий 0.2 end ac
y ый 0.25 end ac
y ы 0.4 end ac
y и 0.6
y й 0.8
y ь 1 bv
z з 0
sh ш 0
shch щ 0
sch щ 0.3
sch ш 0.6
shh щ 0.3
ch ч 0
ch х 1.5
tch ч 0
tsch ч 0.3
zh ж 0
dzh дж 0
dj дж 0.6
kh х 0
ts ц 0
ts тс 0.7
tz ц 0
cz ц 0.3
ck к 0.2
ph ф 0.3
th т 0.5
gh г 0.5
ks кс 0
ss с 0.3
ya я 0
ia я 0.3
ja я 0.5
ya ья 0.5 ac
ia ия 0.2 ac
ia ья 0.8 ac
yu ю 0
iu ю 0.3
ju ю 0.2
yu ью 0.5 ac
iu ию 0.8
yo ё 0.1
yo йо 0.4 start
io ё 0.6
jo йо 0.5 start
jo ё 0.6
yo ьо 0.8 ac
yo ьё 0.3 ac
eo ё 0.5 ac
io ио 0.3
ye е 0.1 start
ye е 0.1 av
ye е 0.4 ac
ye ье 0.2 ac
ye ъе 1 ac
ie е 0.5 start
ie е 0.5 av
ie ие 0.3
ie ье 0.6 ac
ie ъе 1 ac
je е 0.5
ey ей 0 !bv
ei ей 0.1 !bv
ej ей 0.2 !bv
ei еи 0.8
ay ай 0 !bv
ai ай 0.05 !bv
ail аил 0 end
aj ай 0.2 !bv
ai аи 0.7
oy ой 0 !bv
oi ой 0.1 !bv
oj ой 0.2 !bv
oi ои 0.6
uy уй 0.1 !bv
ui уй 0.3 !bv
ui уи 0.5
iy ий 0 end
ii ий 0.1 end
ij ий 0.2 end
yy ый 0.3 end
yi ый 0.4 end
iy ый 0.5 end
ii ии 0.5
yi ьи 0.2 ac
yi ый 0.8
sky ский 0 end
skiy ский 0 end
skii ский 0 end
skij ский 0 end
ski ский 0.2 end
iya ия 0 end
iia ия 0.1 end
aya ая 0 end
ff в 0 end
ow ов 0.4 end
ew ев 0.4 end
ou у 0.6
oo у 1
' ь 0.1
' ъ 0.6
" ъ 0.1
`

// softenable lists the consonants that may end a word or stand before
// another consonant with a soft sign the Latin spelling dropped: Gogol →
// Гоголь, Igor → Игорь.
const softenable = "bdflmnprstvz"

// cyrStepCost is the cost of reading one more group.
const cyrStepCost = 0.05

type cyrCond uint16

const (
	condStart cyrCond = 1 << iota
	condEnd
	condAfterVowel
	condAfterCons
	condBeforeVowel
	condBeforeFront
	condBeforeCons
)

// cyrRule is one reading of a Latin group: the conditions in must hold,
// those in not must not.
type cyrRule struct {
	lat, cyr string
	cost     float32
	in, not  cyrCond
}

var cyrCondNames = map[string]cyrCond{"start": condStart, "end": condEnd, "av": condAfterVowel,
	"ac": condAfterCons, "bv": condBeforeVowel, "bf": condBeforeFront, "bc": condBeforeCons}

// cyrRules returns the rules indexed by the first byte of their Latin
// group, built on first use.
var cyrRules = sync.OnceValue(func() [128][]cyrRule {
	var idx [128][]cyrRule
	add := func(r cyrRule) { idx[r.lat[0]] = append(idx[r.lat[0]], r) }
	for _, line := range strings.Split(cyrRuleList, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		cost, _ := strconv.ParseFloat(f[2], 32)
		r := cyrRule{lat: f[0], cyr: f[1], cost: float32(cost) + cyrStepCost}
		for _, c := range f[3:] {
			if name, ok := strings.CutPrefix(c, "!"); ok {
				r.not |= cyrCondNames[name]
			} else {
				r.in |= cyrCondNames[c]
			}
		}
		add(r)
	}
	for _, c := range softenable {
		base := idx[c][0].cyr
		add(cyrRule{lat: string(c), cyr: base + "ь", cost: 0.9 + cyrStepCost, in: condEnd | condAfterVowel})
		add(cyrRule{lat: string(c), cyr: base + "ь", cost: 1.3 + cyrStepCost, in: condBeforeCons | condAfterVowel})
	}
	return idx
})

// fits reports whether the rule's conditions hold for its group at byte i
// of the word w.
func (r cyrRule) fits(w string, i int) bool {
	have := cyrConditions(w, i, i+len(r.lat))
	return have&r.in == r.in && have&r.not == 0
}

// cyrConditions returns the conditions that hold for the group w[i:j].
func cyrConditions(w string, i, j int) cyrCond {
	var c cyrCond
	if i == 0 {
		c |= condStart
	} else if isLatinVowel(w[i-1]) {
		c |= condAfterVowel
	} else if isLatinConsonant(w[i-1]) {
		c |= condAfterCons
	}
	switch {
	case j == len(w):
		c |= condEnd
	case isLatinVowel(w[j]):
		c |= condBeforeVowel
		if w[j] == 'e' || w[j] == 'i' || w[j] == 'y' {
			c |= condBeforeFront
		}
	case isLatinConsonant(w[j]):
		c |= condBeforeCons
	}
	return c
}

func isLatinVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

func isLatinConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !isLatinVowel(c)
}
