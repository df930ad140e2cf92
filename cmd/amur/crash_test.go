package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"amur"
	"amur/sqlstore"
)

// crashRows is the size of the import the crash test interrupts.
const crashRows = 200_000

// TestImportSurvivesKill starts "amur import" of 200,000 activities as its
// own process and kills it with SIGKILL, each run at another kind of
// moment: while it reads and checks the file (a random 0.5 to 5 seconds
// in), while it commits (the WAL has grown past a random size), and after
// the commit while the WAL is folded into the database. After each kill the
// database must pass PRAGMA integrity_check, open again through
// "amur stats", and hold either every activity of the file or none: the
// import is one transaction, and SQLite's recovery keeps a committed one
// and drops an uncommitted one. AMUR_CRASH_RUNS sets the number of runs
// (default 3, one of each kind).
func TestImportSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and imports 200,000 activities")
	}
	runs := 3
	if n, err := strconv.Atoi(os.Getenv("AMUR_CRASH_RUNS")); err == nil && n > 0 {
		runs = n
	}
	dir := t.TempDir()
	bin := buildAmur(t, dir)
	base := filepath.Join(dir, "base.db")
	runBin(t, bin, "demo", "--activities", "100", "--db", base)
	before := countActivities(t, base)
	file := filepath.Join(dir, "activities.jsonl")
	writeActivities(t, base, file, crashRows)
	rnd := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	for run := range runs {
		db := filepath.Join(dir, fmt.Sprintf("run%d.db", run))
		copyDB(t, base, db)
		cmd := exec.Command(bin, "import", "--kind", "activities", "--db", db, file)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		moment := killMoments[run%len(killMoments)]
		start := time.Now()
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("run %d: the import failed before the kill: %v: %s", run, err, stderr.Bytes())
			}
			t.Logf("run %d: the import ended before the kill (%s)", run, moment.name)
		case <-moment.wait(db, rnd, exited):
			wal := fileSize(db + "-wal")
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			<-exited
			t.Logf("run %d: killed %s, %v in, with %.1f MB of WAL", run, moment.name,
				time.Since(start).Round(time.Millisecond), float64(wal)/1e6)
		}
		checkIntegrity(t, db)
		got := statsActivities(t, bin, db)
		if got != before && got != before+crashRows {
			t.Fatalf("run %d: %d activities after the kill; want %d (none imported) or %d (all)", run, got, before, before+crashRows)
		}
		t.Logf("run %d: integrity ok, %d activities (%s)", run, got, map[bool]string{true: "import absent", false: "import complete"}[got == before])
		os.Remove(db)
	}
}

// killMoment is a kind of moment at which the crash test kills the import.
type killMoment struct {
	name string
	// wait returns a channel that is closed at the moment; it gives up,
	// leaving the channel open, once the import has exited.
	wait func(db string, rnd *rand.Rand, exited <-chan error) <-chan struct{}
}

// killMoments are the moments the runs of the crash test cycle through.
var killMoments = []killMoment{
	{"while reading the file", func(db string, rnd *rand.Rand, _ <-chan error) <-chan struct{} {
		ch := make(chan struct{})
		d := 500*time.Millisecond + time.Duration(rnd.Int64N(int64(4500*time.Millisecond)))
		time.AfterFunc(d, func() { close(ch) })
		return ch
	}},
	{"while committing", func(db string, rnd *rand.Rand, exited <-chan error) <-chan struct{} {
		threshold := int64(1<<20 + rnd.IntN(100<<20))
		return whenWAL(db, exited, func(size, _ int64, _ time.Duration) bool { return size >= threshold })
	}},
	{"after the commit, while checkpointing", func(db string, rnd *rand.Rand, exited <-chan error) <-chan struct{} {
		extra := time.Duration(rnd.Int64N(int64(2 * time.Second)))
		return whenWAL(db, exited, func(size, prev int64, still time.Duration) bool {
			return size > 0 && size == prev && still >= 200*time.Millisecond+extra
		})
	}},
}

// whenWAL polls the size of the WAL of db every 5 ms and closes the
// returned channel once ready reports true for the size, the previous size
// and how long the size has stayed the same.
func whenWAL(db string, exited <-chan error, ready func(size, prev int64, still time.Duration) bool) <-chan struct{} {
	ch := make(chan struct{})
	go func() {
		var prev int64
		since := time.Now()
		for {
			select {
			case <-exited:
				return
			case <-time.After(5 * time.Millisecond):
			}
			size := fileSize(db + "-wal")
			if size != prev {
				since = time.Now()
			}
			if ready(size, prev, time.Since(since)) {
				close(ch)
				return
			}
			prev = size
		}
	}()
	return ch
}

// buildAmur builds the amur binary into dir once for the test.
func buildAmur(t *testing.T, dir string) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	bin := filepath.Join(dir, "amur")
	out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runBin runs the binary and fails the test unless it succeeds.
func runBin(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("amur %v: %v: %s", args, err, stderr)
	}
	return out
}

// statsActivities opens the database as a restarted Amur does and
// returns its number of activities.
func statsActivities(t *testing.T, bin, db string) int {
	t.Helper()
	var st amur.Stats
	if err := json.Unmarshal(runBin(t, bin, "stats", "--json", "--db", db), &st); err != nil {
		t.Fatal(err)
	}
	return st.Activities
}

// checkIntegrity fails the test unless the SQLite file passes
// PRAGMA integrity_check.
func checkIntegrity(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var verdict string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&verdict); err != nil || verdict != "ok" {
		t.Fatalf("integrity_check of %s: %q, %v", path, verdict, err)
	}
}

// countActivities returns the number of activities in a SQLite database.
func countActivities(t *testing.T, path string) int {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, err := db.Count(context.Background(), amur.KindActivity)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// writeActivities writes n activities as JSON Lines to file. They belong to
// the stored program and name its stored fields and organisations, so the
// import's reference checks pass and only the kill can stop it.
func writeActivities(t *testing.T, base, file string, n int) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	var programID string
	var fields []string
	var orgs []*amur.Organization
	for _, k := range []amur.Kind{amur.KindProgram, amur.KindField, amur.KindOrganization} {
		err := db.Each(ctx, k, func(r amur.Record) error {
			switch x := r.(type) {
			case *amur.Program:
				programID = x.ID
			case *amur.Field:
				fields = append(fields, x.ID)
			case *amur.Organization:
				orgs = append(orgs, x)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	types := []amur.ActivityType{amur.Forum, amur.JointResearch, amur.Exhibition, amur.Training}
	for i := range n {
		o := orgs[i%len(orgs)]
		fmt.Fprintf(w, `{"program_id":%q,"title":{"en":"Crash-test activity %d","ru":"Проверочное мероприятие %d"},`+
			`"type":%q,"status":"held","fields":[%q],"start":"2021-%02d-%02d","zone":"Europe/Moscow","format":"online",`+
			`"sides":["CN","RU"],"participants":[{"org_id":%q,"side":%q,"role":"organiser"}]}`+"\n",
			programID, i, i, types[i%len(types)], fields[i%len(fields)], 1+i%12, 1+i%28, o.ID, o.Country)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// copyDB copies a closed SQLite database (its WAL folded in) to dst.
func copyDB(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// fileSize returns the size of path, or 0 when it does not exist.
func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}
