# Assigning to a literal.
x = 2
if x == 2:
    1 = x
