"""The statistics view (视图 → 案件统计…): its window, chart, table and named operations."""
