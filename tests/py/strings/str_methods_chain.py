# Chaining string methods on a parsed line.
line = "  W1: 0.2, 0.8, -0.5  "
label, rest = line.strip().split(":")
print(label.lower())
values = [float(v.strip()) for v in rest.split(",")]
print(values, sum(values))
print(line.strip().replace(" ", "").upper())
csv = ",".join([str(v) for v in values])
print(csv, csv.split(",")[1])
