package web

// pageRoutes lists the HTML pages. For now they are the ones around
// signing in; the web interface of the registry comes later.
func (s *Server) pageRoutes() []route {
	return []route{
		{"GET /login", s.pageLogin},
		{"POST /login", s.pageLoginPost},
		{"POST /logout", s.pageLogout},
		{"GET /password/reset", s.pageReset},
		{"POST /password/reset", s.pageResetPost},
	}
}
