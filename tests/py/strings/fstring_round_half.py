# Format rounding uses the exact binary value, ties to even.
for v in [0.125, 0.375, 2.5, 3.5, 1.005, 2.675, 0.045, 1.0005, 0.5, 1.5]:
    print(v, f"{v:.2f}", f"{v:.0f}", f"{v:.1f}")
print(f"{-0.5:.0f}", f"{-1.5:.0f}", f"{-0.001:.2f}")
