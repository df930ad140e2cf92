package web

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"amur"
)

// openAPIDoc is the part of the OpenAPI document the tests read.
type openAPIDoc struct {
	OpenAPI    string                                `json:"openapi"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas    map[string]openAPISchema    `json:"schemas"`
		Parameters map[string]openAPIParameter `json:"parameters"`
	} `json:"components"`
}

type openAPISchema struct {
	Properties map[string]json.RawMessage `json:"properties"`
}

type openAPIParameter struct {
	Ref  string `json:"$ref"`
	Name string `json:"name"`
	In   string `json:"in"`
}

type openAPIOperation struct {
	Parameters []openAPIParameter `json:"parameters"`
}

func loadOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi = %q, want 3.1.0", doc.OpenAPI)
	}
	return doc
}

func TestOpenAPICoversRoutes(t *testing.T) {
	srv, _ := newTestServer(t)
	doc := loadOpenAPI(t)
	documented := map[string]bool{}
	for path, item := range doc.Paths {
		for method := range item {
			if method != "parameters" {
				documented[strings.ToUpper(method)+" "+path] = true
			}
		}
	}
	registered := map[string]bool{}
	for _, rt := range srv.routes {
		registered[rt.pattern] = true
		if !documented[rt.pattern] {
			t.Errorf("route %s is not in openapi.json", rt.pattern)
		}
	}
	for op := range documented {
		if !registered[op] {
			t.Errorf("openapi.json describes %s, which is not a route", op)
		}
	}
}

// TestOpenAPIQueryParameters checks each list's documented parameters
// against the names the endpoint itself lists when it refuses an unknown one.
func TestOpenAPIQueryParameters(t *testing.T) {
	srv, _ := newTestServer(t)
	doc := loadOpenAPI(t)
	for path, item := range doc.Paths {
		raw, ok := item["get"]
		if !ok || strings.Contains(path, "{") || path == "/healthz" || path == "/api/v1/openapi.json" {
			continue
		}
		var op openAPIOperation
		if err := json.Unmarshal(raw, &op); err != nil {
			t.Fatal(err)
		}
		var documented []string
		for _, p := range op.Parameters {
			if p.Ref != "" {
				p = doc.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
			}
			if p.In == "query" {
				documented = append(documented, p.Name)
			}
		}
		slices.Sort(documented)
		e := do(t, srv, "GET", path+"?zzz=1", "").want(t, http.StatusBadRequest).apiError(t)
		_, list, _ := strings.Cut(e.Message, "allowed: ")
		if accepted := strings.Split(list, ", "); !slices.Equal(accepted, documented) {
			t.Errorf("GET %s accepts %v, openapi.json documents %v", path, accepted, documented)
		}
	}
}

func TestOpenAPIRefsResolve(t *testing.T) {
	doc := loadOpenAPI(t)
	var all map[string]any
	if err := json.Unmarshal(openAPI, &all); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok {
				parts := strings.Split(strings.TrimPrefix(ref, "#/"), "/")
				var node any = all
				for _, p := range parts {
					m, _ := node.(map[string]any)
					node = m[p]
				}
				if node == nil {
					t.Errorf("$ref %s does not resolve", ref)
				}
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(all)
	if len(doc.Components.Schemas) < 20 {
		t.Errorf("only %d schemas", len(doc.Components.Schemas))
	}
}

// TestOpenAPISchemasMatchTypes checks that each schema documents exactly
// the JSON members of the Go type it describes.
func TestOpenAPISchemasMatchTypes(t *testing.T) {
	doc := loadOpenAPI(t)
	types := map[string]any{
		"Program": amur.Program{}, "Goal": amur.Goal{}, "Activity": amur.Activity{},
		"Participant": amur.Participant{}, "Outcome": amur.Outcome{}, "Organization": amur.Organization{},
		"Person": amur.Person{}, "PersonName": amur.PersonName{}, "Affiliation": amur.Affiliation{},
		"Contact": amur.Contact{}, "Field": amur.Field{}, "Flagship": amur.Flagship{},
		"TimelineEntry": amur.TimelineEntry{}, "Source": amur.Source{}, "Text": amur.Text{},
		"Provenance": amur.Provenance{}, "Stats": amur.Stats{}, "Error": errorBody{}, "Health": health{},
		"ActivityList": listBody[*amur.Activity]{}, "AuditList": listBody[auditEntry]{},
		"AuditEntry": auditEntry{}, "AuditChange": amur.AuditChange{},
	}
	for name, v := range types {
		schema, ok := doc.Components.Schemas[name]
		if !ok {
			t.Errorf("no schema %s", name)
			continue
		}
		want := slices.Sorted(maps.Keys(membersOf(reflect.TypeOf(v))))
		got := slices.Sorted(maps.Keys(schema.Properties))
		if !slices.Equal(got, want) {
			t.Errorf("schema %s has %v, the type has %v", name, got, want)
		}
	}
	detail := slices.Sorted(maps.Keys(membersOf(reflect.TypeFor[errorDetail]())))
	var errSchema struct {
		Properties struct {
			Error openAPISchema `json:"error"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(mustSchemaJSON(t, "Error"), &errSchema); err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(errSchema.Properties.Error.Properties)); !slices.Equal(got, detail) {
		t.Errorf("schema Error.error has %v, errorDetail has %v", got, detail)
	}
}

// mustSchemaJSON returns the raw JSON of one component schema.
func mustSchemaJSON(t *testing.T, name string) []byte {
	t.Helper()
	var doc struct {
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Components.Schemas[name]
}

func TestOpenAPIServed(t *testing.T) {
	srv, _ := newTestServer(t)
	r := do(t, srv, "GET", "/api/v1/openapi.json", "").want(t, http.StatusOK)
	if !bytes.Equal(r.Body, openAPI) || r.Header.Get("Content-Type") != jsonType {
		t.Errorf("served document differs from the embedded one (Content-Type %q)", r.Header.Get("Content-Type"))
	}
}
