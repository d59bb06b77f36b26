"""Where facts come from: sources (articles, statements, reports)."""

from __future__ import annotations

import attrs

from incidents.model._convert import to_ids, to_maybe_date, to_source_kind
from incidents.model._fields import Each, InstanceOf, Language, Maybe, Ref, Text, Url, doc
from incidents.model.dates import PartialDate
from incidents.model.vocabulary import SourceKind

__all__ = ["Source"]


@attrs.frozen(kw_only=True)
class Source:
    """A document that reports facts: a news article, an official statement, a report."""

    id: str = attrs.field(validator=Ref(("source",)), metadata=doc("Id, 'source:slug'."))
    title: str = attrs.field(
        validator=Text(single_line=True, max_length=1000),
        metadata=doc("Title or headline, as published."),
    )
    kind: SourceKind = attrs.field(
        converter=to_source_kind,
        default=SourceKind.NEWS_ARTICLE,
        validator=InstanceOf(SourceKind),
        metadata=doc("What sort of document this is."),
    )
    outlet: str | None = attrs.field(
        default=None,
        validator=Maybe(Ref(("actor",))),
        metadata=doc("The actor that published it (a media outlet, a ministry)."),
    )
    url: str | None = attrs.field(
        default=None, validator=Maybe(Url()), metadata=doc("Where it was published online.")
    )
    published: PartialDate | None = attrs.field(
        converter=to_maybe_date,
        default=None,
        validator=Maybe(InstanceOf(PartialDate)),
        metadata=doc("Publication date; relative dates in the text are resolved against it."),
    )
    language: str | None = attrs.field(
        default=None,
        validator=Maybe(Language()),
        metadata=doc("BCP 47 tag of the language it is written in ('en', 'ru', 'az')."),
    )
    authors: tuple[str, ...] = attrs.field(
        converter=to_ids,
        default=(),
        validator=Each(Text(single_line=True)),
        metadata=doc("Bylines, as printed."),
    )
    state_affiliated: bool | None = attrs.field(
        default=None,
        validator=Maybe(InstanceOf(bool)),
        metadata=doc("Whether the outlet is state-owned or state-controlled; absent if unknown."),
    )
    note: str | None = attrs.field(
        default=None, validator=Maybe(Text()), metadata=doc("Anything a reader should know.")
    )
