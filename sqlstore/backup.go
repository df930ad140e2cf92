package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"amur"
)

// Progress reports how far a backup or restore has come: done of total
// units, where unit is "bytes" or, for a PostgreSQL restore, "entries" of
// the archive; total is -1 when it is not known in advance.
type Progress func(done, total int64, unit string)

// BackupInfo describes a finished backup or restore.
type BackupInfo struct {
	// Dialect is "sqlite" or "postgres".
	Dialect string
	// Bytes is the size of the backup file.
	Bytes int64
	// Counts holds the records of each kind in the copy, when the dialect
	// can tell without reading the whole copy again (SQLite).
	Counts map[amur.Kind]int
}

// RestoreOptions tunes a restore.
type RestoreOptions struct {
	// Force replaces a database that already holds data.
	Force bool
	// Progress, when set, is called as the restore goes on.
	Progress Progress
}

// Backup writes a consistent copy of the database named by dsn to the file
// out, replacing out only once the copy is complete. The database may be in
// use meanwhile: the copy is the state of one moment.
//
// SQLite is copied with VACUUM INTO, which reads one snapshot while writers
// go on (in WAL mode they are not blocked), into a temporary file beside
// out that is synced and then renamed over out, so a crash never leaves a
// half-written backup under the final name. PostgreSQL is dumped with
// pg_dump in its custom format, which pg_restore reads.
func Backup(ctx context.Context, dsn, out string, progress Progress) (*BackupInfo, error) {
	if progress == nil {
		progress = func(int64, int64, string) {}
	}
	if isPostgres(dsn) {
		return backupPostgres(ctx, dsn, out, progress)
	}
	return backupSQLite(ctx, dsn, out, progress)
}

// Restore replaces the database named by dsn with the backup in file,
// after checking the backup. A database that already holds data is
// replaced only with opt.Force. For SQLite the database must not be in use
// (stop the server first): the file is swapped whole.
func Restore(ctx context.Context, dsn, file string, opt RestoreOptions) (*BackupInfo, error) {
	if opt.Progress == nil {
		opt.Progress = func(int64, int64, string) {}
	}
	if isPostgres(dsn) {
		return restorePostgres(ctx, dsn, file, opt)
	}
	return restoreSQLite(ctx, dsn, file, opt)
}

// isPostgres tells whether dsn names a PostgreSQL database, as Open decides.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// sqliteFile returns the path of the file of a SQLite dsn, refusing
// in-memory databases, which have no file to copy.
func sqliteFile(dsn string) (string, error) {
	base, mem := sqliteBase(dsn)
	if mem {
		return "", amur.Invalid("db", "err.backup_memory")
	}
	if rest, ok := strings.CutPrefix(base, "file:"); ok {
		path, _, _ := strings.Cut(rest, "?")
		if p, err := url.PathUnescape(path); err == nil {
			path = p
		}
		return path, nil
	}
	return base, nil
}

