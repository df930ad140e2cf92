package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"sort"
)

// openAPIFiles holds the hand-written OpenAPI 3.1 description of the JSON
// API: openapi.json is the document with the registry's collections, and
// each capability (search, fund, events, press…) describes its own routes in
// a fragment under openapi/ that holds paths, tags and components only.
//
//go:embed openapi.json openapi/*.json
var openAPIFiles embed.FS

// openAPI is the whole document, the fragments merged into the base.
var openAPI = mustMergeOpenAPI()

// mustMergeOpenAPI merges every fragment into the base document. A path,
// schema or parameter described twice is a build defect, so it panics.
func mustMergeOpenAPI() []byte {
	base, err := readOpenAPI("openapi.json")
	if err != nil {
		panic(err)
	}
	names, err := openAPIFiles.ReadDir("openapi")
	if err != nil {
		panic(err)
	}
	for _, e := range names {
		frag, err := readOpenAPI(path.Join("openapi", e.Name()))
		if err != nil {
			panic(err)
		}
		if err := mergeOpenAPI(base, frag, e.Name()); err != nil {
			panic(err)
		}
	}
	b, err := json.MarshalIndent(base, "", "  ")
	if err != nil {
		panic(err)
	}
	return b
}

// readOpenAPI decodes one embedded file.
func readOpenAPI(name string) (map[string]any, error) {
	b, err := openAPIFiles.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("web: %s: %w", name, err)
	}
	return doc, nil
}

// mergeOpenAPI adds the paths, tags and components of frag to base.
func mergeOpenAPI(base, frag map[string]any, name string) error {
	for key := range frag {
		switch key {
		case "paths", "tags", "components":
		default:
			return fmt.Errorf("web: openapi/%s: a fragment holds only paths, tags and components, not %q", name, key)
		}
	}
	if err := mergeMembers(base, frag, "paths", name); err != nil {
		return err
	}
	if fc, ok := frag["components"].(map[string]any); ok {
		bc, _ := base["components"].(map[string]any)
		if bc == nil {
			bc = map[string]any{}
			base["components"] = bc
		}
		keys := make([]string, 0, len(fc))
		for k := range fc {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := mergeMembers(bc, fc, k, name); err != nil {
				return err
			}
		}
	}
	if ft, ok := frag["tags"].([]any); ok {
		bt, _ := base["tags"].([]any)
		base["tags"] = append(bt, ft...)
	}
	return nil
}

// mergeMembers copies the members of frag[key] into base[key], refusing
// a member that base already has.
func mergeMembers(base, frag map[string]any, key, name string) error {
	fm, ok := frag[key].(map[string]any)
	if !ok {
		return nil
	}
	bm, _ := base[key].(map[string]any)
	if bm == nil {
		bm = map[string]any{}
		base[key] = bm
	}
	for k, v := range fm {
		if _, dup := bm[k]; dup {
			return fmt.Errorf("web: openapi/%s: %s %q is already described", name, key, k)
		}
		bm[k] = v
	}
	return nil
}

// handleOpenAPI answers GET /api/v1/openapi.json.
func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", jsonType)
	w.Write(openAPI)
}
