# math has no relu.
import math

print(math.floor(1.5))
print(math.relu(1.5))
