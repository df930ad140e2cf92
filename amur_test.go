package amur

import (
	"encoding/json"
	"testing"
	"time"
)

func TestValidROR(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"02v51f717", true}, // Peking University
		{"010pmpe69", true}, // Lomonosov Moscow State University
		{"044yd9t77", true}, // JINR
		{"02v51f718", false},
		{"12v51f717", false},
		{"02v51f7", false},
	}
	for _, tt := range tests {
		if got := ValidROR(tt.id); got != tt.want {
			t.Errorf("ValidROR(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestValidORCID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"0000-0002-1825-0097", true},
		{"0000-0001-5109-3700", true},
		{"0000-0002-1694-233X", true},
		{"0000-0002-1825-0098", false},
		{"0000-0002-1825-009", false},
	}
	for _, tt := range tests {
		if got := ValidORCID(tt.id); got != tt.want {
			t.Errorf("ValidORCID(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Precision
		wantErr bool
	}{
		{"2020", Year, false},
		{"2020-08", Month, false},
		{"2020-08-26", Day, false},
		{"2021-02-29", "", true},
		{"2020-02-29", Day, false},
		{"2020-13", "", true},
		{"20-08-26", "", true},
		{"2020-8-26", "", true},
		{"2020-08-26x", "", true},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if err == nil && (d.Precision() != tt.want || d.String() != tt.in) {
			t.Errorf("ParseDate(%q) = %v (%s), want precision %s", tt.in, d, d.Precision(), tt.want)
		}
	}
}

func TestMomentZones(t *testing.T) {
	m := MustMoment("2020-08-26T15:00")
	msk, err := LoadZone("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Start(msk).UTC().Format(time.RFC3339); got != "2020-08-26T12:00:00Z" {
		t.Errorf("Start in Moscow = %s", got)
	}
	if _, err := LoadZone("Mars/Olympus"); err == nil {
		t.Error("LoadZone accepted a zone that does not exist")
	}
	if got := MustMoment("2020-02").End(time.UTC).Format(time.RFC3339); got != "2020-02-29T23:59:59Z" {
		t.Errorf("End of 2020-02 = %s", got)
	}
}

func TestTextIn(t *testing.T) {
	txt := Text{ZH: "开幕式", EN: "Opening", Orig: ZH, Machine: []Lang{EN}}
	tests := []struct {
		lang     Lang
		want     string
		wantLang Lang
		origin   Origin
	}{
		{ZH, "开幕式", ZH, Original},
		{EN, "Opening", EN, Machine},
		{RU, "开幕式", ZH, Original}, // falls back to the original first
	}
	for _, tt := range tests {
		v, l, o := txt.In(tt.lang)
		if v != tt.want || l != tt.wantLang || o != tt.origin {
			t.Errorf("In(%s) = %q %s %s, want %q %s %s", tt.lang, v, l, o, tt.want, tt.wantLang, tt.origin)
		}
	}
}

func TestTextValidate(t *testing.T) {
	if err := (Text{}).Validate("title", true); ErrorCode(err) != EInvalid || AsError(err).Field != "title" {
		t.Errorf("empty required text: %v", err)
	}
	if err := (Text{RU: "a\x00b"}).Validate("title", true); AsError(err).Field != "title.ru" {
		t.Errorf("control characters: %v", err)
	}
	if err := (Text{EN: string([]byte{0xff})}).Validate("title", true); AsError(err).Key != "err.utf8" {
		t.Errorf("invalid UTF-8: %v", err)
	}
}

func TestActivityValidate(t *testing.T) {
	valid := func() *Activity {
		return &Activity{
			Title: T("en", "Opening"), Type: Ceremony, Status: Held, Format: Online,
			Start: MustMoment("2020-08-26"), Zone: "Asia/Shanghai", Sides: []string{"CN", "RU"},
			Fields: []string{"1.1"},
		}
	}
	tests := []struct {
		name  string
		edit  func(a *Activity)
		field string
	}{
		{"valid", func(*Activity) {}, ""},
		{"unknown type", func(a *Activity) { a.Type = "party" }, "type"},
		{"no title", func(a *Activity) { a.Title = Text{} }, "title"},
		{"bad zone", func(a *Activity) { a.Zone = "Asia/Nowhere" }, "zone"},
		{"end before start", func(a *Activity) { a.End = MustMoment("2020-08-01") }, "end"},
		{"bad field", func(a *Activity) { a.Fields = []string{"9.9"} }, "fields"},
		{"participant both", func(a *Activity) {
			a.Participants = []Participant{{OrgID: NewID(), PersonID: NewID(), Side: "CN", Role: Partner}}
		}, "participants[0]"},
		{"bad role", func(a *Activity) {
			a.Participants = []Participant{{OrgID: NewID(), Side: "CN", Role: "boss"}}
		}, "participants[0].role"},
		{"bad video", func(a *Activity) { a.VideoURL = "javascript:alert(1)" }, "video_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := valid()
			tt.edit(a)
			a.Normalize()
			err := a.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if got := AsError(err); err == nil || got.Field != tt.field || got.Code != EInvalid {
				t.Fatalf("got %v, want invalid field %q", err, tt.field)
			}
		})
	}
}

func TestActivityJSON(t *testing.T) {
	a := &Activity{Title: T("ru", "Форум"), Start: MustMoment("2020-09-07T10:00"), End: MustMoment("2020-09")}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var back Activity
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Start != a.Start || back.End != a.End || back.Title.RU != "Форум" || back.Title.Orig != RU {
		t.Errorf("round trip changed the activity: %s", b)
	}
	if err := json.Unmarshal([]byte(`{"start":"2021-02-30"}`), &back); err == nil {
		t.Error("an impossible date was accepted")
	}
}

func TestPersonDisplayName(t *testing.T) {
	zhang := &Person{Native: PersonName{Family: "张", Given: "平文"}, Latin: PersonName{Family: "Zhang", Given: "Pingwen"}}
	shakhray := &Person{Native: PersonName{Family: "Шахрай", Given: "Сергей", Patronymic: "Михайлович"}, Latin: PersonName{Family: "Shakhray", Given: "Sergey"}}
	tests := []struct {
		p    *Person
		l    Lang
		want string
	}{
		{zhang, ZH, "张平文"},
		{zhang, RU, "Zhang Pingwen"},
		{shakhray, RU, "Сергей Михайлович Шахрай"},
		{shakhray, ZH, "Sergey Shakhray"},
	}
	for _, tt := range tests {
		if got := tt.p.DisplayName(tt.l); got != tt.want {
			t.Errorf("DisplayName(%s) = %q, want %q", tt.l, got, tt.want)
		}
	}
}
