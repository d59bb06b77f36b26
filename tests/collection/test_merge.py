"""merge: equal records once, versions united, conflicts reported; associative, idempotent."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import incidents
from incidents import Citation, Claim, Count, Dataset, MergeError, merge
from incidents.strategies import datasets

#: Whole datasets are slow to draw: a quarter of the profile's examples (15 by default, 500
#: with HYPOTHESIS_PROFILE=thorough).
_FEWER = settings(max_examples=max(10, settings().max_examples // 4))


@st.composite
def views(draw: st.DrawFn, base: Dataset) -> Dataset:
    """What one source of ``base`` could say: some of its records, each with some of its
    citations and perhaps without its summary or note."""

    def view(record):  # type: ignore[no-untyped-def]
        changes = {}
        if record.citations:
            kept = [c for c in record.citations if draw(st.booleans())]
            changes["citations"] = tuple(kept or record.citations[:1])
        for name in ("summary", "note"):
            if getattr(record, name, None) is not None and draw(st.booleans()):
                changes[name] = None
        return attrs.evolve(record, **changes) if changes else record

    return Dataset(
        schema_version=base.schema_version,
        actors=tuple(view(r) for r in base.actors if draw(st.booleans())),
        sources=tuple(r for r in base.sources if draw(st.booleans())),
        incidents=tuple(view(r) for r in base.incidents if draw(st.booleans())),
        measures=tuple(view(r) for r in base.measures if draw(st.booleans())),
    )


@st.composite
def three_views(draw: st.DrawFn) -> tuple[Dataset, Dataset, Dataset, Dataset]:
    base = draw(datasets(max_records=3))
    return base, draw(views(base)), draw(views(base)), draw(views(base))


@_FEWER
@given(datasets(max_records=3))
def test_merge_is_idempotent(dataset: Dataset) -> None:
    """A dataset merged with itself is itself."""
    assert dataset == merge(dataset, dataset)
    assert dataset == merge(dataset)


@_FEWER
@given(three_views())
def test_merge_is_associative(views: tuple[Dataset, Dataset, Dataset, Dataset]) -> None:
    """merge(merge(a, b), c) == merge(a, merge(b, c)) for what three sources say."""
    _, a, b, c = views
    assert merge(merge(a, b), c) == merge(a, merge(b, c))
    assert merge(a, b, c) == merge(merge(a, b), c)


@_FEWER
@given(three_views())
def test_merging_views_gives_back_what_they_hold(
    views: tuple[Dataset, Dataset, Dataset, Dataset],
) -> None:
    """The merge of views holds each record of the base that a view has, with every
    citation some view kept (and no other)."""
    base, a, b, c = views
    merged = merge(a, b, c)
    for record in (*merged.actors, *merged.incidents, *merged.measures):
        original = base[record.id]
        assert set(record.citations) <= set(original.citations)
        kept = {x for view in (a, b, c) if record.id in view for x in view[record.id].citations}
        assert kept == set(record.citations)


def _raid(
    title: str, claims: tuple[Claim[Count], ...] = (), **fields: object
) -> incidents.Incident:
    detained = incidents.CasualtyOutcome.DETAINED
    casualties = (incidents.Casualty(outcome=detained, count=claims),) if claims else ()
    return incidents.Incident(
        id="incident:raids",
        kind=incidents.IncidentKind.RAID,
        title=title,
        date=incidents.PartialDate.parse("2025-06-27"),
        casualties=casualties,
        **fields,  # type: ignore[arg-type]
    )


def test_claims_and_citations_are_united_not_overwritten() -> None:
    """Two sources' counts both stay; one claim told by two sources gets both citations."""
    mt, ap = Citation(source="source:mt"), Citation(source="source:ap")
    about = Claim(value=Count.about(50), citations=(mt,))
    nine = Claim(value=Count.exactly(9), citations=(ap,))
    first = Dataset(incidents=(_raid("Raids", (about,), citations=(mt,)),))
    second = Dataset(
        incidents=(
            _raid(
                "Raids",
                (attrs.evolve(about, citations=(ap,)), nine),
                citations=(ap,),
                summary="Police raided homes.",
            ),
        )
    )
    (raid,) = merge(first, second).incidents
    assert (mt, ap) == raid.citations
    assert "Police raided homes." == raid.summary
    (casualty,) = raid.casualties
    assert (attrs.evolve(about, citations=(mt, ap)), nine) == casualty.count


def test_a_conflict_names_both_values_and_origins_unless_a_side_is_preferred() -> None:
    """Two titles: MergeError with both values and both inputs; --prefer picks one."""
    first, second = Dataset(incidents=(_raid("Raids"),)), Dataset(incidents=(_raid("Arrests"),))
    with pytest.raises(MergeError) as caught:
        merge(first, second, names=["a.json", "b.json"])
    (conflict,) = caught.value.conflicts
    assert ("incident:raids", "title") == (conflict.record_id, conflict.field)
    assert (("a.json", "Raids"), ("b.json", "Arrests")) == conflict.values
    assert "'Raids' (a.json) vs 'Arrests' (b.json)" in str(caught.value)
    assert "Raids" == merge(first, second, prefer="first").incidents[0].title
    assert "Arrests" == merge(first, second, prefer="last").incidents[0].title


def test_bad_arguments_are_argument_errors() -> None:
    """Not a dataset, a wrong prefer, names of the wrong length: ArgumentError."""
    with pytest.raises(incidents.ArgumentError, match="expected a Dataset"):
        merge(Dataset(), {})  # type: ignore[arg-type]
    with pytest.raises(incidents.ArgumentError, match="'first', 'last'"):
        merge(Dataset(), prefer="both")  # type: ignore[arg-type]
    with pytest.raises(incidents.ArgumentError, match="expected 2 names"):
        merge(Dataset(), Dataset(), names=["a"])
