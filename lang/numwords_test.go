package lang

import (
	"testing"

	"amur"
)

func TestParseNumberWords(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"шестьдесят девятая", "69", true},
		{"Шестьдесят Девятой", "69", true},
		{"двадцать", "20", true},
		{"двадцать первого", "21", true},
		{"третьей", "3", true},
		{"сто двадцать три", "123", true},
		{"двухсот пятидесяти", "250", true},
		{"две тысячи двадцатый", "2020", true},
		{"пять тысяч", "5000", true},
		{"тысяча", "1000", true},
		{"тысяч", "", false},
		{"sixty-ninth", "69", true},
		{"twenty", "20", true},
		{"one hundred and five", "105", true},
		{"two thousand and twenty", "2020", true},
		{"three million", "3000000", true},
		{"hundredth", "100", true},
		{"twenty thirty", "", false},
		{"five twenty", "", false},
		{"ninth sixty", "", false},
		{"六十九", "69", true},
		{"第六十九", "69", true},
		{"二〇二〇", "2020", true},
		{"一千", "1000", true},
		{"一千零五", "1005", true},
		{"两千零二十", "2020", true},
		{"三亿五千万", "350000000", true},
		{"一万亿", "1000000000000", true},
		{"三千五", "3500", true},
		{"十九", "19", true},
		{"十四五", "", false},
		{"万一", "", false},
		{"3万", "30000", true},
		{"1.5亿", "150000000", true},
		{"1 000", "1000", true},
		{"1,5 млн", "1500000", true},
		{"3 million", "3000000", true},
		{"", "", false},
		{"project", "", false},
		{"twenty projects", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseNumberWords(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseNumberWords(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestChineseNumeralsInText checks the safety rules: numerals inside
// words stay text, numbers become number tokens.
func TestChineseNumeralsInText(t *testing.T) {
	tests := []struct {
		in   string
		nums []string
	}{
		{"第六十九届联合国大会", []string{"69"}},
		{"二〇二〇年八月", []string{"2020", "8"}},
		{"一九四九年", []string{"1949"}},
		{"三年来，两国举办了一千多项活动", []string{"3", "2", "1000"}},
		{"一些专家统一了意见", nil},
		{"四川和三峡", nil},
		{"十四五规划", nil},
		{"万一失败", nil},
		{"五一劳动节", nil},
		{"一月和十月", []string{"1", "10"}},
		{"二十国集团", []string{"20"}},
		{"千万不要", nil},
		{"第一次", []string{"1"}},
	}
	for _, tt := range tests {
		var nums []string
		for _, tk := range Tokens(tt.in, amur.ZH) {
			if tk.Kind == KindNumber {
				nums = append(nums, tk.Text)
			}
		}
		if len(nums) != len(tt.nums) {
			t.Errorf("numbers in %q = %v, want %v", tt.in, nums, tt.nums)
			continue
		}
		for i := range nums {
			if nums[i] != tt.nums[i] {
				t.Errorf("numbers in %q = %v, want %v", tt.in, nums, tt.nums)
			}
		}
	}
}

func TestNumberWordsInText(t *testing.T) {
	tests := []struct {
		in   string
		lang amur.Lang
		want []string // texts of all tokens
	}{
		{"the sixty-ninth session", amur.EN, []string{"69", "session"}},
		{"twenty, thirty", amur.EN, []string{"20", "30"}},
		{"шестьдесят девятая сессия", amur.RU, []string{"69", "сессия"}},
		{"более пяти тысяч участников", amur.RU, []string{"5000", "участников"}},
		{"1,5 млрд рублей", amur.RU, []string{"1500000000", "рублей"}},
		{"3 million people", amur.EN, []string{"3000000", "people"}},
		{"тысячи людей", amur.RU, []string{"тысячи", "людей"}},
		{"семью учёных", amur.RU, []string{"семью", "ученых"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range Tokens(tt.in, tt.lang) {
			got = append(got, tk.Text)
		}
		if len(got) != len(tt.want) {
			t.Errorf("Tokens(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Tokens(%q) = %v, want %v", tt.in, got, tt.want)
				break
			}
		}
	}
}
