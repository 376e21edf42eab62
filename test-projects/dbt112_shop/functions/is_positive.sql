select amount > 0
