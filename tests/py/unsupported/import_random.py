# Python's random module is not available (use np.random).
import random

print(random.random())
