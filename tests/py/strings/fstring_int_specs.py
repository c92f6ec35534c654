# Integer format specs: width, zero padding, signs.
for k in [0, 7, -7, 123, 123456]:
    print(f"[{k:d}] [{k:5d}] [{k:05d}] [{k:<5d}] [{k:^5d}]")
print(f"{2 ** 70:d}")
print(f"{12:.2f}")
print(f"{7:e}")
