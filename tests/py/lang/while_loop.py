# while loops: the Collatz sequence.
n = 27
steps = 0
peak = n
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
    if n > peak:
        peak = n
print(steps, peak)
k = 0
while k < 3:
    print("k =", k)
    k += 1
