# Only numpy and math can be imported.
import os

print(os.getcwd())
