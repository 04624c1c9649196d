"""Compact origins of a node-link graph: where each asset, need and supplier stands in the file.

A 100,000-asset graph has some 300,000 links; one ``AssetOrigin`` with its lists of location
tuples per asset cost 0.6 KiB each. Here the link numbers are kept in flat integer arrays and an
asset's ``AssetOrigin`` is built only when a problem is located in it. The file's text is not kept
either: it is read again when a line number is asked for (only when an error is reported).
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any, overload

from ..yamlfile import SourceDocument, read_text
from .records import AssetOrigin

__all__ = ["NodeLinkOrigins", "RereadDocument"]


class RereadDocument(SourceDocument):
    """A JSON document that reads its text again when a line is asked for (``line_of``); when the
    file changed since it was loaded, lines are unknown (None) rather than wrong."""

    def __init__(self, path: Path, content: str) -> None:
        super().__init__(path, None, None, None)
        self._fingerprint = _fingerprint(content)

    def line_of(self, loc: tuple) -> int | None:
        if self.root is None and self.text is None:
            try:
                content = read_text(self.path)
            except Exception:  # noqa: BLE001 -- gone or unreadable since: no line rather than a second error
                return None
            if _fingerprint(content) != self._fingerprint:
                return None
            self.text = content
        return super().line_of(loc)


def _fingerprint(content: str) -> tuple[int, int]:
    return len(content), zlib.crc32(content.encode("utf-8", "surrogatepass"))


class NodeLinkOrigins(Sequence[AssetOrigin]):
    """Node ``i`` is at ``("nodes", i)``; its needs at the link that opened each of them, their
    suppliers at their own links (in supplier order). Arrays: per asset the offset of its first
    need (``need_start``, one more entry than assets), per need the opening link and the offset of
    its first supplier (``sup_start``), per supplier its link."""

    def __init__(self, doc: SourceDocument) -> None:
        self.doc = doc
        self.need_start = array("q", [0])
        self.need_link = array("q")
        self.sup_start = array("q", [0])
        self.sup_link = array("q")

    def add_asset(self, needs: list[tuple[int, list[int]]]) -> None:
        """The next asset, with (opening link, supplier links) of each of its needs."""
        for first, suppliers in needs:
            self.need_link.append(first)
            self.sup_link.extend(suppliers)
            self.sup_start.append(len(self.sup_link))
        self.need_start.append(len(self.need_link))

    def __len__(self) -> int:
        return len(self.need_start) - 1

    @overload
    def __getitem__(self, i: int) -> AssetOrigin: ...

    @overload
    def __getitem__(self, i: slice) -> list[AssetOrigin]: ...

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        first, last = self.need_start[i], self.need_start[i + 1]
        if first == last:
            return AssetOrigin(self.doc, ("nodes", i))
        need_locs = [(self.doc, ("links", self.need_link[j])) for j in range(first, last)]
        supplier_locs = {
            j - first: [("links", n, "source") for n in self.sup_link[self.sup_start[j] : self.sup_start[j + 1]]]
            for j in range(first, last)
        }
        return AssetOrigin(self.doc, ("nodes", i), need_locs, supplier_locs)
