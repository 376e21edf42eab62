amount > 0
