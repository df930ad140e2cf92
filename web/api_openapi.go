package web

import (
	_ "embed"
	"net/http"
)

// openAPI is the hand-written OpenAPI 3.1 description of the JSON API.
//
//go:embed openapi.json
var openAPI []byte

// handleOpenAPI answers GET /api/v1/openapi.json.
func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", jsonType)
	w.Write(openAPI)
}
