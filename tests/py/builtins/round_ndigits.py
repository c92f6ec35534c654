# round with digits works on the exact binary value.
print(round(2.675, 2), round(0.125, 2), round(0.375, 2))
print(round(1.005, 2), round(0.285, 2), round(3.14159, 3))
print(round(2.5, 0), round(-2.5, 0), round(0.5, 0))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(17, 1), round(0.1 + 0.2, 10), round(1 / 3, 5))
print(round(5e-324, 2), round(-0.004, 2))
