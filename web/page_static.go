package web

import (
	"embed"
	"net/http"
	"path"
)

// staticFS holds the assets pages load: the style sheet and htmx
// (htmx.org 2.0.11 from npm, Zero-Clause BSD; its licence sits beside it).
//
//go:embed static/*
var staticFS embed.FS

// staticTypes are the media types of the asset files by extension.
var staticTypes = map[string]string{
	".css": "text/css; charset=utf-8",
	".js":  "text/javascript; charset=utf-8",
	".txt": "text/plain; charset=utf-8",
}

// handleStatic answers GET /static/{file} from the embedded assets. They
// change only with the binary, so browsers may keep them for a day.
func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	b, err := staticFS.ReadFile("static/" + name)
	typ, known := staticTypes[path.Ext(name)]
	if err != nil || !known {
		s.pageNotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Write(b)
}
