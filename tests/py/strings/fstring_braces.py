# Doubled braces are literal braces.
x = 5
print(f"{{x}}")
print(f"{{{x}}}")
print(f"{{ {x} }}")
print("{{}}".format())
print("{{{}}}".format(x))
