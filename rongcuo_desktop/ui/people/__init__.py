"""The 人员 menu and the person at the keyboard: accounts, the picker, switching person, PINs, 办理记录."""
