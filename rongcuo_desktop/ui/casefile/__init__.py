"""The case window, the 工作台 and the typical-case library (issue 12)."""
