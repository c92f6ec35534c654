# try/finally is outside the subset.
try:
    print("body")
finally:
    print("cleanup")
