package main

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// maxLimit keeps one request from allocating an unbounded sieve.
const maxLimit = 10_000_000

type primesResponse struct {
	Limit  int   `json:"limit"`
	Count  int   `json:"count"`
	Primes []int `json:"primes"`
}

func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok"))
	})
	// GET /api/primes?limit=30 -> {"limit":30,"count":10,"primes":[2,3,5,...,29]}
	mux.HandleFunc("/api/primes", func(w http.ResponseWriter, r *http.Request) {
		limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
		if err != nil || limit < 0 || limit > maxLimit {
			writeJSON(w, http.StatusBadRequest, map[string]string{
				"error": "query parameter 'limit' must be an integer between 0 and " + strconv.Itoa(maxLimit),
			})
			return
		}
		primes := PrimesUpTo(limit)
		writeJSON(w, http.StatusOK, primesResponse{Limit: limit, Count: len(primes), Primes: primes})
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, payload any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(payload)
}
