# Euclid's algorithm with a while loop and tuple assignment.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(2 ** 40, 6 ** 20))


def lcm(a, b):
    return a // gcd(a, b) * b


print(lcm(4, 6), lcm(21, 6))
