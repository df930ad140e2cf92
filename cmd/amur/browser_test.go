package main

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"
)

// chromiumPath returns the path of a Chromium or Chrome binary, or "".
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// screenshotsWanted tells whether the browser test rewrites the committed
// screenshots: with -update or AMUR_SCREENSHOTS=1.
func screenshotsWanted() bool {
	if os.Getenv("AMUR_SCREENSHOTS") == "1" {
		return true
	}
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// newBrowser starts headless Chromium for the test, or skips the test when
// there is none and CI is unset; under CI a missing browser fails.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no chromium binary found and CI is set: .ci/run installs Debian's chromium and fonts-wqy-microhei")
		}
		t.Skip("no chromium binary found (apt-get install chromium fonts-wqy-microhei); set CI to make this a failure")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900), chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return ctx
}

// TestBrowser drives a real Chromium through a real "amur serve" with the
// demo program: the language switch, signing in, proposing an activity
// and finding it in the filtered list, the report's charts and an XLSX
// download. With -update it also rewrites docs/screenshots.
func TestBrowser(t *testing.T) {
	ctx := newBrowser(t)
	pw := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pw, []byte(testPassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	base := startServe(t, "--admin-email", "admin@example.org", "--admin-password-file", pw)
	shots := screenshotsWanted()

	t.Run("languages", func(t *testing.T) { browseLanguages(t, ctx, base, shots) })
	t.Run("create", func(t *testing.T) { browseCreate(t, ctx, base) })
	t.Run("report", func(t *testing.T) { browseReport(t, ctx, base) })
	t.Run("xlsx", func(t *testing.T) { browseDownload(t, ctx, base) })
	t.Run("phone", func(t *testing.T) { browsePhone(t, ctx, base) })
}

// browsePhone checks that pages fit a phone's width without sideways
// scrolling, and that the keyboard reaches the skip link first.
func browsePhone(t *testing.T, ctx context.Context, base string) {
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Do(ctx, chromedp.ResetViewport())
	for _, path := range []string{"/zh/", "/ru/activities", "/en/report", "/ru/activities/new", "/zh/timeline", "/ru/offers"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS("footer"))); err != nil {
			t.Fatal(err)
		}
		over, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if over > 1 {
			t.Errorf("%s is %d px wider than a phone", path, over)
		}
	}
	err := chromedp.Do(ctx, chromedp.Navigate(base+"/en/"), chromedp.KeyEvent("\t"))
	if err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.className`))
	if err != nil || focused != "skip" {
		t.Errorf("the first Tab reaches %q, not the skip link (%v)", focused, err)
	}
}

// mainText returns the text of the page's main element.
func mainText(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// screenshotPages are the pages kept as screenshots, by file stem.
var screenshotPages = []struct{ stem, path string }{
	{"home", "/"}, {"activities", "/activities"}, {"report", "/report#rc-h"}, {"timeline", "/timeline"},
}

// browseLanguages switches from English to Chinese and Russian with the
// language links and checks each page reads in its language.
func browseLanguages(t *testing.T, ctx context.Context, base string, shots bool) {
	want := map[string][]string{
		"zh": {"中俄科技创新年", "主要数据", "目标进展"},
		"ru": {"Годы российско-китайского научно-технического сотрудничества", "Основные показатели", "Выполнение целей"},
		"en": {"China–Russia Years of Scientific and Technological Innovation", "Key figures"},
	}
	from := "en"
	for _, l := range []string{"zh", "ru", "en"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+from+"/activities?type=forum"), chromedp.Click(chromedp.CSS(`#langs a[hreflang="`+l+`"]`)), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
			t.Fatal(err)
		}
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		if !strings.Contains(loc, "/"+l+"/activities?type=forum") {
			t.Errorf("switching to %s went to %s, not the same page and query", l, loc)
		}
		from = l
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"+l+"/")); err != nil {
			t.Fatal(err)
		}
		text := mainText(t, ctx)
		for _, w := range want[l] {
			if !strings.Contains(text, w) {
				t.Errorf("/%s/ does not show %q", l, w)
			}
		}
		if !shots {
			continue
		}
		for _, p := range screenshotPages {
			screenshot(t, ctx, base+"/"+l+p.path, p.stem+"-"+l+".png")
		}
	}
}

