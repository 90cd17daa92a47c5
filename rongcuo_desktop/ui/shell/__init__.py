"""The main window's frame: the window, its menus and toolbar, the context features get, its state."""
