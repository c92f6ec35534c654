# Classes are outside the subset.
class Neuron:
    def __init__(self, w):
        self.w = w


print(Neuron(0.5).w)
