# An indented line with no block to belong to.
x = 1
    y = 2
