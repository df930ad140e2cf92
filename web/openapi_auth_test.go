package web

import (
	"maps"
	"reflect"
	"slices"
	"testing"
)

// TestOpenAPIAuthSchemas checks that the schemas of the accounts API
// document exactly the JSON members of the Go types they describe.
func TestOpenAPIAuthSchemas(t *testing.T) {
	doc := loadOpenAPI(t)
	types := map[string]any{
		"User": sessionInfo{}.User, "Session": sessionInfo{}, "LoginRequest": loginBody{}, "PasswordChange": passwordBody{},
		"PasswordReset": resetBody{}, "TokenRequest": tokenRequest{}, "Token": tokenInfo{}, "NewToken": newToken{}, "TokenList": tokenList{},
	}
	for name, v := range types {
		schema, ok := doc.Components.Schemas[name]
		if !ok {
			t.Errorf("no schema %s", name)
			continue
		}
		typ := reflect.TypeOf(v)
		if typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		want := slices.Sorted(maps.Keys(membersOf(typ)))
		got := slices.Sorted(maps.Keys(schema.Properties))
		if !slices.Equal(got, want) {
			t.Errorf("schema %s has %v, the type has %v", name, got, want)
		}
	}
}
