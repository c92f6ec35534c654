# Escape sequences in string literals.
print("tab:\tend")
print("line1\nline2")
print("back\\slash", 'single \' quote', "double \" quote")
print('mixed "quotes"', "it's")
print(len("a\nb"), len("\\"))
print("""triple
quoted""")
print('''also
triple''')