// backupSQLite copies a SQLite database with VACUUM INTO.
func backupSQLite(ctx context.Context, dsn, out string, progress Progress) (*BackupInfo, error) {
	path, err := sqliteFile(dsn)
	if err != nil {
		return nil, err
	}
	if err := mustExist("db", path); err != nil {
		return nil, err
	}
	src, err := openRaw(ctx, path)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	var pages, size int64
	if err := src.QueryRowContext(ctx, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()").Scan(&pages); err != nil {
		return nil, fmt.Errorf("sqlstore: backup: %w", err)
	}
	tmp, err := tempBeside("out", out, ".amur-backup-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp)
	stop := watchSize(tmp, pages, progress)
	_, err = src.ExecContext(ctx, "VACUUM INTO ?", tmp)
	stop()
	if err != nil {
		return nil, fmt.Errorf("sqlstore: backup: %w", err)
	}
	counts, err := sqliteCounts(ctx, tmp)
	if err != nil {
		return nil, err
	}
	if size, err = syncAndRename(tmp, out); err != nil {
		return nil, err
	}
	progress(size, size, "bytes")
	return &BackupInfo{Dialect: "sqlite", Bytes: size, Counts: counts}, nil
}

// restoreSQLite checks the backup on a copy beside the database and then
// renames the copy over it, so the database is either the old one or the
// whole backup, never a mix.
func restoreSQLite(ctx context.Context, dsn, file string, opt RestoreOptions) (*BackupInfo, error) {
	path, err := sqliteFile(dsn)
	if err != nil {
		return nil, err
	}
	if err := mustExist("file", file); err != nil {
		return nil, err
	}
	tmp, err := tempBeside("db", path, ".amur-restore-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp)
	if err := copyFile(ctx, file, tmp, opt.Progress); err != nil {
		return nil, err
	}
	if err := checkSQLiteBackup(ctx, tmp); err != nil {
		return nil, err
	}
	counts, err := sqliteCounts(ctx, tmp)
	if err != nil {
		return nil, err
	}
	if err := releaseSQLiteTarget(ctx, path, opt.Force); err != nil {
		return nil, err
	}
	// The restored file keeps the permissions of the one it replaces.
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return nil, err
	}
	size, err := syncAndRename(tmp, path)
	if err != nil {
		return nil, err
	}
	return &BackupInfo{Dialect: "sqlite", Bytes: size, Counts: counts}, nil
}

// checkSQLiteBackup refuses a file that is damaged, is not an Amur
// database, or comes from a newer Amur whose schema this one does not know.
func checkSQLiteBackup(ctx context.Context, path string) error {
	db, err := openRaw(ctx, path)
	if err != nil {
		return amur.Invalid("file", "err.backup_not_amur")
	}
	defer db.Close()
	var verdict string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&verdict); err != nil {
		// The driver fails on a file that is not SQLite at all.
		return &amur.Error{Code: amur.EInvalid, Key: "err.backup_not_amur", Field: "file", Err: err}
	}
	if verdict != "ok" {
		return amur.Invalid("file", "err.backup_damaged", "detail", strings.Join(strings.Fields(verdict), " "))
	}
	var version int64
	err = db.QueryRowContext(ctx, "SELECT max(version_id) FROM goose_db_version WHERE is_applied").Scan(&version)
	if err != nil || !hasTable(ctx, db, "activities") {
		return amur.Invalid("file", "err.backup_not_amur")
	}
	known, err := latestMigration("sqlite")
	if err != nil {
		return err
	}
	if version > known {
		return amur.Invalid("file", "err.backup_newer", "version", int(version), "known", int(known))
	}
	return nil
}

// releaseSQLiteTarget makes sure the database at path may be replaced: it
// holds no data (or force is set) and no one has it open. Switching it out
// of WAL mode needs sole access, and also folds the WAL into the file and
// removes it, so no old WAL can be replayed onto the restored file.
func releaseSQLiteTarget(ctx context.Context, path string, force bool) error {
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		// No database yet: leftovers of one deleted by hand must not be
		// replayed onto the new file.
		removeSidecars(path)
		return nil
	}
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(2000)")
	if err != nil {
		return fmt.Errorf("sqlstore: restore: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	used, err := holdsData(ctx, db)
	if err != nil {
		return &amur.Error{Code: amur.EInvalid, Key: "err.backup_target", Field: "db", Err: err}
	}
	if used && !force {
		return amur.Invalid("db", "err.restore_not_empty")
	}
	var mode string
	err = db.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode)
	if err != nil || mode != "delete" {
		return &amur.Error{Code: amur.EConflict, Key: "err.db_in_use", Field: "db", Err: err}
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("sqlstore: restore: %w", err)
	}
	removeSidecars(path)
	return nil
}

// holdsData tells whether any table of the database other than the
// migration bookkeeping has a row.
func holdsData(ctx context.Context, db *sql.DB) (bool, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name <> 'goose_db_version'`)
	if err != nil {
		return false, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return false, err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	for _, n := range names {
		var any bool
		q := `SELECT EXISTS (SELECT 1 FROM "` + strings.ReplaceAll(n, `"`, `""`) + `")`
		if err := db.QueryRowContext(ctx, q).Scan(&any); err != nil {
			return false, err
		}
		if any {
			return true, nil
		}
	}
	return false, nil
}

