# Fixed-point and exponent format specs.
for v in [0.0, 1.0, -1.0, 3.14159265, 2.5, 1234.5678, 1e-7, 1e20]:
    print(f"{v:.3f}|{v:.0f}|{v:.1f}|{v:f}|{v:.2e}|{v:e}")
print(f"{1 / 3:.10f}")
print(f"{2 / 3:.17f}")
print(f"{100:.2f}", f"{-7:.1f}")
