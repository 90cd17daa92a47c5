"""Auto-lock and Ctrl+L: hide the window's content, close the store, unlock with a checked secret."""
