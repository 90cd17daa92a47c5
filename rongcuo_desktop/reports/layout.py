"""Every number of the page layout, with the clause of GB/T 9704-2012 it comes from.

docs/report-format.md lists the same numbers; tests measure them on the rendered pages.
Units: millimetres where the standard gives millimetres, points (1/72 inch) for type sizes.
"""

from __future__ import annotations

MM = 72 / 25.4  # points per millimetre

# 5.1 幅面尺寸: A4, 210 mm x 297 mm.
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
# 5.2.1 页边与版心尺寸: 天头（上白边）37 mm ± 1 mm, 订口（左白边）28 mm ± 1 mm, 版心 156 mm x 225 mm.
TOP_MM = 37.0
LEFT_MM = 28.0
TYPE_WIDTH_MM = 156.0
TYPE_HEIGHT_MM = 225.0
RIGHT_MM = PAGE_WIDTH_MM - LEFT_MM - TYPE_WIDTH_MM  # 26 mm
BOTTOM_MM = PAGE_HEIGHT_MM - TOP_MM - TYPE_HEIGHT_MM  # 35 mm

# 5.2.2 字体和字号 / 5.2.3 行数和字数: 正文 3号仿宋 (16 pt), 一般每面 22 行、每行 28 个字.
# Chinese type sizes in points: 2号 22 pt, 3号 16 pt, 4号 14 pt (the 号 system, 1号 = 26 pt …).
SIZE_2HAO = 22.0
SIZE_3HAO = 16.0
SIZE_4HAO = 14.0
SIZE_XIAO4 = 12.0
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

PAGE_WIDTH = PAGE_WIDTH_MM * MM
PAGE_HEIGHT = PAGE_HEIGHT_MM * MM
TYPE_LEFT = LEFT_MM * MM
TYPE_WIDTH = TYPE_WIDTH_MM * MM
TYPE_TOP = (PAGE_HEIGHT_MM - TOP_MM) * MM  # y of the type area's top edge (PDF y grows upwards)
TYPE_BOTTOM = BOTTOM_MM * MM
# One line of the 22-line grid (225 mm / 22 = 10.23 mm) and one character cell (156 mm / 28 = 5.57 mm).
LINE_PITCH = TYPE_HEIGHT_MM * MM / LINES_PER_PAGE
CELL = TYPE_WIDTH / CHARS_PER_LINE
# The baseline sits this far below the top of its grid line: the 16 pt face centred in the 29 pt line
# (CJK faces put about 0.12 em below the baseline).
BASELINE_DROP = LINE_PITCH / 2 + SIZE_3HAO * 0.38

# 7.2.4 发文字号: 发文机关标志下空二行. 7.2.6 分隔线: 发文字号之下 4 mm, 与版心等宽, 红色.
RULE_BELOW_DOC_NO_MM = 4.0
RULE_WIDTH_MM = 0.35  # the rule's thickness (版头中的分隔红线 0.35 mm, as 版记 lines 7.4.1)
RED = (0.85, 0.0, 0.0)
# 7.3.1 标题: 红色分隔线下空二行, 2号小标宋, 居中. 7.3.2 主送机关: 标题下空一行, 居左顶格.
# 7.3.3 正文: 每个自然段左空二字, 回行顶格; 结构层次 一、(黑体) （一）(楷体) 1.(仿宋).
INDENT_CHARS = 2
# 7.3.5.2 不加盖印章: 成文日期右空四字; 署名 centred above the date. 7.3.5.1 加盖印章: the seal
# presses on 署名 and 日期 and its top is within one line of the text: keep SEAL_LINES free above.
DATE_RIGHT_CHARS = 4
SEAL_LINES = 3
# 7.3.7 附注: 居左空二字加圆括号, 编排在成文日期下一行.

# 7.5 页码: 4号半角宋体阿拉伯数字, 数字左右各放一条一字线; 一字线上距版心下边缘 7 mm;
# 单页码居右空一字, 双页码居左空一字.
PAGE_NUMBER_SIZE = SIZE_4HAO
PAGE_NUMBER_BELOW_MM = 7.0
# The em dash of the shipped faces sits this fraction of the type size above the baseline.
DASH_HEIGHT_EM = 0.33

# Not in the standard: the visible signature block, in the bottom margin under the page number
# (the standard's seal position stays free). Height 18 mm, its top 5 mm under the page number's dash.
SIGNATURE_BOTTOM_MM = 5.0
SIGNATURE_HEIGHT_MM = 18.0
SIGNATURE_WIDTH_MM = TYPE_WIDTH_MM

# Tables (五维结果): 4号 in rows of one grid line; the radar chart takes RADAR_LINES grid lines.
TABLE_SIZE = SIZE_4HAO
RADAR_LINES = 10
RADAR_LABEL_SIZE = SIZE_XIAO4


def page_number_baseline() -> float:
    """y of the page number's baseline: its dashes sit 7 mm under the type area (7.5)."""
    dash_y = TYPE_BOTTOM - PAGE_NUMBER_BELOW_MM * MM
    return dash_y - DASH_HEIGHT_EM * PAGE_NUMBER_SIZE
