package main

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"fmt"
	"net/netip"
	"strings"

	"amur"
	"amur/auth"
	"amur/sqlstore"
)

// bootstrapAdmin creates the first account, an admin with email, when the
// database has none, so that a fresh installation can be signed in to. The
// password comes from passwordFile or is generated and printed once to
// standard output; on later starts nothing happens and nothing is printed.
// When several nodes start on one empty database, one creates the account
// and the others find the address taken and go on.
func (m *Main) bootstrapAdmin(ctx context.Context, db *sqlstore.DB, svc *auth.Service, email, passwordFile string) error {
	users, err := db.Users(ctx)
	if err != nil || len(users) > 0 {
		return err
	}
	pw, generated := "", false
	if passwordFile != "" {
		if pw, err = m.readPasswordFile(passwordFile); err != nil {
			return err
		}
	} else {
		pw, generated = rand.Text(), true
	}
	u := &amur.User{Email: email, Name: "Administrator", Role: amur.RoleAdmin}
	err = svc.AddUser(auth.System(ctx), u, pw)
	if e := amur.AsError(err); err != nil && e.Code == amur.EConflict && e.Field == "email" {
		return nil
	}
	if err != nil {
		return err
	}
	m.Logger.Info("created the first account", "email", u.Email, "role", u.Role)
	if generated {
		fmt.Fprintf(m.Stdout, "Created the first account, %s (admin). Its password, shown only this once:\n\n    %s\n\n"+
			"Sign in at /login and change it, or set another with 'amur user passwd --email %s'.\n", u.Email, pw, u.Email)
	} else {
		fmt.Fprintf(m.Stdout, "Created the first account, %s (admin), with the password from %s.\n", u.Email, passwordFile)
	}
	return nil
}

// proxyFlag collects --trusted-proxy networks; each use may list several,
// comma-separated. A bare address stands for itself alone.
type proxyFlag []netip.Prefix

// String shows the networks, for the flag package.
func (p *proxyFlag) String() string {
	parts := make([]string, len(*p))
	for i, n := range *p {
		parts[i] = n.String()
	}
	return strings.Join(parts, ",")
}

// Set adds the networks of one --trusted-proxy.
func (p *proxyFlag) Set(v string) error {
	for part := range strings.SplitSeq(v, ",") {
		part = strings.TrimSpace(part)
		if a, err := netip.ParseAddr(part); err == nil {
			*p = append(*p, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		n, err := netip.ParsePrefix(part)
		if err != nil {
			return fmt.Errorf("%q is not a network in CIDR notation (such as 10.0.0.0/8)", part)
		}
		*p = append(*p, n.Masked())
	}
	return nil
}

// loadTLS returns the TLS configuration of --tls-cert and --tls-key, nil
// when neither is given. Loading them before listening makes a wrong path
// fail at once rather than at the first connection.
func loadTLS(certFile, keyFile string) (*tls.Config, error) {
	if certFile == "" && keyFile == "" {
		return nil, nil
	}
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, &amur.Error{Code: amur.EInvalid, Key: "err.tls", Field: "tls-cert", Err: err}
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
}
