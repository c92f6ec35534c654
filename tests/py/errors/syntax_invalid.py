# Two operators in a row.
print("start")
x = 1 +* 2
