// Command loadserve serves the Amur API as "amur serve" does (the store
// behind the registry's permission checks), except that every request is
// taken as an administrator's. It stands in for sign-in when measuring
// writes with "load -workload mix" before API tokens reach the server; it
// listens on loopback only and is never a way to run Amur.
//
//	go run ./internal/loadtest/cmd/loadserve -db load.db -addr 127.0.0.1:18091
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"

	"amur"
	"amur/internal/loadtest"
	"amur/registry"
	"amur/sqlstore"
	"amur/web"
)

func main() {
	dsn := flag.String("db", "amur.db", "database: a SQLite file or a postgres:// URL")
	addr := flag.String("addr", "127.0.0.1:18091", "loopback address to listen on")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := serve(ctx, *dsn, *addr); err != nil {
		fmt.Fprintln(os.Stderr, "loadserve:", err)
		os.Exit(1)
	}
}

// serve runs the server until ctx ends.
func serve(ctx context.Context, dsn, addr string) error {
	if err := loadtest.CheckLoopback("http://" + addr); err != nil {
		return err
	}
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	// Access logs go to stderr as under "amur serve", so their cost counts.
	h := web.New(web.Config{Store: registry.New(db), Logger: slog.New(slog.NewTextHandler(os.Stderr, nil))})
	srv := web.HTTPServer(addr, asAdmin(h))
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	fmt.Fprintf(os.Stdout, "serving on http://%s\n", ln.Addr())
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}

// asAdmin marks every request as made by an administrator, as the sign-in
// middleware would for an administrator's token.
func asAdmin(next http.Handler) http.Handler {
	admin := &amur.Principal{UserID: "loadtest", Email: "loadtest@localhost", Role: amur.RoleAdmin}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := amur.WithActor(r.Context(), &amur.Actor{Principal: admin, Addr: r.RemoteAddr, Via: "api"})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
