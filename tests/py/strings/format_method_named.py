# str.format with keyword fields and format specs.
print("{name} is {age} years".format(name="Ada", age=36))
print("{x:.3f} and {y:>6}".format(x=2.0 / 3, y="r"))
print("{0:.2f} {1:+.1f} {0:.0f}".format(2.5, 3.25))
print("{:>8.3f}|{:<6d}|{:^7}".format(3.14159, 42, "mid"))
print("{:.1%} {:g} {:.3g}".format(0.547, 1e-5, 1234.5))
row = "{:>6.3f} {:>6.3f}"
for a, b in [(1.0, -0.5), (0.25, 10.125)]:
    print(row.format(a, b))
