# A block with no indented body.
for i in range(3):
print(i)
