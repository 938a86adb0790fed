module example.com/dockeropt/primes

go 1.19
