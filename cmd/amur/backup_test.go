package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"amur"
	"amur/internal/testkit"
	"amur/sqlstore"
)

// exportAll exports every kind of the database dsn as JSON Lines and
// returns the bytes of each.
func exportAll(t *testing.T, dsn string) map[amur.Kind][]byte {
	t.Helper()
	dir := t.TempDir()
	out := map[amur.Kind][]byte{}
	for _, k := range amur.Kinds {
		file := filepath.Join(dir, string(k)+".jsonl")
		if code, _, errs := run(t, nil, "export", "--kind", string(k), "--out", file, "--db", dsn); code != exitOK {
			t.Fatalf("export %s exited %d: %s", k, code, errs)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		out[k] = b
	}
	return out
}

// sameExports fails the test unless two databases export identical bytes
// for every kind, and neither is empty.
func sameExports(t *testing.T, want, got map[amur.Kind][]byte) {
	t.Helper()
	for _, k := range amur.Kinds {
		if len(want[k]) == 0 {
			t.Errorf("%s: the source exports nothing", k)
		}
		if !bytes.Equal(want[k], got[k]) {
			t.Errorf("%s: the restored database exports %d bytes that differ from the source's %d", k, len(got[k]), len(want[k]))
		}
	}
}

// TestBackupRestoreSQLite backs up the demo program, restores it into a
// new database and compares every kind's export byte for byte; it also
// checks the refusals that protect a database from a careless restore.
func TestBackupRestoreSQLite(t *testing.T) {
	dir := t.TempDir()
	src, bk, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "backup.db"), filepath.Join(dir, "dst.db")
	if code, _, errs := run(t, nil, "demo", "--activities", "300", "--db", src); code != exitOK {
		t.Fatalf("demo exited %d: %s", code, errs)
	}
	code, out, errs := run(t, nil, "backup", "--db", src, "--out", bk)
	if code != exitOK || !strings.Contains(out, "activities") {
		t.Fatalf("backup exited %d: %s %s", code, out, errs)
	}
	if code, out, errs := run(t, nil, "restore", "--db", dst, bk); code != exitOK {
		t.Fatalf("restore exited %d: %s %s", code, out, errs)
	}
	want := exportAll(t, src)
	sameExports(t, want, exportAll(t, dst))

	code, _, errs = run(t, map[string]string{"AMUR_LANG": "ru"}, "restore", "--db", dst, bk)
	if code != exitFailure || !strings.Contains(errs, "--force") {
		t.Errorf("restore over a database with data: exit %d, %q; want a refusal naming --force", code, errs)
	}
	if code, _, errs := run(t, nil, "restore", "--force", "--db", dst, bk); code != exitOK {
		t.Errorf("restore --force exited %d: %s", code, errs)
	}

	damaged := filepath.Join(dir, "damaged.db")
	b, err := os.ReadFile(bk)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) / 2; i < len(b)/2+8192; i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(damaged, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = run(t, nil, "restore", "--force", "--db", dst, damaged)
	if code != exitFailure || !strings.Contains(errs, "backup") {
		t.Errorf("restore of a damaged backup: exit %d, %q; want a refusal", code, errs)
	}
	sameExports(t, want, exportAll(t, dst))
}

// TestRestoreRefusesDatabaseInUse checks that restore does not swap the
// file of a database another connection holds open.
func TestRestoreRefusesDatabaseInUse(t *testing.T) {
	dir := t.TempDir()
	src, bk, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "backup.db"), filepath.Join(dir, "dst.db")
	if code, _, errs := run(t, nil, "demo", "--activities", "10", "--db", src); code != exitOK {
		t.Fatalf("demo exited %d: %s", code, errs)
	}
	if code, _, errs := run(t, nil, "backup", "--db", src, "--out", bk); code != exitOK {
		t.Fatalf("backup exited %d: %s", code, errs)
	}
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, nil, "restore", "--force", "--db", dst, bk)
	if code != exitFailure || !strings.Contains(errs, "in use") {
		t.Errorf("restore into an open database: exit %d, %q; want a refusal", code, errs)
	}
	if n, err := db.Count(ctx, amur.KindProgram); err != nil || n != 0 {
		t.Errorf("the open database holds %d programs after the refused restore (%v)", n, err)
	}
}

