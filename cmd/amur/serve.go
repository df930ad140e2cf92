package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"amur"
	"amur/demo"
	"amur/registry"
	"amur/sqlstore"
	"amur/web"
)

// serve runs the HTTP server until the context ends (SIGINT or SIGTERM).
func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve", "[--addr HOST:PORT] [--db DSN] [--no-demo]",
		"Migrates the database, loads the demo program into an empty one, and serves\nthe JSON API under /api/v1 until interrupted.")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dsn := m.dbFlag(fs)
	noDemo := fs.Bool("no-demo", false, "do not load the demo program into an empty database")
	if err := m.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return m.usageErr(fs, "amur serve: unexpected argument %q", fs.Arg(0))
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if !*noDemo {
		if err := m.loadDemoIfEmpty(ctx, db); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	// The web adapter reaches the store only through the registry, which
	// checks every call against the principal of its request; commands
	// such as the demo loader above are the system and use db directly.
	srv := web.HTTPServer(ln.Addr().String(), web.New(web.Config{Store: registry.New(db), Logger: m.Logger}))
	return m.runServer(ctx, srv, ln)
}

// loadDemoIfEmpty loads the demo program when the database holds no program.
func (m *Main) loadDemoIfEmpty(ctx context.Context, db *sqlstore.DB) error {
	n, err := db.Count(ctx, amur.KindProgram)
	if err != nil || n > 0 {
		return err
	}
	start := time.Now()
	if err := demo.Load(ctx, db, demo.Options{}); err != nil {
		return err
	}
	m.Logger.Info("loaded the demo program into the empty database", "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// runServer serves on ln until ctx ends, then shuts down gracefully, giving
// requests in flight up to ten seconds to finish.
func (m *Main) runServer(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String()
	m.Logger.Info("amur is serving", "url", url)
	fmt.Fprintf(m.Stdout, "Amur is serving on %s (API: %s/api/v1/activities)\n", url, url)
	if m.Ready != nil {
		m.Ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	m.Logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
