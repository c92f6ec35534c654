# A local assignment shadows a global of the same name.
x = "global"


def f():
    x = "local"
    return x


def g():
    return x


print(f(), g(), x)


def counter(n):
    count = 0
    for i in range(n):
        count += i
    return count


print(counter(5), counter(0))
