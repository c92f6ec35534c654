# math.log(0) is a domain error, not -inf.
import math

print(math.log(1))
print(math.log(0))
