# Printing forever is stopped by the output limit.
while True:
    print("spam")
