# str + int is not defined either, with a different message.
label = "layer "
print(label + str(1))
print(label + 2)
