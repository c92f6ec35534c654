# The activation functions side by side.
import numpy as np

z = np.linspace(-3, 3, 7)
acts = {
    "step": lambda v: (v > 0).astype(float),
    "sigmoid": lambda v: 1 / (1 + np.exp(-v)),
    "tanh": np.tanh,
    "relu": lambda v: np.maximum(0, v),
    "leaky_relu": lambda v: np.where(v > 0, v, 0.01 * v),
    "identity": lambda v: v,
}
print("z:", z)
for name, f in acts.items():
    print(f"{name:>10}:", np.round(f(z), 3))
