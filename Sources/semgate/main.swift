print("semgate")
