"""From start to an open store: setup, unlock, the first look at the list, recovery after damage."""
