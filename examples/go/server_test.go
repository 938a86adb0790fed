package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
)

func TestPrimesUpToThirtyAreTheFirstTenPrimes(t *testing.T) {
	got := PrimesUpTo(30)
	want := []int{2, 3, 5, 7, 11, 13, 17, 19, 23, 29}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("PrimesUpTo(30) = %v, want %v", got, want)
	}
}

func TestThereAreNoPrimesBelowTwo(t *testing.T) {
	for _, limit := range []int{-5, 0, 1} {
		if got := PrimesUpTo(limit); len(got) != 0 {
			t.Errorf("PrimesUpTo(%d) = %v, want none", limit, got)
		}
	}
}

func TestThereAre1229PrimesBelowTenThousand(t *testing.T) {
	if got := len(PrimesUpTo(10_000)); got != 1229 {
		t.Fatalf("len(PrimesUpTo(10000)) = %d, want 1229", got)
	}
}

func TestHealthzAnswersOk(t *testing.T) {
	server := httptest.NewServer(newMux())
	defer server.Close()
	response, err := http.Get(server.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer response.Body.Close()
	body, _ := io.ReadAll(response.Body)
	if response.StatusCode != http.StatusOK || string(body) != "ok" {
		t.Fatalf("GET /healthz = %d %q, want 200 \"ok\"", response.StatusCode, body)
	}
}

func TestPrimesEndpointReturnsJSONAndRejectsBadLimits(t *testing.T) {
	server := httptest.NewServer(newMux())
	defer server.Close()

	response, err := http.Get(server.URL + "/api/primes?limit=10")
	if err != nil {
		t.Fatal(err)
	}
	defer response.Body.Close()
	var got primesResponse
	if err := json.NewDecoder(response.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	want := primesResponse{Limit: 10, Count: 4, Primes: []int{2, 3, 5, 7}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("GET /api/primes?limit=10 = %+v, want %+v", got, want)
	}

	for _, query := range []string{"", "?limit=abc", "?limit=-1", "?limit=99999999999"} {
		bad, err := http.Get(server.URL + "/api/primes" + query)
		if err != nil {
			t.Fatal(err)
		}
		bad.Body.Close()
		if bad.StatusCode != http.StatusBadRequest {
			t.Errorf("GET /api/primes%s = %d, want 400", query, bad.StatusCode)
		}
	}
}
