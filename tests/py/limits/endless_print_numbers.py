# Counting upwards on the screen forever.
i = 0
while True:
    print(i)
    i += 1
