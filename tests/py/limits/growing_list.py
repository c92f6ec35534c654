# A list that doubles until the heap limit stops it.
xs = [1.5]
while True:
    xs = xs + xs
