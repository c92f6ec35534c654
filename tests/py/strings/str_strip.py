# strip removes whitespace or the given characters from both ends.
print("[" + "  padded  ".strip() + "]")
print("[" + "\t\n x \n".strip() + "]")
print("xxhixx".strip("x"))
print("--==ab==--".strip("-="))
print("[" + "".strip() + "]")
print("[" + "no change".strip() + "]")
