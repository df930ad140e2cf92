package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"amur/internal/testkit"
)

func sample() *Calendar {
	stamp := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	sh, _ := time.LoadLocation("Asia/Shanghai")
	msk, _ := time.LoadLocation("Europe/Moscow")
	return &Calendar{
		Name: "Форум; 论坛, forum",
		Events: []Event{
			{
				UID: "0190a1b2-0000-7000-8000-000000000001@amur", Stamp: stamp,
				Start: time.Date(2020, 11, 26, 9, 30, 0, 0, sh), End: time.Date(2020, 11, 26, 12, 0, 0, 0, sh),
				Zone:        "Asia/Shanghai",
				Summary:     "中国国际人才交流大会：中俄科技创新年论坛 — Российско-китайский форум",
				Description: "Строка один;\nстрока два, с запятой\\ и обратной чертой.\n第二行：云上举办，线上参会。",
				Location:    "深圳会展中心, 福田区",
				URL:         "https://example.org/events/ciep-2020?lang=zh&x=1",
				Categories:  []string{"forum", "论坛,会议"},
				Status:      "CONFIRMED",
			},
			{
				UID: "0190a1b2-0000-7000-8000-000000000002@amur", Stamp: stamp,
				Start: time.Date(2021, 3, 3, 15, 0, 0, 0, msk), End: time.Date(2021, 3, 3, 15, 20, 0, 0, msk),
				Zone: "Europe/Moscow", Summary: "Встреча: стол 12",
			},
			{
				UID: "0190a1b2-0000-7000-8000-000000000003@amur", Stamp: stamp,
				Start: time.Date(2021, 6, 1, 7, 0, 0, 0, time.UTC), Summary: "UTC only",
			},
			{
				UID: "0190a1b2-0000-7000-8000-000000000004@amur", Stamp: stamp, AllDay: true,
				Start: time.Date(2020, 9, 7, 0, 0, 0, 0, time.UTC), End: time.Date(2020, 9, 8, 0, 0, 0, 0, time.UTC),
				Summary: "第十八届中国国际人才交流大会深圳论坛",
			},
		},
	}
}

func TestEncodeGolden(t *testing.T) {
	var b bytes.Buffer
	if err := sample().Encode(&b); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "sample.ics", b.Bytes())
}

func TestRoundTrip(t *testing.T) {
	c := sample()
	var b bytes.Buffer
	if err := c.Encode(&b); err != nil {
		t.Fatal(err)
	}
	got, err := Parse(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got.ProdID != DefaultProdID || got.Name != c.Name || len(got.Events) != len(c.Events) {
		t.Fatalf("calendar %q %q %d events", got.ProdID, got.Name, len(got.Events))
	}
	for i, want := range c.Events {
		g := got.Events[i]
		if !g.Start.Equal(want.Start) || !g.End.Equal(want.End) || !g.Stamp.Equal(want.Stamp) {
			t.Errorf("event %d times %v–%v, want %v–%v", i, g.Start, g.End, want.Start, want.End)
		}
		g.Start, g.End, g.Stamp = want.Start, want.End, want.Stamp
		if diff := cmp.Diff(want, g); diff != "" {
			t.Errorf("event %d (-want +got):\n%s", i, diff)
		}
	}
}

func TestFoldingKeepsCharactersWhole(t *testing.T) {
	for _, text := range []string{strings.Repeat("中", 100), strings.Repeat("ж", 100), strings.Repeat("a", 300), "x" + strings.Repeat("😀", 40)} {
		c := &Calendar{Events: []Event{{UID: "u", Stamp: time.Unix(0, 0), Start: time.Unix(0, 0), Summary: text}}}
		var b bytes.Buffer
		if err := c.Encode(&b); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n") {
			if len(line) > 75 || !utf8.ValidString(line) {
				t.Fatalf("line of %d octets, valid UTF-8 %v: %q", len(line), utf8.ValidString(line), line)
			}
		}
		got, err := Parse(&b)
		if err != nil || got.Events[0].Summary != text {
			t.Fatalf("round trip: %v", err)
		}
	}
}

