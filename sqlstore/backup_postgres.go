package sqlstore

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"

	"amur"
)

// backupPostgres dumps a PostgreSQL database with pg_dump in its custom
// format. pg_dump reads one snapshot, so writers may go on meanwhile.
func backupPostgres(ctx context.Context, dsn, out string, progress Progress) (*BackupInfo, error) {
	conn, err := libpqConn(dsn)
	if err != nil {
		return nil, err
	}
	tmp, err := tempBeside("out", out, ".amur-backup-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp)
	args := []string{"--format=custom", "--no-password", "--file=" + tmp}
	if conn.schema != "" {
		args = append(args, "--schema="+conn.schema)
	}
	cmd, err := conn.command(ctx, "pg_dump", append(args, "--dbname="+conn.url)...)
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stop := watchSize(tmp, -1, progress)
	err = cmd.Run()
	stop()
	if err != nil {
		return nil, toolFailed("pg_dump", stderr.String(), err)
	}
	size, err := syncAndRename(tmp, out)
	if err != nil {
		return nil, err
	}
	progress(size, size, "bytes")
	return &BackupInfo{Dialect: "postgres", Bytes: size}, nil
}

// restorePostgres loads a pg_dump archive with pg_restore in one
// transaction, so a failed restore leaves the database as it was.
func restorePostgres(ctx context.Context, dsn, file string, opt RestoreOptions) (*BackupInfo, error) {
	if err := mustExist("file", file); err != nil {
		return nil, err
	}
	conn, err := libpqConn(dsn)
	if err != nil {
		return nil, err
	}
	entries, err := conn.listArchive(ctx, file)
	if err != nil {
		return nil, err
	}
	tables, used, err := postgresTarget(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if used && !opt.Force {
		return nil, amur.Invalid("db", "err.restore_not_empty")
	}
	args := []string{"--verbose", "--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--no-password"}
	if tables {
		// The schema is there (a migrated but empty database, or --force):
		// drop each object before it is recreated.
		args = append(args, "--clean", "--if-exists")
	}
	cmd, err := conn.command(ctx, "pg_restore", append(args, "--dbname="+conn.url, file)...)
	if err != nil {
		return nil, err
	}
	if err := runCounting(cmd, entries, opt.Progress); err != nil {
		return nil, err
	}
	return postgresInfo(ctx, dsn, file)
}

// runCounting runs pg_restore --verbose, reporting each archive entry it
// logs as progress, and keeps the log for the error message.
func runCounting(cmd *exec.Cmd, entries int64, progress Progress) error {
	pipe, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return toolFailed(cmd.Args[0], "", err)
	}
	var log strings.Builder
	var done int64
	sc := bufio.NewScanner(pipe)
	for sc.Scan() {
		line := sc.Text()
		log.WriteString(line + "\n")
		if strings.HasPrefix(line, "pg_restore: creating ") || strings.HasPrefix(line, "pg_restore: processing ") {
			done++
			progress(min(done, entries), entries, "entries")
		}
	}
	if err := cmd.Wait(); err != nil {
		return toolFailed("pg_restore", log.String(), err)
	}
	progress(entries, entries, "entries")
	return nil
}

// postgresTarget tells whether the schema of dsn has tables at all, and
// whether any of them other than the migration bookkeeping holds a row.
func postgresTarget(ctx context.Context, dsn string) (tables, used bool, err error) {
	db, err := openPostgres(ctx, dsn)
	if err != nil {
		return false, false, err
	}
	defer db.Close()
	rows, err := db.r.QueryContext(ctx, `SELECT quote_ident(table_name) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
	if err != nil {
		return false, false, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return false, false, err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, false, err
	}
	for _, n := range names {
		if n == "goose_db_version" {
			continue
		}
		var any bool
		if err := db.r.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+n+")").Scan(&any); err != nil {
			return false, false, err
		}
		if any {
			return true, true, nil
		}
	}
	return len(names) > 0, false, nil
}

// postgresInfo counts the records of each kind in the restored database.
func postgresInfo(ctx context.Context, dsn, file string) (*BackupInfo, error) {
	db, err := openPostgres(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	info := &BackupInfo{Dialect: "postgres", Counts: map[amur.Kind]int{}}
	for _, k := range amur.Kinds {
		n, err := db.Count(ctx, k)
		if err != nil {
			return nil, err
		}
		info.Counts[k] = n
	}
	if st, err := os.Stat(file); err == nil {
		info.Bytes = st.Size()
	}
	return info, nil
}

// pgConn is how the PostgreSQL client tools reach the database of a dsn.
type pgConn struct {
	// url is the dsn without its password and without the parameters only
	// the Go driver knows.
	url string
	// password travels in PGPASSWORD, so it does not show in the list of
	// processes.
	password string
	// schema is the search_path of the dsn, which limits a dump.
	schema string
}

// libpqConn turns a dsn into what pg_dump and pg_restore take. libpq
// refuses the search_path parameter that the Go driver accepts, so it
// becomes a server option instead.
func libpqConn(dsn string) (*pgConn, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, &amur.Error{Code: amur.EInvalid, Key: "err.dsn", Field: "db", Err: err}
	}
	c := &pgConn{}
	if u.User != nil {
		c.password, _ = u.User.Password()
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if sp := q.Get("search_path"); sp != "" {
		c.schema = sp
		q.Del("search_path")
		q.Set("options", "-csearch_path="+sp)
	}
	u.RawQuery = q.Encode()
	c.url = u.String()
	return c, nil
}

// command returns the client tool with the connection's environment.
func (c *pgConn) command(ctx context.Context, tool string, args ...string) (*exec.Cmd, error) {
	path, err := exec.LookPath(tool)
	if err != nil {
		return nil, amur.Errorf(amur.ENotFound, "err.tool_missing", "tool", tool)
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = os.Environ()
	if c.password != "" {
		cmd.Env = append(cmd.Env, "PGPASSWORD="+c.password)
	}
	return cmd, nil
}

// listArchive checks that file is a pg_dump archive of an Amur database
// and returns the number of its entries.
func (c *pgConn) listArchive(ctx context.Context, file string) (int64, error) {
	cmd, err := c.command(ctx, "pg_restore", "--list", file)
	if err != nil {
		return 0, err
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return 0, &amur.Error{Code: amur.EInvalid, Key: "err.backup_not_amur", Field: "file",
			Err: fmt.Errorf("pg_restore --list: %w: %s", err, lastLine(stderr.String()))}
	}
	var entries int64
	var amurTables int
	for line := range strings.SplitSeq(stdout.String(), "\n") {
		if line == "" || strings.HasPrefix(line, ";") {
			continue
		}
		entries++
		if strings.Contains(line, " TABLE ") && (strings.HasSuffix(tableOwnerless(line), " activities") ||
			strings.HasSuffix(tableOwnerless(line), " goose_db_version")) {
			amurTables++
		}
	}
	if amurTables < 2 {
		return 0, amur.Invalid("file", "err.backup_not_amur")
	}
	return entries, nil
}

// tableOwnerless drops the owner that ends a line of pg_restore --list
// ("215; 1259 16390 TABLE public activities postgres").
func tableOwnerless(line string) string {
	if i := strings.LastIndexByte(line, ' '); i > 0 {
		return line[:i]
	}
	return line
}

// toolFailed reports a failed client tool with the last line it logged,
// which is where pg_dump and pg_restore say what went wrong.
func toolFailed(tool, log string, err error) error {
	detail := lastLine(log)
	if detail == "" {
		detail = err.Error()
	}
	return &amur.Error{Code: amur.EInternal, Key: "err.tool_failed",
		Args: map[string]any{"tool": tool, "detail": detail}, Err: fmt.Errorf("%s: %w", tool, err)}
}

// lastLine returns the last line of s that is not blank.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
