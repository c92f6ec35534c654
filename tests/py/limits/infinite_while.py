# An endless loop is stopped by the step budget.
print("starting")
while True:
    pass
