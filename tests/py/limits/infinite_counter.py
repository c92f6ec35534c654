# A loop that would take hours: the step budget stops it.
x = 0
while x >= 0:
    x += 1
print("never", x)
