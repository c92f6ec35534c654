# round to an int rounds half to even.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.4999, 2.5001, -2.7]:
    print(v, round(v))
print(round(7), round(-7), round(True))
print(round(1e20), round(123.456))
