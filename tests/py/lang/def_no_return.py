# A function without return gives None.
def say(x):
    print("saying", x)


r = say(1)
print(r)
print(say(2) is None)


def maybe(x):
    if x > 0:
        return "positive"


print(maybe(1), maybe(-1))
