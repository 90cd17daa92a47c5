"""The audience window's slides, made from a HearingView (the projector-safe view) and nothing else.

Each section becomes one or more slides that fit the window: text is laid out in paragraphs and cut
into pages by measuring it at the window's own type size (so nothing is clipped at 1024x768 or
1920x1080, and the clicker's Right/PageDown steps through the pages). The sizes scale with the
window: body text 28 px at 1024x768.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QTextLayout
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from rongcuo_desktop.domain.hearing import HearingView, PublicLine, Section
from rongcuo_desktop.ui.judgment.radar_chart import RadarChart

BASE_WIDTH, BASE_HEIGHT = 1024, 768


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes of the projector type at one window size (the projector.qss tokens)."""

    scale: float
    body: int
    small: int
    head: int
    title: int
    huge: int
    rule: int
    margin: int

    @classmethod
    def of(cls, width: int, height: int) -> Sizes:
        scale = max(1.0, min(width / BASE_WIDTH, height / BASE_HEIGHT))
        return cls(
            scale=scale,
            body=round(28 * scale),
            small=round(22 * scale),
            head=round(38 * scale),
            title=round(28 * scale),
            huge=round(150 * scale),
            rule=max(2, round(3 * scale)),
            margin=round(28 * scale),
        )

    def tokens(self) -> dict[str, int]:
        return {
            "@BODY@": self.body,
            "@SMALL@": self.small,
            "@HEAD@": self.head,
            "@TITLE@": self.title,
            "@HUGE@": self.huge,
            "@RULE@": self.rule,
        }


@dataclass(frozen=True)
class Paragraph:
    text: str
    strong: bool = False  # a heading line inside a section (容错条件, a dimension's name)
    indent: bool = False
    name: str = ""  # a field's name, bold in a column of its own (案件概要)
    verdict: bool = False  # the recommendation or the conclusion: framed, in the heading size


NAME_COLUMN_CHARS = 7  # the widest field name of the summary (申请的容错情形)


@dataclass
class Slide:
    section: Section
    widget: QWidget
    title: str  # the section title as shown above the slide
    counter: QLabel | None = None  # the ballot count (updated in place as ballots arrive)
    caption: QLabel | None = None


def ballots_caption(view: HearingView) -> str:
    return (
        QCoreApplication.translate("HearingSlides", "第 %1 轮：已提交评分 %2 份，应评 %3 人")
        .replace("%1", str(view.round_number))
        .replace("%2", str(view.submitted))
        .replace("%3", str(view.expected))
    )


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def _inner_width(paragraph: Paragraph, width: int, sizes: Sizes) -> int:
    if paragraph.indent:
        return width - 2 * sizes.body
    if paragraph.name:
        return width - name_column(sizes) - round(sizes.body * 0.5)
    if paragraph.verdict:
        return width - 2 * (sizes.rule + 16)  # projector.qss: QLabel#verdict's border and padding
    return width


def name_column(sizes: Sizes) -> int:
    return QFontMetrics(_font(sizes.body, True)).horizontalAdvance("国" * NAME_COLUMN_CHARS + "：")


def _paragraph_font(paragraph: Paragraph, sizes: Sizes) -> QFont:
    return _font(sizes.head if paragraph.verdict else sizes.body, paragraph.strong or paragraph.verdict)


def wrapped(text: str, font: QFont, width: int) -> str:
    """`text` broken into lines that fit `width` at `font` (Unicode line breaking: never a comma at
    the start of a line). Labels get their lines ready-made: a word-wrapping label measures its text
    again every time its slide is shown, which made switching sections slow."""
    lines: list[str] = []
    for part in text.split("\n"):
        layout = QTextLayout(part, font)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            lines.append(part[line.textStart() : line.textStart() + line.textLength()].rstrip())
        layout.endLayout()
        if not part:
            lines.append("")
    return "\n".join(lines)


def _lines_of(paragraph: Paragraph, width: int, sizes: Sizes) -> str:
    return wrapped(paragraph.text, _paragraph_font(paragraph, sizes), _inner_width(paragraph, width, sizes))


def _height(paragraph: Paragraph, width: int, sizes: Sizes) -> int:
    metrics = QFontMetrics(_paragraph_font(paragraph, sizes))
    box = metrics.boundingRect(QRect(0, 0, 1_000_000, 1_000_000), 0, _lines_of(paragraph, width, sizes))
    frame = 2 * (sizes.rule + 8) if paragraph.verdict else 0
    return box.height() + frame + round(sizes.body * 0.45)  # and the layout's spacing after it


