# Further math functions teaching code uses (transcendentals printed rounded).
import math

print(f"{math.tanh(0.5):.10f}", math.tanh(0.0), f"{math.tanh(-1.0):.10f}")
print(math.sin(0.0), math.cos(0.0), math.fabs(-2.5))
print(math.inf, -math.inf, math.isclose(0.1 + 0.2, 0.3))
print(math.floor(-0.5), math.ceil(-0.5), math.sqrt(1e-300))
print(math.floor(math.pi * 100) / 100, round(math.e ** 2, 6))
print(round(math.exp(2) * math.exp(-2), 12), round(math.log(math.exp(3)), 12))
