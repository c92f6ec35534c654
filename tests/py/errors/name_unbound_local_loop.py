# A counter used before it is set inside the function.
def count_positive(xs):
    for x in xs:
        if x > 0:
            n += 1
    return n


print("counting")
print(count_positive([1, -2, 3]))
