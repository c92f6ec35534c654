# for over range with one, two and three arguments.
for i in range(4):
    print(i, end=" ")
print()
for i in range(2, 6):
    print(i, end=" ")
print()
for i in range(1, 20, 4):
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(5, 5):
    print("never")
total = 0
for i in range(101):
    total += i
print(total)
