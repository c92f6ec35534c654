# The math module's common functions and constants. Transcendental results
# are printed rounded: the interpreter may differ from libm in the last bit.
import math

print(math.pi, math.e)
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(math.floor(5), math.ceil(5.0))
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25))
print(math.exp(0), f"{math.exp(1):.12f}", f"{math.exp(-1):.12f}")
print(math.log(1), f"{math.log(math.e):.12f}", f"{math.log(10):.12f}")
print(round(math.log(8, 2), 9), round(math.log(100, 10), 9))
