# The sieve of Eratosthenes with a list of bools.
n = 60
is_p = [True] * (n + 1)
is_p[0] = False
is_p[1] = False
for i in range(2, n + 1):
    if is_p[i]:
        for j in range(i * i, n + 1, i):
            is_p[j] = False
primes = [i for i in range(n + 1) if is_p[i]]
print(primes)
print(len(primes), sum(primes))
