# A correct recursive function asked to go 5000 deep passes the limit of 1000.
def total(n):
    if n == 0:
        return 0
    return n + total(n - 1)


print(total(100))
print(total(5000))
