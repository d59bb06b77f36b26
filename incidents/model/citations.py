"""Citations: the pointer from any fact to the source that states it."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from incidents.model._convert import items, keep
from incidents.model._fields import Maybe, Ref, Text, doc

__all__ = ["Citation"]


@attrs.frozen(kw_only=True)
class Citation:
    """A pointer from a fact to the source that states it, with the words it uses."""

    source: str = attrs.field(validator=Ref(("source",)), metadata=doc("Id of the cited source."))
    quote: str | None = attrs.field(
        default=None,
        validator=Maybe(Text(max_length=5000)),
        metadata=doc("The supporting words, copied verbatim from the source."),
    )
    locator: str | None = attrs.field(
        default=None,
        validator=Maybe(Text(single_line=True)),
        metadata=doc("Where in the source: a paragraph, page or timestamp."),
    )
    note: str | None = attrs.field(
        default=None,
        validator=Maybe(Text()),
        metadata=doc("How the fact was read from the source, e.g. how a date was resolved."),
    )


def to_citations(value: Iterable[Citation]) -> tuple[Citation, ...]:
    return items(value)


keep(to_citations)
