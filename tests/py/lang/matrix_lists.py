# A matrix product in plain Python with nested comprehensions.
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
C = [[sum([A[i][k] * B[k][j] for k in range(3)]) for j in range(2)] for i in range(2)]
print(C)
T = [[row[j] for row in A] for j in range(len(A[0]))]
print(T)
identity = [[1.0 if i == j else 0.0 for j in range(3)] for i in range(3)]
print(identity)
for row in identity:
    print(" ".join([f"{v:4.1f}" for v in row]))
