# Moderately deep nesting of brackets and blocks parses fine.
x = ((((((((((((((((((((1 + 2))))))))))))))))))))
print(x)
y = [[[[[[[[[[0]]]]]]]]]]
print(y)
for a in range(2):
    for b in range(2):
        if a == b:
            if a == 0:
                while True:
                    print("deep", a, b)
                    break