// screenshot saves a PNG of the first screen of url (1280×900) under docs/screenshots.
func screenshot(t *testing.T, ctx context.Context, url, name string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("footer"))); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// browseCreate signs in, proposes an activity through the form and finds
// it with the list's facets and title search, also swapped in by htmx.
func browseCreate(t *testing.T, ctx context.Context, base string) {
	title := "Browser-made forum on quantum sensing"
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/en/login"),
		chromedp.SendKeys(chromedp.CSS("#email"), "admin@example.org"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`nav.nav button.link`)),
		chromedp.Navigate(base+"/en/activities/new"),
		chromedp.SendKeys(chromedp.CSS("#title_en"), title),
		chromedp.SendKeys(chromedp.CSS("#title_zh"), "量子传感论坛"),
		chromedp.SetValue(chromedp.CSS("#type"), "forum"),
		chromedp.SetValue(chromedp.CSS("#status"), "approved"),
		chromedp.SendKeys(chromedp.CSS("#start"), "2021-06-15T10:00"),
		chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("dl.facts")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if text := mainText(t, ctx); !strings.Contains(text, title) || !strings.Contains(text, "15 Jun 2021 10:00 Beijing time") ||
		!strings.Contains(text, "15 Jun 2021 05:00 Moscow time") {
		t.Errorf("the new activity's page shows %q", text)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/en/activities?q=quantum+sensing&year=2021"),
		chromedp.WaitVisible(chromedp.CSS("#results")),
		chromedp.Click(chromedp.CSS("#f-type-forum")),
		chromedp.WaitVisible(chromedp.CSS(`#f-type-forum:checked`)),
		chromedp.Sleep(500*time.Millisecond),
	)
	if err != nil {
		t.Fatal(err)
	}
	results, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#results")))
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.Contains(results, title) || !strings.Contains(loc, "type=forum") {
		t.Errorf("filtered list at %s does not show the new activity: %q", loc, results)
	}
}

// browseReport opens the report and checks its SVG charts.
func browseReport(t *testing.T, ctx context.Context, base string) {
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/ru/report"), chromedp.WaitVisible(chromedp.CSS("svg.svgchart"))); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('svg.svgchart[role="img"] > title').length`))
	if err != nil {
		t.Fatal(err)
	}
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('svg.svgchart rect').length`))
	if err != nil {
		t.Fatal(err)
	}
	if n < 6 || bars < 50 {
		t.Errorf("the report shows %d titled charts with %d bars", n, bars)
	}
	if text := mainText(t, ctx); !strings.Contains(text, "Мероприятия по месяцам и видам") {
		t.Errorf("the report is not in Russian: %.300q", text)
	}
	media := func(m string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
			return err
		})
	}
	if err := chromedp.Do(ctx, media("print")); err != nil {
		t.Fatal(err)
	}
	printed, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[getComputedStyle(document.querySelector('header')).display,
		getComputedStyle(document.querySelector('.exports')).display,
		getComputedStyle(document.querySelector('details.table table')).display].join(' ')`))
	chromedp.Do(ctx, media(""))
	if err != nil {
		t.Fatal(err)
	}
	if printed != "none none table" {
		t.Errorf("printed, header, export links and chart tables show as %q, want none none table", printed)
	}
}

// browseDownload downloads the list of forums as XLSX and reads it back.
func browseDownload(t *testing.T, ctx context.Context, base string) {
	dir := t.TempDir()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/zh/activities?type=forum"),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			yes := true
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes})
			return err
		}),
		chromedp.Click(chromedp.CSS(`a[href*=".xlsx"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	var file string
	for ev, err := range progress {
		if err != nil {
			t.Fatal(err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			file = filepath.Join(dir, ev.GUID)
			break
		}
	}
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("activities")
	if err != nil || len(rows) < 2 {
		t.Fatalf("xlsx: %d rows, %v", len(rows), err)
	}
	col := slices.Index(rows[0], "type")
	if col < 0 {
		t.Fatalf("xlsx header %v has no type", rows[0])
	}
	for _, r := range rows[1:] {
		if r[col] != "forum" {
			t.Fatalf("a %q in the export of forums", r[col])
		}
	}
}
