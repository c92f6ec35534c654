# async functions are outside the subset.
async def f():
    return 1


print("defined")
