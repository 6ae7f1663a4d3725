"""Small helpers over the article text shared by the extraction stages."""
from __future__ import annotations


def paragraph_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Start and end offsets of the paragraph (text between newlines) around [start, end)."""
    end = start if end is None else end
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    return p_start, (len(text) if p_end < 0 else p_end)
