# A missing colon after if.
x = 1
print("this line never runs: the file does not compile")
if x > 0
    print("positive")
