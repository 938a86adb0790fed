package main

import (
	"crypto/sha256"
	"encoding/base64"
	"sync"
)

// store maps short codes to URLs. A code is the first 8 characters of the URL's SHA-256 in
// URL-safe base64, so the same URL always gets the same code.
type store struct {
	mu    sync.RWMutex
	links map[string]string
}

func newStore() *store { return &store{links: map[string]string{}} }

func (s *store) shorten(url string) string {
	sum := sha256.Sum256([]byte(url))
	code := base64.RawURLEncoding.EncodeToString(sum[:])[:8]
	s.mu.Lock()
	s.links[code] = url
	s.mu.Unlock()
	return code
}

func (s *store) lookup(code string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	url, ok := s.links[code]
	return url, ok
}
