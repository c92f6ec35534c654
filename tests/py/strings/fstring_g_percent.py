# General (g) and percent format specs.
for v in [0.0001234, 0.5, 123456789.0, 1.0, 100.0, 1e-10, 12345.678]:
    print(f"{v:g} {v:.3g} {v:.1%}")
print(f"{0.547:.1%} {1:%}")
print(f"{3:g} {1e16:g} {123456:g} {1234567:g}")
