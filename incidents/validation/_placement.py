"""Placing findings: from a JSON Pointer in plain data to a line and column in the text.

Findings come from every layer as (pointer, code, message). A finding is placed at its
value, or at the nearest enclosing value the text has (a missing field is reported at its
record); the report lists them in document order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from incidents._places import Finding, escape_pointer
from incidents.formats._text_positions import value_positions
from incidents.validation.report import Problem, Report

__all__ = ["placed"]


def placed(data: Any, findings: list[Finding], text: str | None) -> Report:
    """The findings as a report in document order, with lines and columns from ``text``."""
    if not findings:
        return Report(())
    positions = value_positions(text, [f[0] for f in findings]) if text is not None else {}
    order = {} if positions else _document_order(data)  # only where the text has no place
    problems = []
    for pointer, code, message in findings:
        anchor = _nearest(pointer, positions or order)
        line, column = positions.get(anchor, (None, None)) if positions else (None, None)
        if line is None:
            order = order or _document_order(data)
        rank = (line, column) if line is not None else (order.get(_nearest(pointer, order), 0), 0)
        problems.append((rank, pointer, code, message, line, column))
    problems.sort(key=lambda entry: (entry[0], entry[1], entry[2]))
    return Report(
        tuple(
            Problem(code=code, message=message, location=pointer, line=line, column=column)
            for _, pointer, code, message, line, column in problems
        )
    )


def _nearest(pointer: str, known: Mapping[str, Any]) -> str:
    """The pointer itself if known, else its nearest known ancestor ('' is the document)."""
    while pointer and pointer not in known:
        pointer = pointer.rsplit("/", 1)[0]
    return pointer


def _document_order(data: Any) -> dict[str, int]:
    """Pointer -> position in a depth-first walk of the data (document order)."""
    order: dict[str, int] = {}
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        pointer, value = stack.pop()
        order[pointer] = len(order)
        if isinstance(value, dict):
            children = [(f"{pointer}/{escape_pointer(k)}", v) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(f"{pointer}/{i}", v) for i, v in enumerate(value)]
        else:
            continue
        stack.extend(reversed(children))
    return order