func TestZoneWithTransitions(t *testing.T) {
	// Moscow moved to permanent +03 in October 2014, from +04 all year.
	msk, _ := time.LoadLocation("Europe/Moscow")
	start := time.Date(2014, 10, 26, 12, 0, 0, 0, msk)
	c := &Calendar{Events: []Event{
		{UID: "a", Stamp: start, Start: time.Date(2014, 10, 20, 12, 0, 0, 0, msk), Zone: "Europe/Moscow"},
		{UID: "b", Stamp: start, Start: start, Zone: "Europe/Moscow"},
	}}
	var b bytes.Buffer
	if err := c.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "TZOFFSETFROM:+0400\r\nTZOFFSETTO:+0300") {
		t.Fatalf("no 2014 transition in:\n%s", b.String())
	}
	got, err := Parse(&b)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range c.Events {
		if !got.Events[i].Start.Equal(e.Start) {
			t.Errorf("event %d start %v, want %v", i, got.Events[i].Start.UTC(), e.Start.UTC())
		}
	}
}

func TestParseRefuses(t *testing.T) {
	head := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
	ev := "BEGIN:VEVENT\r\nUID:u\r\nDTSTAMP:20200101T000000Z\r\n"
	tail := "END:VEVENT\r\nEND:VCALENDAR\r\n"
	tests := []struct{ name, in, want string }{
		{"bare LF", strings.ReplaceAll(head+ev+"DTSTART:20200101T000000Z\r\n"+tail, "\r\n", "\n"), "CRLF"},
		{"long line", head + ev + "SUMMARY:" + strings.Repeat("a", 70) + "\r\nDTSTART:20200101T000000Z\r\n" + tail, "longer than 75"},
		{"no version", "BEGIN:VCALENDAR\r\nPRODID:x\r\nEND:VCALENDAR\r\n", "VERSION"},
		{"unbalanced", head + ev + "DTSTART:20200101T000000Z\r\nEND:VCALENDAR\r\n", "closes"},
		{"no start", head + ev + tail, "DTSTART"},
		{"floating", head + ev + "DTSTART:20200101T000000\r\n" + tail, "floating"},
		{"unknown zone", head + ev + "DTSTART;TZID=Asia/Shanghai:20200101T000000\r\n" + tail, "no VTIMEZONE"},
		{"bad escape", head + ev + "DTSTART:20200101T000000Z\r\nSUMMARY:a\\qb\r\n" + tail, "escape"},
		{"split character", head + ev + "DTSTART:20200101T000000Z\r\nSUMMARY:\xe4\xb8\r\n \xad\r\n" + tail, "UTF-8"},
		{"end before start", head + ev + "DTSTART:20200102T000000Z\r\nDTEND:20200101T000000Z\r\n" + tail, "ends before"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse = %v, want an error about %q", err, tt.want)
			}
		})
	}
}

func TestEncodeRefuses(t *testing.T) {
	now := time.Now()
	for _, e := range []Event{
		{Stamp: now, Start: now},
		{UID: "u", Start: now},
		{UID: "u", Stamp: now, Start: now, End: now.Add(-time.Hour)},
		{UID: "u", Stamp: now, Start: now, Zone: "Mars/Olympus"},
	} {
		if err := (&Calendar{Events: []Event{e}}).Encode(&bytes.Buffer{}); err == nil {
			t.Errorf("Encode accepted %+v", e)
		}
	}
}

func TestEscape(t *testing.T) {
	in := "a\\b;c,d\ne\r\nf"
	if got := Escape(in); got != `a\\b\;c\,d\ne\nf` {
		t.Fatalf("Escape = %q", got)
	}
	back, err := Unescape(Escape(in))
	if err != nil || back != "a\\b;c,d\ne\nf" {
		t.Fatalf("Unescape = %q, %v", back, err)
	}
}
