package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"amur"
	"amur/auth"
	"amur/demo"
	"amur/events"
	"amur/fund"
	"amur/match"
	"amur/registry"
	"amur/sqlstore"
	"amur/web"
)

// serve runs the HTTP server until the context ends (SIGINT or SIGTERM).
func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve", "[--addr HOST:PORT] [--db DSN] [--no-demo] [--admin-email E] [--admin-password-file F]\n"+
		"                  [--tls-cert F --tls-key F] [--trusted-proxy CIDR]...",
		"Migrates the database, loads the demo program into an empty one, creates the first\n"+
			"admin in a database without accounts (printing its generated password once), and\n"+
			"serves the web interface under /zh/, /ru/ and /en/ and the JSON API under /api/v1 until interrupted.")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dsn := m.dbFlag(fs)
	noDemo := fs.Bool("no-demo", false, "do not load the demo program into an empty database")
	adminEmail := fs.String("admin-email", "admin@localhost", "e-mail address of the first admin, created when there is no account")
	adminPw := fs.String("admin-password-file", "", "take the first admin's password from this file instead of generating one")
	tlsCert := fs.String("tls-cert", "", "serve HTTPS with this PEM certificate (chain); needs --tls-key")
	tlsKey := fs.String("tls-key", "", "PEM private key of --tls-cert")
	var proxies proxyFlag
	fs.Var(&proxies, "trusted-proxy", "network (CIDR) of a reverse proxy whose X-Forwarded-For and X-Forwarded-Proto\nheaders are believed; repeat or comma-separate for several")
	if err := m.parseNoArgs(fs, args); err != nil {
		return err
	}
	if (*tlsCert == "") != (*tlsKey == "") {
		return m.usageErr(fs, "amur serve: --tls-cert and --tls-key go together")
	}
	tlsConf, err := loadTLS(*tlsCert, *tlsKey)
	if err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	// Work in the background (the search index) stops and is waited for
	// before the database closes, so none of it outlives serve.
	bgctx, stopBackground := context.WithCancel(ctx)
	var background sync.WaitGroup
	defer func() {
		stopBackground()
		background.Wait()
	}()
	if !*noDemo {
		if err := m.loadDemoIfEmpty(ctx, db); err != nil {
			return err
		}
	}
	svc := auth.New(db, auth.Options{})
	if err := m.bootstrapAdmin(ctx, db, svc, *adminEmail, *adminPw); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	// The web adapter reaches the store only through the registry, which
	// checks every call against the principal of its request; commands
	// such as the demo loader above are the system and use db directly.
	ix := m.startSearch(bgctx, db, &background)
	cfg := web.Config{Store: registry.New(db), Auth: svc, TrustedProxies: proxies, Logger: m.Logger}
	cfg.Search = ix
	cfg.Matcher = match.New(db)
	cfg.Events = events.New(db)
	cfg.Press = db
	cfg.Fund = fund.New(db, db, fund.Options{})
	cfg.Identity = db
	site := web.New(cfg)
	site.Warm(ctx)
	srv := web.HTTPServer(ln.Addr().String(), site)
	srv.TLSConfig = tlsConf
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
	url := "http://" + ln.Addr().String()
	if srv.TLSConfig != nil {
		url = "https://" + ln.Addr().String()
		go func() { errc <- srv.ServeTLS(ln, "", "") }()
	} else {
		go func() { errc <- srv.Serve(ln) }()
	}
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
