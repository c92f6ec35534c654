# A list of 10**9 items would need gigabytes.
xs = [0] * (10 ** 9)
print(len(xs))