def _split_long(paragraph: Paragraph, width: int, height: int, sizes: Sizes) -> list[Paragraph]:
    """A paragraph taller than a page, cut at sentence ends (or anywhere, as a last resort)."""
    if _height(paragraph, width, sizes) <= height:
        return [paragraph]
    pieces: list[Paragraph] = []
    rest = paragraph.text
    while rest:
        low, high = 1, len(rest)
        while low < high:  # the longest prefix that fits
            mid = (low + high + 1) // 2
            if _height(dataclasses.replace(paragraph, text=rest[:mid]), width, sizes) <= height:
                low = mid
            else:
                high = mid - 1
        cut = low
        for mark in "。；！？，":
            at = rest.rfind(mark, 0, low)
            if at >= low // 2:
                cut = at + 1
                break
        pieces.append(dataclasses.replace(paragraph, text=rest[:cut]))
        rest = rest[cut:]
        paragraph = dataclasses.replace(paragraph, name="")  # the field's name once, on its first page
    return pieces


def paginate(paragraphs: list[Paragraph], width: int, height: int, sizes: Sizes) -> list[list[Paragraph]]:
    """Paragraphs in pages of at most `height` pixels at `width`; a heading never ends a page."""
    pages: list[list[Paragraph]] = [[]]
    used = 0
    for whole in paragraphs:
        for paragraph in _split_long(whole, width, height, sizes):
            need = _height(paragraph, width, sizes)
            if pages[-1] and used + need > height:
                carried = [pages[-1].pop()] if pages[-1] and pages[-1][-1].strong else []
                pages.append(carried)
                used = sum(_height(p, width, sizes) for p in carried)
            pages[-1].append(paragraph)
            used += need
    return [page for page in pages if page] or [[]]


