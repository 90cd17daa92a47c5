"""Lay a Document out on A4 pages to GB/T 9704-2012 with reportlab.

Why a small typesetter of our own rather than reportlab's Paragraph: the standard puts the body on
a grid of 22 lines of 28 characters, so every line sits on the grid, every full-width character
takes one 156/28 mm cell, a line never starts with closing punctuation (，。、）》 …) nor ends with an
opening one, and each character comes from the first face that has it (a PC's own 仿宋 may lack a
rare name). The numbers are in reports/layout.py. reportlab is imported when a report is first
rendered, never at the app's start.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from rongcuo_desktop.domain.radar import radar_geometry
from rongcuo_desktop.reports import document as doc
from rongcuo_desktop.reports import layout as L
from rongcuo_desktop.reports.fonts import Face, covers, faces, fallback_chain

NO_LINE_START = set("，。、；：？！）》〉」』】〕”’…—·%,.;:?!)]}")
NO_LINE_END = set("（《〈「『【〔“‘([{")
_ASCII_WORD = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_/%+@#")
ORGAN_SIZE = 26.0  # 1号: 7.2.3 leaves the size to the organ ("醒目、美观、庄重"); 1号 is the usual choice
ORGAN_TOP_MM = 35.0  # 7.2.3: 发文机关标志上边缘至版心上边缘 35 mm


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    signature_box: tuple[float, float, float, float]  # on the last page, PDF points


Glyph = tuple[str, str, float]  # character, reportlab font name, advance width at the size used


class _Typesetter:
    def __init__(self, document: doc.Document, use_system_fonts: bool) -> None:
        from reportlab.pdfgen import canvas

        self.document = document
        self.faces = faces(use_system_fonts)
        self.body = self.faces["body"]
        self.buffer = io.BytesIO()
        self.c = canvas.Canvas(
            self.buffer,
            pagesize=(L.PAGE_WIDTH, L.PAGE_HEIGHT),
            initialFontName=self.body.name,
            initialFontSize=L.SIZE_3HAO,
            pageCompression=1,
        )
        self.c.setTitle(document.title)
        self.c.setAuthor(document.committee)
        self.c.setSubject(f"{document.kind} {document.doc_no}")
        self.c.setCreator("rongcuo_desktop")
        self.line = 0  # next free grid line on this page
        self.page = 1
        self._widths: dict[tuple[str, str, float], float] = {}
        self._chains: dict[str, list[Face]] = {}

    # ----- measuring ---------------------------------------------------------------------------

    def _width(self, char: str, font: str, size: float) -> float:
        key = (char, font, size)
        width = self._widths.get(key)
        if width is None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            width = self._widths[key] = stringWidth(char, font, size)
        return width

    def glyphs(self, text: str, face: Face, size: float) -> list[Glyph]:
        chain = self._chains.get(face.name)
        if chain is None:
            chain = self._chains[face.name] = fallback_chain(face, self.faces)
        out: list[Glyph] = []
        for char in text:
            use = next((f for f in chain if covers(f, char)), chain[0])
            out.append((char, use.name, self._width(char, use.name, size)))
        return out

    def break_lines(
        self, glyphs: list[Glyph], width: float, cell: float, size: float, first_indent: float
    ) -> list[list[Glyph]]:
        """Greedy lines on the character grid, with the 禁则 for punctuation and whole Latin words."""
        space = cell - size  # full-width characters then advance exactly one cell
        lines: list[list[Glyph]] = []
        start = 0
        while start < len(glyphs):
            avail = width - (first_indent if not lines else 0.0)
            used, end = 0.0, start
            while end < len(glyphs) and used + glyphs[end][2] + space <= avail + 0.01:
                used += glyphs[end][2] + space
                end += 1
            if end == start:
                end = start + 1  # a single glyph wider than the line: put it alone
            if end < len(glyphs):
                end = self._adjust_break(glyphs, start, end)
            lines.append(glyphs[start:end])
            start = end
        return lines

    @staticmethod
    def _adjust_break(glyphs: list[Glyph], start: int, end: int) -> int:
        original = end
        # Latin words and numbers are not split (a run longer than the line is).
        if glyphs[end][0] in _ASCII_WORD and glyphs[end - 1][0] in _ASCII_WORD:
            back = end
            while back > start and glyphs[back - 1][0] in _ASCII_WORD:
                back -= 1
            if back > start:
                end = back
        # Closing punctuation may not start a line: bring the character before it down too.
        for _ in range(3):
            if end < len(glyphs) and glyphs[end][0] in NO_LINE_START and end - 1 > start:
                end -= 1
            else:
                break
        # Opening punctuation may not end a line.
        while end - 1 > start and glyphs[end - 1][0] in NO_LINE_END:
            end -= 1
        return end if end > start else original

    # ----- drawing -----------------------------------------------------------------------------

    def baseline(self, line: int) -> float:
        return L.TYPE_TOP - line * L.LINE_PITCH - L.BASELINE_DROP

    def draw_glyphs(
        self,
        glyphs: list[Glyph],
        x: float,
        y: float,
        size: float,
        space: float,
        colour: tuple[float, ...] = (0, 0, 0),
    ) -> None:
        """One drawString per run of one font; ``space`` is added after every glyph."""
        self.c.setFillColorRGB(*colour)
        run_start = 0
        for index in range(1, len(glyphs) + 1):
            if index == len(glyphs) or glyphs[index][1] != glyphs[run_start][1]:
                run = glyphs[run_start:index]
                self.c.setFont(run[0][1], size)
                self.c.drawString(x, y, "".join(g[0] for g in run), charSpace=space)
                x += sum(g[2] + space for g in run)
                run_start = index
        self.c.setFillColorRGB(0, 0, 0)

    def need(self, lines: int) -> None:
        if self.line + lines > L.LINES_PER_PAGE:
            self.new_page()

    def new_page(self) -> None:
        self.page_number()
        self.c.showPage()
        self.page += 1
        self.line = 0

    def page_number(self) -> None:
        """7.5: — 1 —, 4号 宋体-style, odd pages right (空一字), even pages left (空一字)."""
        face = self.faces["song"]
        glyphs = self.glyphs(f"— {self.page} —", face, L.PAGE_NUMBER_SIZE)
        width = sum(g[2] for g in glyphs)
        one_char = L.PAGE_NUMBER_SIZE
        odd = self.page % 2 == 1
        x = L.TYPE_LEFT + L.TYPE_WIDTH - one_char - width if odd else L.TYPE_LEFT + one_char
        self.draw_glyphs(glyphs, x, L.page_number_baseline(), L.PAGE_NUMBER_SIZE, 0.0)

    def text_block(
        self,
        text: str,
        face: Face,
        size: float,
        *,
        indent_chars: float = 0,
        align: str = "justify",
        colour: tuple[float, ...] = (0, 0, 0),
        keep_with_next: int = 0,
        right_chars: float = 0,
    ) -> None:
        cell = L.CELL if size == L.SIZE_3HAO else size
        space = cell - size
        width = L.TYPE_WIDTH - right_chars * cell
        glyphs = self.glyphs(text, face, size)
        lines = self.break_lines(glyphs, width, cell, size, indent_chars * cell)
        if align == "centre" and len(lines) > 1:
            # 7.3.1: a title over several lines keeps them of even length (no lone 书 on line two).
            target = sum(g[2] + space for g in glyphs) / len(lines) + size
            balanced = self.break_lines(glyphs, min(width, target), cell, size, 0.0)
            if len(balanced) == len(lines):
                lines = balanced
        self.need(min(len(lines), 2) + keep_with_next)  # no lone first line at a page's foot
        for number, line in enumerate(lines):
            self.need(1)
            indent = indent_chars * cell if number == 0 else 0.0
            natural = sum(g[2] + space for g in line)
            extra = 0.0
            x = L.TYPE_LEFT + indent
            last = number == len(lines) - 1
            if align == "centre":
                x = L.TYPE_LEFT + (L.TYPE_WIDTH - natural + space) / 2
            elif align == "right":
                x = L.TYPE_LEFT + width - natural + space
            elif not last and len(line) > 1:
                extra = (width - indent - natural) / (len(line) - 1)
            self.draw_glyphs(line, x, self.baseline(self.line), size, space + extra, colour)
            self.line += 1

    # ----- blocks ------------------------------------------------------------------------------

    def organ(self, block: doc.Organ) -> None:
        face = self.faces["title"]
        glyphs = self.glyphs(block.text, face, ORGAN_SIZE)
        size = ORGAN_SIZE
        natural = sum(g[2] for g in glyphs)
        if natural > L.TYPE_WIDTH:  # a long name is set smaller, never wider than the type area
            size = ORGAN_SIZE * L.TYPE_WIDTH / natural
            glyphs = self.glyphs(block.text, face, size)
            natural = sum(g[2] for g in glyphs)
        top = L.TYPE_TOP - ORGAN_TOP_MM * L.MM
        baseline = top - size * 0.88
        self.draw_glyphs(glyphs, L.TYPE_LEFT + (L.TYPE_WIDTH - natural) / 2, baseline, size, 0.0, L.RED)
        # The organ's last grid line, then 空二行 (7.2.4): the 文号 goes on the third line after it.
        self.line = math.ceil((L.TYPE_TOP - baseline + size * 0.12) / L.LINE_PITCH) + 2

    def doc_number(self, block: doc.DocNumber) -> None:
        self.text_block(block.text, self.body, L.SIZE_3HAO, align="centre")
        rule_y = self.baseline(self.line - 1) - L.SIZE_3HAO * 0.12 - L.RULE_BELOW_DOC_NO_MM * L.MM
        self.c.setStrokeColorRGB(*L.RED)
        self.c.setLineWidth(L.RULE_WIDTH_MM * L.MM)
        self.c.line(L.TYPE_LEFT, rule_y, L.TYPE_LEFT + L.TYPE_WIDTH, rule_y)
        self.c.setStrokeColorRGB(0, 0, 0)
        self.line = math.ceil((L.TYPE_TOP - rule_y) / L.LINE_PITCH) + 2  # 7.3.1: 分隔线下空二行

    def table(self, block: doc.Table) -> None:
        face, size = self.body, L.TABLE_SIZE
        total = sum(block.widths)
        widths = [L.TYPE_WIDTH * w / total for w in block.widths]
        rows = [block.header, *block.rows]
        self.need(min(len(rows), 3))
        self.c.setLineWidth(0.6)
        for index, row in enumerate(rows):
            self.need(1)
            top = L.TYPE_TOP - self.line * L.LINE_PITCH
            x = L.TYPE_LEFT
            cell_face = self.faces["heading"] if index == 0 else face
            for text, width in zip(row, widths, strict=True):
                glyphs = self.glyphs(text, cell_face, size)
                natural = sum(g[2] for g in glyphs)
                self.draw_glyphs(glyphs, x + (width - natural) / 2, self.baseline(self.line), size, 0.0)
                self.c.rect(x, top - L.LINE_PITCH, width, L.LINE_PITCH, stroke=1, fill=0)
                x += width
            self.line += 1

    def radar(self, block: doc.Radar) -> None:
        self.need(L.RADAR_LINES + 1)
        height = L.RADAR_LINES * L.LINE_PITCH
        top_down = L.PAGE_HEIGHT - (L.TYPE_TOP - self.line * L.LINE_PITCH)  # y-down of the chart's top
        label_size = L.RADAR_LABEL_SIZE
        radius = height / 2 - label_size * 1.6
        centre = (L.TYPE_LEFT + L.TYPE_WIDTH / 2, top_down + height / 2)
        geo = radar_geometry(block.values, centre=centre, radius=radius, scale_max=block.scale_max)

        def pdf(point: tuple[float, float]) -> tuple[float, float]:
            return point[0], L.PAGE_HEIGHT - point[1]

        c = self.c
        c.setLineWidth(0.5)
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        for ring in geo.rings:
            path = c.beginPath()
            path.moveTo(*pdf(ring[0]))
            for point in ring[1:]:
                path.lineTo(*pdf(point))
            path.close()
            c.drawPath(path, stroke=1, fill=0)
        for axis in geo.axes:
            c.line(*pdf(geo.centre), *pdf(axis))
        c.setStrokeColorRGB(0, 0, 0)
        c.setLineWidth(1.2)
        c.setFillColorRGB(0.55, 0.55, 0.55, alpha=0.35)
        path = c.beginPath()
        path.moveTo(*pdf(geo.values[0]))
        for point in geo.values[1:]:
            path.lineTo(*pdf(point))
        path.close()
        c.drawPath(path, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0, alpha=1)
        for (anchor, align), label, value in zip(geo.labels, block.labels, block.values, strict=True):
            text = f"{label} {value:g}" if value is not None else f"{label} —"
            glyphs = self.glyphs(text, self.body, label_size)
            width = sum(g[2] for g in glyphs)
            x, y = pdf(anchor)
            x = {"centre": x - width / 2, "left": x, "right": x - width}[align]
            if anchor[1] < geo.centre[1] - radius * 0.9:  # the top label sits above its axis end
                y += label_size * 0.2
            elif anchor[1] > geo.centre[1] + radius * 0.5:  # lower labels hang below theirs
                y -= label_size * 0.9
            else:
                y -= label_size * 0.35
            self.draw_glyphs(glyphs, x, y, label_size, 0.0)
        self.line += L.RADAR_LINES
        self.text_block(block.caption, self.body, L.SIZE_XIAO4 + 2, align="centre")

    def signature(self, block: doc.Signature) -> None:
        """7.3.5: 署名 above 成文日期, the date 右空四字; SEAL_LINES left free above for the seal."""
        self.need(L.SEAL_LINES + 2)
        self.line += L.SEAL_LINES
        date = self.glyphs(block.date, self.body, L.SIZE_3HAO)
        space = L.CELL - L.SIZE_3HAO
        date_width = sum(g[2] + space for g in date) - space
        date_right = L.TYPE_LEFT + L.TYPE_WIDTH - L.DATE_RIGHT_CHARS * L.CELL
        date_x = date_right - date_width
        organ = self.glyphs(block.organ, self.body, L.SIZE_3HAO)
        organ_width = sum(g[2] + space for g in organ) - space
        organ_x = max(L.TYPE_LEFT, date_x + (date_width - organ_width) / 2)
        self.draw_glyphs(organ, organ_x, self.baseline(self.line), L.SIZE_3HAO, space)
        self.draw_glyphs(date, date_x, self.baseline(self.line + 1), L.SIZE_3HAO, space)
        self.line += 2

    def render(self) -> Rendered:
        title_face, heading_face, kai = self.faces["title"], self.faces["heading"], self.faces["kai"]
        notes_started = False
        blocks = self.document.blocks
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, doc.Organ):
                self.organ(block)
            elif isinstance(block, doc.DocNumber):
                self.doc_number(block)
            elif isinstance(block, doc.Title):
                self.text_block(block.text, title_face, L.SIZE_2HAO, align="centre")
                self.line += 1  # 7.3.2: 标题下空一行
            elif isinstance(block, doc.Addressee):
                self.text_block(block.text, self.body, L.SIZE_3HAO)
            elif isinstance(block, doc.Heading):
                face = heading_face if block.level == 1 else kai
                self.text_block(block.text, face, L.SIZE_3HAO, indent_chars=L.INDENT_CHARS, keep_with_next=1)
            elif isinstance(block, doc.Paragraph):
                # 7.3.5.4: the signature and date never stand on a page without text above them.
                keep = L.SEAL_LINES + 2 if isinstance(following, doc.Signature) else 0
                self.text_block(
                    block.text, self.body, L.SIZE_3HAO, indent_chars=block.indent, keep_with_next=keep
                )
            elif isinstance(block, doc.Table):
                self.table(block)
            elif isinstance(block, doc.Radar):
                self.radar(block)
            elif isinstance(block, doc.Signature):
                self.signature(block)
            elif isinstance(block, doc.Note):
                # 7.3.7 附注: 居左空二字, in parentheses, from the line after the date.
                text = block.text if notes_started else f"（{block.text}"
                notes_started = True
                is_last = block is self.document.blocks[-1]
                self.text_block(
                    text + ("）" if is_last else ""), self.body, L.SIZE_3HAO, indent_chars=L.INDENT_CHARS
                )
        self.page_number()
        self.c.showPage()
        self.c.save()
        box = (
            L.TYPE_LEFT,
            L.SIGNATURE_BOTTOM_MM * L.MM,
            L.TYPE_LEFT + L.SIGNATURE_WIDTH_MM * L.MM,
            (L.SIGNATURE_BOTTOM_MM + L.SIGNATURE_HEIGHT_MM) * L.MM,
        )
        return Rendered(self.buffer.getvalue(), self.page, box)


def render(document: doc.Document, *, use_system_fonts: bool = True) -> Rendered:
    """The document as an unsigned PDF (one revision), and where its signature block goes."""
    from reportlab import rl_config

    # Binary (Flate) streams without the ASCII-85 layer: a quarter smaller, and no pure-Python
    # encoding pass over every page and font.
    rl_config.useA85 = 0
    return _Typesetter(document, use_system_fonts).render()
