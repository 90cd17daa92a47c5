"""A document as a list of plain blocks: what the renderer lays out and a test can read back.

The builder (reports/model.py) fills these from the case record and the wording in
resources/reports/; the renderer (reports/render.py) knows only these blocks and GB/T 9704.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Organ:
    """发文机关标志 (the committee's name + 文件), centred, in the title face."""

    text: str


@dataclass(frozen=True)
class DocNumber:
    """发文字号 under the organ, centred, then the red rule (7.2.4, 7.2.6)."""

    text: str


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Addressee:
    text: str


@dataclass(frozen=True)
class Heading:
    """level 1: 一、 in 黑体; level 2: （一） in 楷体 (7.3.3)."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    indent: int = 2  # characters; 2 for a natural paragraph, 0 for 顶格


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # relative column widths


@dataclass(frozen=True)
class Radar:
    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    scale_max: int
    caption: str


@dataclass(frozen=True)
class Signature:
    """发文机关署名 and 成文日期 with the seal position kept free above them (7.3.5)."""

    organ: str
    date: str


@dataclass(frozen=True)
class Note:
    """附注, in parentheses, 空二字 (7.3.7)."""

    text: str


Block = Organ | DocNumber | Title | Addressee | Heading | Paragraph | Table | Radar | Signature | Note


@dataclass(frozen=True)
class Document:
    kind: str  # 备案报告 / 认定意见书 / 结果反馈通知书
    doc_no: str
    title: str
    committee: str
    public: bool
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def text(self) -> str:
        """All words of the document in order (tests, and the search a reader would do)."""
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Table):
                parts.append(" ".join(block.header))
                parts.extend(" ".join(row) for row in block.rows)
            elif isinstance(block, Radar):
                parts.append(block.caption)
                parts.extend(block.labels)
            elif isinstance(block, Signature):
                parts.extend((block.organ, block.date))
            else:
                parts.append(block.text)
        return "\n".join(parts)