// TestBackupWhileWriting backs up a SQLite database while a writer adds
// organisations: the backup must be whole and hold a state of one moment,
// between the counts before and after.
func TestBackupWhileWriting(t *testing.T) {
	dir := t.TempDir()
	src, bk := filepath.Join(dir, "src.db"), filepath.Join(dir, "backup.db")
	if code, _, errs := run(t, nil, "demo", "--activities", "2000", "--db", src); code != exitOK {
		t.Fatalf("demo exited %d: %s", code, errs)
	}
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	before, _ := db.Count(ctx, amur.KindOrganization)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var werr error
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if werr = db.CreateOrganization(ctx, testkit.Org(fmt.Sprintf("Writer org %d", i), "RU")); werr != nil {
				return
			}
		}
	})
	time.Sleep(50 * time.Millisecond)
	code, _, errs := run(t, nil, "backup", "--db", src, "--out", bk)
	close(stop)
	wg.Wait()
	if code != exitOK || werr != nil {
		t.Fatalf("backup exited %d (%s); writer: %v", code, errs, werr)
	}
	after, _ := db.Count(ctx, amur.KindOrganization)
	got := openCount(t, bk)
	if got < before || got > after || after == before {
		t.Errorf("backup holds %d organisations; before %d, after %d", got, before, after)
	}
}

// openCount checks the SQLite file path and returns its organisations.
func openCount(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var verdict string
	var n int
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&verdict); err != nil || verdict != "ok" {
		t.Fatalf("integrity_check of %s: %q, %v", path, verdict, err)
	}
	if err := db.QueryRow("SELECT count(*) FROM organizations").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBackupRestorePostgres dumps a PostgreSQL database holding the demo
// program, restores it into a new database and compares every export.
func TestBackupRestorePostgres(t *testing.T) {
	base := os.Getenv(testkit.PostgresEnv)
	if base == "" {
		t.Skip(testkit.PostgresEnv + " is not set")
	}
	if _, err := exec.LookPath("pg_dump"); err != nil {
		t.Skip("pg_dump is not installed")
	}
	src, dst := newDatabase(t, base), newDatabase(t, base)
	bk := filepath.Join(t.TempDir(), "amur.dump")
	if code, _, errs := run(t, nil, "demo", "--activities", "300", "--db", src); code != exitOK {
		t.Fatalf("demo exited %d: %s", code, errs)
	}
	if code, out, errs := run(t, nil, "backup", "--db", src, "--out", bk); code != exitOK {
		t.Fatalf("backup exited %d: %s %s", code, out, errs)
	}
	if code, out, errs := run(t, nil, "restore", "--db", dst, bk); code != exitOK {
		t.Fatalf("restore exited %d: %s %s", code, out, errs)
	}
	sameExports(t, exportAll(t, src), exportAll(t, dst))
	if code, _, errs := run(t, nil, "restore", "--db", dst, bk); code != exitFailure || !strings.Contains(errs, "--force") {
		t.Errorf("restore over a database with data: exit %d, %q; want a refusal naming --force", code, errs)
	}
	if code, _, errs := run(t, nil, "restore", "--force", "--db", dst, bk); code != exitOK {
		t.Errorf("restore --force exited %d: %s", code, errs)
	}
}

// newDatabase creates an empty PostgreSQL database on the server of base
// and returns its URL; it is dropped when the test ends.
func newDatabase(t *testing.T, base string) string {
	t.Helper()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "amur_test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Skipf("cannot create a database for the test: %v", err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			t.Error(err)
			return
		}
		defer admin.Close()
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