// removeSidecars deletes the WAL and shared-memory files of path.
func removeSidecars(path string) {
	for _, s := range []string{"-wal", "-shm", "-journal"} {
		_ = os.Remove(path + s)
	}
}

// sqliteCounts counts the records of each kind in the database file path.
func sqliteCounts(ctx context.Context, path string) (map[amur.Kind]int, error) {
	db, err := openRaw(ctx, path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	counts := map[amur.Kind]int{}
	for _, k := range amur.Kinds {
		t, err := tableOf(k)
		if err != nil {
			return nil, err
		}
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+t.name).Scan(&n); err != nil {
			return nil, fmt.Errorf("sqlstore: count %s: %w", k, err)
		}
		counts[k] = n
	}
	return counts, nil
}

// openRaw opens one plain connection to the SQLite file path, without the
// store's set-up: backups must neither migrate nor change the file.
func openRaw(ctx context.Context, path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlstore: open %s: %w", path, err)
	}
	return db, nil
}

// hasTable tells whether the SQLite database has a table called name.
func hasTable(ctx context.Context, db *sql.DB, name string) bool {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", name).Scan(&n)
	return err == nil && n == 1
}

// latestMigration returns the highest migration version this build embeds
// for the dialect.
func latestMigration(dialect string) (int64, error) {
	entries, err := fs.ReadDir(migrations, "migrations/"+dialect)
	if err != nil {
		return 0, err
	}
	var latest int64
	for _, e := range entries {
		num, _, _ := strings.Cut(e.Name(), "_")
		if v, err := strconv.ParseInt(num, 10, 64); err == nil && v > latest {
			latest = v
		}
	}
	return latest, nil
}

// mustExist refuses a path that names no file, naming the flag it came from.
func mustExist(field, path string) error {
	st, err := os.Stat(path)
	if err != nil || st.IsDir() {
		return amur.Invalid(field, "err.file_missing", "value", path)
	}
	return nil
}

// tempBeside creates an empty temporary file in the directory of path, so
// that renaming it onto path stays on one file system and is atomic; field
// names the flag that gave path.
func tempBeside(field, path, pattern string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), pattern)
	if err != nil {
		return "", fileWriteError(field, path, err)
	}
	name := f.Name()
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// fileWriteError reports that path could not be written.
func fileWriteError(field, path string, err error) error {
	return &amur.Error{Code: amur.EInvalid, Key: "err.file_write", Field: field, Args: map[string]any{"value": path}, Err: err}
}

// syncAndRename flushes tmp to disk, renames it onto path and flushes the
// directory, so that after a crash path is either absent, the old file or
// the complete new one. It returns the file's size.
func syncAndRename(tmp, path string) (int64, error) {
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return 0, fileWriteError("", path, err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return st.Size(), nil
}

// copyFile copies src to the existing file dst, reporting bytes copied.
func copyFile(ctx context.Context, src, dst string, progress Progress) error {
	in, err := os.Open(src)
	if err != nil {
		return amur.Invalid("file", "err.file_missing", "value", src)
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	buf := make([]byte, 1<<20)
	var done int64
	for {
		if err := ctx.Err(); err != nil {
			out.Close()
			return err
		}
		n, rerr := in.Read(buf)
		if n > 0 {
			if _, err := out.Write(buf[:n]); err != nil {
				out.Close()
				return err
			}
			done += int64(n)
			progress(done, st.Size(), "bytes")
		}
		if errors.Is(rerr, io.EOF) {
			break
		}
		if rerr != nil {
			out.Close()
			return rerr
		}
	}
	return out.Close()
}

// watchSize reports the growing size of the file path every 200 ms until
// the returned function is called.
func watchSize(path string, total int64, progress Progress) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if st, err := os.Stat(path); err == nil {
					progress(st.Size(), total, "bytes")
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
