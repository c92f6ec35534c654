# There is no file system: open is not a builtin here.
f = open("/etc/passwd")
print(f.read())
