# return leaves the function from inside loops.
def first_negative(xs):
    for i in range(len(xs)):
        if xs[i] < 0:
            return i
    return -1


print(first_negative([3, 1, -4, 1, -5]))
print(first_negative([1, 2]))


def is_prime(n):
    if n < 2:
        return False
    k = 2
    while k * k <= n:
        if n % k == 0:
            return False
        k += 1
    return True


print([n for n in range(40) if is_prime(n)])
