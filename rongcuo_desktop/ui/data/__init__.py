"""The 数据 menu: attachments, backup, restore, the integrity check, export and import of cases."""
