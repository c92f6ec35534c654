# Ordering comparison between str and int.
print(sorted([3, 1, 2]))
print("10" < 9)
