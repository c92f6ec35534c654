# Sign options in format specs.
for v in [2.5, -2.5, 0.0, -0.0, 0.004, -0.004]:
    print(f"{v:+.2f} {v:.2f} {v: .2f} {v:-.2f}")
for k in [7, -7, 0]:
    print(f"{k:+d} {k: d} {k:+5d}")