def _label(text: str, name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def paragraph_slide(page: list[Paragraph], sizes: Sizes, width: int) -> QWidget:
    """One page of paragraphs, each in a label holding its lines already broken (`wrapped`)."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(round(sizes.body * 0.45))
    for paragraph in page:
        if paragraph.name:
            row = QHBoxLayout()
            row.setSpacing(round(sizes.body * 0.5))
            field = _label(paragraph.name + "：", "fieldName", wrap=False)
            field.setFixedWidth(name_column(sizes))
            field.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            row.addWidget(field, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(_label(_lines_of(paragraph, width, sizes), wrap=False), 1)
            layout.addLayout(row)
            continue
        kind = "verdict" if paragraph.verdict else "fieldName" if paragraph.strong else ""
        label = _label(_lines_of(paragraph, width, sizes), kind, wrap=False)
        if paragraph.indent:
            label.setContentsMargins(2 * sizes.body, 0, 0, 0)
        if paragraph.verdict:
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            layout.addWidget(label)
    layout.addStretch(1)
    return widget


def _line(line: PublicLine) -> str:
    parts = [line.text]
    if line.citation:
        parts.append(f"（{line.citation}）")
    text = "".join(parts)
    return f"【{line.status}】{text}" if line.status else text


def _summary(view: HearingView) -> list[Paragraph]:
    fields = [
        (QCoreApplication.translate("HearingSlides", "案件类型"), view.case_type),
        (QCoreApplication.translate("HearingSlides", "当事人"), view.masked_name),
        (QCoreApplication.translate("HearingSlides", "单位"), view.unit),
        (QCoreApplication.translate("HearingSlides", "领域"), view.work_field),
        (QCoreApplication.translate("HearingSlides", "问责事项"), view.matter),
        (QCoreApplication.translate("HearingSlides", "申请的容错情形"), view.claimed),
        (QCoreApplication.translate("HearingSlides", "适用的规则库"), view.rulebook_title),
    ]
    return [Paragraph(value, name=name) for name, value in fields if value]


def _facts(view: HearingView) -> list[Paragraph]:
    if not view.facts:
        return [Paragraph(QCoreApplication.translate("HearingSlides", "（未登记事实）"))]
    return [Paragraph(p.strip()) for p in view.facts.split("\n") if p.strip()]


def _rules(view: HearingView) -> list[Paragraph]:
    out: list[Paragraph] = []
    if view.source_title:
        out.append(
            Paragraph(
                QCoreApplication.translate("HearingSlides", "依据%1，括号内为条款。").replace(
                    "%1", view.source_title
                )
            )
        )
    for heading, lines in (
        (QCoreApplication.translate("HearingSlides", "申请适用的容错情形"), view.situations),
        (QCoreApplication.translate("HearingSlides", "容错条件"), view.conditions),
        (QCoreApplication.translate("HearingSlides", "不予容错情形"), view.exclusions),
    ):
        out.append(Paragraph(heading, strong=True))
        if lines:
            out += [Paragraph(_line(line), indent=True) for line in lines]
        else:
            out.append(Paragraph(QCoreApplication.translate("HearingSlides", "（无）"), indent=True))
    return out


def _dimension(view: HearingView, index: int) -> list[Paragraph]:
    dim = view.dimensions[index]
    source = (
        QCoreApplication.translate("HearingSlides", "（%1）").replace("%1", view.source_title)
        if view.source_title
        else ""
    )
    out = [Paragraph(QCoreApplication.translate("HearingSlides", "引导问题") + source, strong=True)]
    out += [Paragraph(_line(q), indent=True) for q in dim.questions]
    out.append(Paragraph(QCoreApplication.translate("HearingSlides", "等级"), strong=True))
    out += [
        Paragraph(
            QCoreApplication.translate("HearingSlides", "%1 级：%2")
            .replace("%1", str(level))
            .replace("%2", text),
            indent=True,
        )
        for level, text in enumerate(dim.descriptors, start=1)
    ]
    return out


def ballots_slide(view: HearingView, sizes: Sizes) -> Slide:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addStretch(1)
    number = _label(f"{view.submitted} / {view.expected}", "bigNumber", wrap=False)
    number.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(number)
    caption = _label(ballots_caption(view))
    caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(caption)
    note = _label(
        QCoreApplication.translate("HearingSlides", "揭晓前只显示提交的份数，不显示是谁提交、评了几级。"),
        "footNote",
    )
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(note)
    layout.addStretch(2)
    return Slide(Section.BALLOTS, widget, Section.BALLOTS.label, number, caption)


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def results_chart_slide(view: HearingView, sizes: Sizes) -> QWidget:
    results = view.results
    assert results is not None
    widget = QWidget()
    row = QHBoxLayout(widget)
    row.setContentsMargins(0, 0, 0, 0)
    chart = RadarChart(ink=QColor("#000000"), faint_alpha=170)
    chart.setObjectName("audienceChart")
    chart.set_data(
        [d.name for d in results.dimensions], results.ballots, [d.median for d in results.dimensions]
    )
    row.addWidget(chart, 5)
    grid_host = QWidget()
    grid = QGridLayout(grid_host)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setVerticalSpacing(round(sizes.body * 0.5))
    grid.addWidget(_label(QCoreApplication.translate("HearingSlides", "维度"), "fieldName", wrap=False), 0, 0)
    grid.addWidget(
        _label(QCoreApplication.translate("HearingSlides", "中位数"), "fieldName", wrap=False), 0, 1
    )
    grid.addWidget(_label(QCoreApplication.translate("HearingSlides", "范围"), "fieldName", wrap=False), 0, 2)
    for r, dim in enumerate(results.dimensions, start=1):
        grid.addWidget(_label(dim.name, wrap=False), r, 0)
        grid.addWidget(_label(_fmt(dim.median), wrap=False), r, 1, Qt.AlignmentFlag.AlignHCenter)
        span = "—" if dim.low is None else f"{dim.low}—{dim.high}"
        grid.addWidget(_label(span, wrap=False), r, 2, Qt.AlignmentFlag.AlignHCenter)
        if dim.consult:
            grid.addWidget(
                _label(QCoreApplication.translate("HearingSlides", "需会商"), "consult", wrap=False), r, 3
            )
    total = _label(
        QCoreApplication.translate("HearingSlides", "加权总分 %1（满分 5）").replace(
            "%1", _fmt(results.total)
        ),
        "fieldName",
    )
    grid.addWidget(total, len(results.dimensions) + 1, 0, 1, 4)
    legend = _label(
        QCoreApplication.translate("HearingSlides", "虚线：每份评分（不具名）；粗线：中位数"), "footNote"
    )
    grid.addWidget(legend, len(results.dimensions) + 2, 0, 1, 4)
    grid.setRowStretch(len(results.dimensions) + 3, 1)
    row.addWidget(grid_host, 4)
    return widget


def _results_words(view: HearingView) -> list[Paragraph]:
    results = view.results
    assert results is not None
    out = [Paragraph(QCoreApplication.translate("HearingSlides", "研判建议"), strong=True)]
    if results.recommendation:
        out.append(Paragraph(results.recommendation, verdict=True))
    else:
        out.append(
            Paragraph(
                QCoreApplication.translate("HearingSlides", "不作研判建议：") + results.reason, indent=True
            )
        )
    out.append(Paragraph(QCoreApplication.translate("HearingSlides", "硬性规则"), strong=True))
    if results.fired_rules:
        out += [Paragraph(_line(r), indent=True) for r in results.fired_rules]
    else:
        out.append(
            Paragraph(QCoreApplication.translate("HearingSlides", "未触发任何硬性规则。"), indent=True)
        )
    if results.local_defaults:
        out.append(
            Paragraph(
                QCoreApplication.translate(
                    "HearingSlides", "权重、阈值和法定人数为委员会设定的本地默认值，来源文件未作规定。"
                )
            )
        )
    out.append(
        Paragraph(QCoreApplication.translate("HearingSlides", "研判建议仅供会议研究参考，由会议认定。"))
    )
    return out


def _decision(view: HearingView) -> list[Paragraph]:
    decision = view.decision
    if decision is None:
        return [Paragraph(QCoreApplication.translate("HearingSlides", "会议尚未作出认定。"))]
    out = [
        Paragraph(QCoreApplication.translate("HearingSlides", "会议认定"), strong=True),
        Paragraph(decision.conclusion, verdict=True),
    ]
    if decision.decided_on is not None:
        day = decision.decided_on
        out.append(
            Paragraph(
                QCoreApplication.translate("HearingSlides", "认定日期：%1").replace(
                    "%1", f"{day.year}年{day.month}月{day.day}日"
                )
            )
        )
    if decision.votes is not None:
        votes = decision.votes
        out.append(
            Paragraph(
                QCoreApplication.translate("HearingSlides", "表决：赞成 %1 票，反对 %2 票，弃权 %3 票")
                .replace("%1", str(votes.for_))
                .replace("%2", str(votes.against))
                .replace("%3", str(votes.abstain))
            )
        )
    if decision.four_forms:
        out.append(Paragraph(QCoreApplication.translate("HearingSlides", "处理方式：") + decision.four_forms))
    return out


def build(view: HearingView, width: int, height: int, sizes: Sizes) -> list[Slide]:
    """Every slide of the hearing for a content area of `width` x `height` pixels."""
    slides: list[Slide] = []

    def add_text(section: Section, paragraphs: list[Paragraph], title: str = "") -> None:
        for page in paginate(paragraphs, width, height, sizes):
            slides.append(Slide(section, paragraph_slide(page, sizes, width), title or section.label))

    add_text(Section.SUMMARY, _summary(view))
    add_text(Section.FACTS, _facts(view))
    add_text(Section.RULES, _rules(view))
    if view.dimensions:
        for index, dim in enumerate(view.dimensions):
            title = f"{Section.DIMENSIONS.label} · {dim.name}（{index + 1}/{len(view.dimensions)}）"
            add_text(Section.DIMENSIONS, _dimension(view, index), title)
    else:
        add_text(
            Section.DIMENSIONS, [Paragraph(QCoreApplication.translate("HearingSlides", "本案未指定规则库。"))]
        )
    slides.append(ballots_slide(view, sizes))
    if view.results is None:
        add_text(
            Section.RESULTS,
            [
                Paragraph(
                    QCoreApplication.translate(
                        "HearingSlides", "评分尚未揭晓。由主任揭晓后显示雷达图和结果。"
                    )
                )
            ],
        )
    else:
        which = QCoreApplication.translate("HearingSlides", "第 %1 轮")
        title = f"{Section.RESULTS.label} · {which.replace('%1', str(view.results.round_number))}"
        slides.append(Slide(Section.RESULTS, results_chart_slide(view, sizes), title))
        add_text(Section.RESULTS, _results_words(view), title)
    add_text(Section.DECISION, _decision(view))
    return slides
