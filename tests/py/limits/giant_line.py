# One line of 2 MB exceeds the 1 MB output limit.
print("x" * 2000000)
