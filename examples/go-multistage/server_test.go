package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestShortenThenRedirect(t *testing.T) {
	mux := newMux(newStore())
	post := httptest.NewRecorder()
	mux.ServeHTTP(post, httptest.NewRequest(http.MethodPost, "/api/links", strings.NewReader(`{"url":"https://go.dev/"}`)))
	if post.Code != http.StatusCreated {
		t.Fatalf("POST answered %d: %s", post.Code, post.Body)
	}
	code := strings.Split(strings.Split(post.Body.String(), `"code":"`)[1], `"`)[0]
	get := httptest.NewRecorder()
	mux.ServeHTTP(get, httptest.NewRequest(http.MethodGet, "/"+code, nil))
	if get.Code != http.StatusFound || get.Header().Get("Location") != "https://go.dev/" {
		t.Fatalf("GET /%s answered %d to %q", code, get.Code, get.Header().Get("Location"))
	}
}

func TestRejectsWhatIsNotAnHTTPURL(t *testing.T) {
	rec := httptest.NewRecorder()
	newMux(newStore()).ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/links", strings.NewReader(`{"url":"ftp://x"}`)))
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("answered %d, want 400", rec.Code)
	}
}
