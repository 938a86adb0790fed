// Command shorturl is a small link shortener: POST a URL, GET it back by its code.
// Standard library only; it keeps its links in memory.
package main

import (
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	addr := ":" + envOr("PORT", "8080")
	server := &http.Server{
		Addr:              addr,
		Handler:           newMux(newStore()),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("shorturl listening on %s", addr)
	log.Fatal(server.ListenAndServe())
}

func envOr(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}
