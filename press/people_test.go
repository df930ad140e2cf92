package press

import (
	"strings"
	"testing"
)

func TestNominative(t *testing.T) {
	for in, want := range map[string]string{
		"Сергей Лавров": "Sergey Lavrov", "Сергея Лаврова": "Sergey Lavrov", "Сергеем Лавровым": "Sergey Lavrov",
		"Татьяной Голиковой": "Tatyana Golikova", "Татьяна Голикова": "Tatyana Golikova", "Михаила Мишустина": "Mikhail Mishustin",
		"Юрия Ушакова": "Yury Ushakov", "Дмитрия Чернышенко": "Dmitry Chernyshenko", "Андрея Фурсенко": "Andrey Fursenko",
		"Валерием Фальковым": "Valery Falkov", "Ли Цян": "Li Qiang", "Ван Чжиганом": "Wang Zhigang", "Марией Захаровой": "Mariya Zakharova",
	} {
		if got := ruPersonName(strings.Fields(in)); got != want {
			t.Errorf("%s → %q, want %q", in, got, want)
		}
	}
}

// TestTitledPeople checks the names read after titles in the three
// languages, in their Latin form.
func TestTitledPeople(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Chinese Vice Premier Sun Chunlan and Russian Deputy Prime Minister Tatyana Golikova attended.", "Sun Chunlan, Tatyana Golikova"},
		{"Chinese Premier Li Keqiang on Tuesday met with Russian Prime Minister Mikhail Mishustin.", "Li Keqiang, Mikhail Mishustin"},
		{"国务委员兼外交部长王毅、科技部部长王志刚出席。", "Wang Yi, Wang Zhigang"},
		{"国务院副总理孙春兰在北京出席闭幕式。", "Sun Chunlan"},
		{"Глава МИД России Сергей Лавров встретился с министром иностранных дел КНР Ван И.", "Sergey Lavrov, Wang Yi"},
		{"Вице-премьер Татьяна Голикова провела встречу.", "Tatyana Golikova"},
		{"The President said the forum was useful.", ""},
	} {
		var names []string
		for _, m := range titledPeople(c.text) {
			names = append(names, m.Name)
		}
		if got := strings.Join(names, ", "); got != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}
