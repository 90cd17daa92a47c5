"""The case register: the lazy list model, the list with its search and stage filter, the detail pane."""
