package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"net/netip"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// selfSigned writes a certificate for 127.0.0.1 and its key to dir and
// returns their paths and a pool that trusts the certificate.
func selfSigned(t *testing.T, dir string) (string, string, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "amur test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	cert := writeFile(t, dir, "cert.pem", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})))
	keyFile := writeFile(t, dir, "key.pem", string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER})))
	parsed, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(parsed)
	return cert, keyFile, pool
}

// TestServeTLS serves over HTTPS with --tls-cert and --tls-key: the
// session cookie is Secure and answers carry HSTS.
func TestServeTLS(t *testing.T) {
	dir := t.TempDir()
	cert, key, pool := selfSigned(t, dir)
	pw := writeFile(t, dir, "pw", testPassword+"\n")
	base, _ := serveOn(t, filepath.Join(dir, "amur.db"), "--tls-cert", cert, "--tls-key", key, "--admin-password-file", pw)
	if !strings.HasPrefix(base, "https://") {
		t.Fatalf("base %s", base)
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	body, _ := json.Marshal(map[string]string{"email": "admin@localhost", "password": testPassword})
	req, _ := http.NewRequest("POST", base+"/api/v1/login", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Strict-Transport-Security") == "" {
		t.Fatalf("sign-in over TLS: %d, HSTS %q", resp.StatusCode, resp.Header.Get("Strict-Transport-Security"))
	}
	i := slices.IndexFunc(resp.Cookies(), func(c *http.Cookie) bool { return c.Name == "amur_session" })
	if i < 0 || !resp.Cookies()[i].Secure || !resp.Cookies()[i].HttpOnly {
		t.Errorf("session cookie over TLS: %v", resp.Cookies())
	}
	if code, _, errs := run(t, nil, "serve", "--tls-cert", filepath.Join(dir, "none.pem"), "--tls-key", key, "--db", filepath.Join(dir, "x.db")); code != exitFailure || !strings.Contains(errs, "TLS") {
		t.Errorf("a missing certificate: exit %d, %q", code, errs)
	}
}

func TestProxyFlag(t *testing.T) {
	var p proxyFlag
	for _, v := range []string{"10.0.0.0/8, 192.0.2.7", "fd00::/8", "172.16.5.4/12"} {
		if err := p.Set(v); err != nil {
			t.Fatalf("Set(%q): %v", v, err)
		}
	}
	want := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.7/32"),
		netip.MustParsePrefix("fd00::/8"), netip.MustParsePrefix("172.16.0.0/12")}
	if !slices.Equal(p, want) {
		t.Errorf("networks %v, want %v", p, want)
	}
	for _, bad := range []string{"10.0.0.0/33", "proxy.example", ""} {
		if err := p.Set(bad); err == nil {
			t.Errorf("Set(%q) succeeded", bad)
		}
	}
}
