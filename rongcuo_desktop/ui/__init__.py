"""Qt widgets and models. Gets plain data from the store; never holds ORM objects or sessions."""
