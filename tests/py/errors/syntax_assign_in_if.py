# = where == was meant.
x = 2
if x = 2:
    print("two")
