package auth

import (
	"regexp"
	"strings"
	"testing"

	"amur"
)

// phcRE is the PHC string form of an argon2id hash with DefaultParams.
var phcRE = regexp.MustCompile(`^\$argon2id\$v=19\$m=47104,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)

func TestHashPassword(t *testing.T) {
	h1 := HashPassword("correct horse battery", DefaultParams)
	h2 := HashPassword("correct horse battery", DefaultParams)
	if !phcRE.MatchString(h1) {
		t.Fatalf("hash %q is not a PHC argon2id string with the default parameters", h1)
	}
	if h1 == h2 {
		t.Error("two hashes of one password are equal; the salt is not random")
	}
	for pw, want := range map[string]bool{"correct horse battery": true, "correct horse batterY": false, "": false} {
		if ok, err := VerifyPassword(h1, pw); err != nil || ok != want {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
	p, _, _, err := parsePHC(h1)
	if err != nil || p != DefaultParams {
		t.Errorf("parsed parameters %+v, %v; want %+v", p, err, DefaultParams)
	}
}

func TestVerifyMalformedHash(t *testing.T) {
	good := HashPassword("correct horse battery", testParams)
	parts := strings.Split(good, "$")
	with := func(i int, v string) string {
		p := append([]string(nil), parts...)
		p[i] = v
		return strings.Join(p, "$")
	}
	for name, h := range map[string]string{
		"empty":          "",
		"bcrypt":         "$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
		"argon2i":        with(1, "argon2i"),
		"version 16":     with(2, "v=16"),
		"huge memory":    with(3, "m=4194304,t=1,p=1"),
		"many passes":    with(3, "m=1024,t=1000,p=1"),
		"zero threads":   with(3, "m=1024,t=1,p=0"),
		"bad salt":       with(4, "!!!"),
		"short key":      with(5, "AAAA"),
		"padded key":     with(5, parts[5]+"=="),
		"missing fields": strings.Join(parts[:5], "$"),
	} {
		if ok, err := VerifyPassword(h, "correct horse battery"); ok || err == nil {
			t.Errorf("%s: VerifyPassword = %v, %v; want an error", name, ok, err)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		password, email, key string
	}{
		{"twelve chars", "a@example.org", ""},
		{"пароль-длинный", "a@example.org", ""},
		{"密码密码密码密码密码密码", "a@example.org", ""},
		{"eleven char", "a@example.org", "err.password_short"},
		{"密码密码密码密码密码密", "a@example.org", "err.password_short"},
		{strings.Repeat("x", MaxPasswordBytes), "a@example.org", ""},
		{strings.Repeat("x", MaxPasswordBytes+1), "a@example.org", "err.password_long"},
		{"Long.Name@Example.org", "long.name@example.org", "err.password_email"},
		{"bad utf-8 \xff\xfe here", "a@example.org", "err.utf8"},
	}
	for _, tt := range tests {
		err := CheckPassword("new", tt.password, tt.email)
		if tt.key == "" {
			if err != nil {
				t.Errorf("CheckPassword(%q) = %v, want nil", tt.password, err)
			}
			continue
		}
		e := amur.AsError(err)
		if err == nil || e.Code != amur.EInvalid || e.Key != tt.key || e.Field != "new" {
			t.Errorf("CheckPassword(%q) = %v, want EInvalid %s on field new", tt.password, err, tt.key)
		}
	}
}

func TestSecrets(t *testing.T) {
	s := newSecret()
	if len(s) != 43 || !wellFormed(s) || wellFormedToken(s) || !wellFormedToken(TokenPrefix+s) {
		t.Fatalf("secret %q: well-formed %v, as a token %v", s, wellFormed(s), wellFormedToken(s))
	}
	if newSecret() == s {
		t.Error("two secrets are equal")
	}
	for _, bad := range []string{"", s[:42], s + "A", strings.ReplaceAll(s, s[:1], "+"), "amur_" + s[:42], "AMUR_" + s} {
		if wellFormed(bad) && bad != s || wellFormedToken(bad) {
			t.Errorf("%q is taken for a secret", bad)
		}
	}
	if h := hashSecret("abc"); h != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("hashSecret = %s, want the hex SHA-256", h)
	}
}
