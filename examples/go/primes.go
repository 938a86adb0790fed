package main

// PrimesUpTo returns every prime p with 2 <= p <= limit (sieve of Eratosthenes).
func PrimesUpTo(limit int) []int {
	if limit < 2 {
		return []int{}
	}
	composite := make([]bool, limit+1)
	primes := make([]int, 0, limit/2)
	for n := 2; n <= limit; n++ {
		if composite[n] {
			continue
		}
		primes = append(primes, n)
		for multiple := n * n; multiple <= limit; multiple += n {
			composite[multiple] = true
		}
	}
	return primes
}
