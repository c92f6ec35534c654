# if/elif/else chains.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"


for s in [95, 85, 75, 50, 90, 80]:
    print(s, grade(s))
x = -3
if x > 0:
    print("positive")
elif x == 0:
    print("zero")
else:
    print("negative")
if x:
    print("truthy")
