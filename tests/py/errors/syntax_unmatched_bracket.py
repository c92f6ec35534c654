# A closing bracket that does not match.
xs = [1, 2, 3)
