"""The 报告 menu: sealed documents of decided cases (preview, save, 备案包, batch), 验证文件… and the
committee's signing identity. Only ui/reports/actions.py is imported with the window; the rest (and
with it reportlab and pyHanko) when an action is first used."""
