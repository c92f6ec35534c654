# upper and lower.
s = "NeuronLab 2024, ReLU & Sigmoid"
print(s.upper())
print(s.lower())
print("abc".upper().lower())
print("MiXeD".lower() == "mixed")
