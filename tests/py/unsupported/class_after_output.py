# A class further down is rejected too, even after valid statements.
print("this would print in CPython")
x = 1


class Layer:
    pass
