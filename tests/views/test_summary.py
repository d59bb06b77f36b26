"""Tests for incidents.views.summary: counts, the timeline and the contested facts of a dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidents import (
    Actor,
    ActorKind,
    Affiliation,
    Casualty,
    CasualtyOutcome,
    Citation,
    Claim,
    Count,
    Dataset,
    DiplomaticMeasure,
    Incident,
    IncidentKind,
    IncidentLink,
    IncidentLinkKind,
    MeasureKind,
    MeasureStatus,
    PartialDate,
    Source,
    Stance,
    read,
)
from incidents.views.summary import contested_facts, render, timeline

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "russia-azerbaijan-2025.json"

MT = Citation(source="source:mt")
AP = Citation(source="source:ap")


def dataset() -> Dataset:
    """A small crisis: a raid, a death after it, two measures (one undated)."""
    editor = Actor(
        id="actor:editor",
        kind=ActorKind.PERSON,
        name="An Editor",
        affiliations=(
            Claim(value=Affiliation(organization="actor:outlet", role="editor-in-chief")),
            Claim(
                value=Affiliation(organization="actor:outlet", role="editorial director"),
                citations=(AP,),
            ),
            Claim(value=Affiliation(organization="actor:russia", role="citizen")),
        ),
    )
    raid = Incident(
        id="incident:raid",
        kind=IncidentKind.RAID,
        title="Police raid homes in Yekaterinburg",
        date=PartialDate.parse("2025-06-27"),
        casualties=(
            Casualty(
                outcome=CasualtyOutcome.DETAINED,
                count=(
                    Claim(value=Count.about(50), citations=(MT,)),
                    Claim(value=Count.exactly(9), claimed_by="actor:russia", citations=(AP,)),
                ),
                citations=(MT,),
            ),
        ),
        responsibility=(
            Claim(value="actor:russia", claimed_by="actor:azerbaijan", citations=(MT,)),
            Claim(value="actor:russia", claimed_by="actor:russia", stance=Stance.DENIES),
        ),
        citations=(MT,),
    )
    death = Incident(
        id="incident:death",
        kind=IncidentKind.DEATH_IN_CUSTODY,
        title="A man dies in custody",
        date=PartialDate.parse("2025-06"),
        casualties=(
            Casualty(
                outcome=CasualtyOutcome.KILLED,
                person="actor:editor",
                cause=(Claim(value="heart failure"), Claim(value="heart failure")),
                citations=(MT,),
            ),
        ),
        links=(IncidentLink(kind=IncidentLinkKind.FOLLOW_UP_TO, target="incident:raid"),),
        citations=(MT,),
    )
    summons = DiplomaticMeasure(
        id="measure:summons",
        kind=MeasureKind.SUMMON_ENVOY,
        initiator="actor:azerbaijan",
        targets=("actor:russia",),
        announced=PartialDate.parse("2025-06-28"),
        in_response_to=("incident:raid", "incident:death"),
        citations=(AP,),
    )
    threat = DiplomaticMeasure(
        id="measure:threat",
        kind=MeasureKind.SUMMON_ENVOY,
        initiator="actor:russia",
        status=MeasureStatus.THREATENED,
        citations=(AP,),
    )
    return Dataset(
        actors=(
            Actor(id="actor:russia", kind=ActorKind.STATE, name="Russia"),
            Actor(id="actor:azerbaijan", kind=ActorKind.STATE, name="Azerbaijan"),
            editor,
        ),
        sources=(Source(id="source:mt", title="MT"), Source(id="source:ap", title="AP")),
        incidents=(raid, death),
        measures=(threat, summons),
    )


EXPECTED = """\
Crisis

  actors     3
  sources    2
  incidents  2
  measures   2
  records    9

Timeline
  2025-06     incident:death  death_in_custody  A man dies in custody
              \u21b3 follow up to incident:raid
  2025-06-27  incident:raid  raid  Police raid homes in Yekaterinburg
  2025-06-28  measure:summons  summon_envoy  actor:azerbaijan -> actor:russia
              \u21b3 responds to incident:raid
              \u21b3 responds to incident:death
  undated     measure:threat  summon_envoy  actor:russia (threatened)

Contested facts
  actor:editor: affiliation with actor:outlet
    - role 'editor-in-chief'
      no source cited
    - role 'editorial director'
      sources: source:ap
  incident:raid: casualty 1 (detained): count
    - about 50
      sources: source:mt
    - 9
      claimed by actor:russia; sources: source:ap
  incident:raid: responsibility
    - actor:russia (Russia)
      claimed by actor:azerbaijan; sources: source:mt
    - denied: actor:russia (Russia)
      claimed by actor:russia; no source cited
"""


def test_render_gives_counts_timeline_and_contested_facts() -> None:
    """The summary of a small dataset is exactly the expected text."""
    assert EXPECTED == render(dataset(), title="Crisis")


def test_timeline_orders_by_date_and_puts_undated_records_last() -> None:
    """Month-only dates come before the days they may contain; undated measures go last."""
    entries = timeline(dataset())
    assert ["incident:death", "incident:raid", "measure:summons", "measure:threat"] == [
        entry.record.id for entry in entries
    ]
    assert entries[-1].date is None


def test_a_measure_is_placed_at_its_earlier_date() -> None:
    """A retroactive measure sits on the timeline at its effective date."""
    revoked = DiplomaticMeasure(
        id="measure:revoked",
        kind=MeasureKind.REVOKE_CITIZENSHIP,
        initiator="actor:russia",
        announced=PartialDate.parse("2025-07-03"),
        effective=PartialDate.parse("2025-06-18"),
        retroactive=True,
    )
    [entry] = timeline(Dataset(measures=(revoked,)))
    assert PartialDate.parse("2025-06-18") == entry.date


def test_only_claims_that_disagree_are_contested() -> None:
    """Repeated identical claims and affiliations with different organizations are not."""
    facts = contested_facts(dataset())
    assert [
        ("actor:editor", "affiliation with actor:outlet"),
        ("incident:raid", "casualty 1 (detained): count"),
        ("incident:raid", "responsibility"),
    ] == [(fact.record_id, fact.fact) for fact in facts]
    assert 2 == len(facts[1].claims)


def test_an_empty_dataset_says_so() -> None:
    """Without events or claims the sections say there is nothing to show."""
    text = render(Dataset())
    assert "  (no incidents or measures)" in text
    assert "  (none: no claims disagree)" in text
    assert text.startswith("Dataset\n")


@pytest.mark.parametrize("width", [60, 80, 100])
def test_no_line_is_wider_than_asked(width: int) -> None:
    """Every line of the example's summary fits the width, long titles wrapped, not cut."""
    text = render(read(EXAMPLE), title=str(EXAMPLE), width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "heart failure" in text
    assert "post-traumatic shock caused by multiple injuries" in " ".join(text.split())


def test_affiliations_show_their_dates() -> None:
    """An affiliation's start and end are part of its version."""
    actor = Actor(
        id="actor:x",
        kind=ActorKind.PERSON,
        name="X",
        affiliations=(
            Claim(value=Affiliation(organization="actor:o", start=PartialDate.parse("2020"))),
            Claim(value=Affiliation(organization="actor:o", end=PartialDate.parse("2024-05"))),
        ),
    )
    text = render(Dataset(actors=(actor,)))
    assert "    - member (no role given) from 2020\n" in text
    assert "    - member (no role given) until 2024-05\n" in text


def test_the_timeline_shows_what_format_1_1_adds() -> None:
    """A measure's line gives its count and publicity; its links and both of its dates follow."""
    from incidents import Claim, CountQualifier, CountUnit, MeasureLink, MeasureLinkKind, Publicity

    whole = DiplomaticMeasure(
        id="measure:whole",
        kind=MeasureKind.EXPEL_DIPLOMATS,
        initiator="actor:allies",
        announced=PartialDate.parse("2018-03-26"),
        effective=PartialDate.parse("2018-04-03"),
        count=(
            Claim(value=Count(best=150, qualifier=CountQualifier.ABOUT)),
            Claim(value=Count(best=153)),
        ),
        counted=CountUnit.DIPLOMATS,
        summary="More than twenty countries expel Russian diplomats.  A second sentence.",
    )
    part = DiplomaticMeasure(
        id="measure:part",
        kind=MeasureKind.CLOSE_MISSION,
        initiator="actor:x",
        announced=PartialDate.parse("2018-03-26"),
        publicity=Publicity.UNANNOUNCED,
        links=(MeasureLink(kind=MeasureLinkKind.PART_OF, target="measure:whole"),),
    )
    text = render(Dataset(measures=(whole, part)))
    assert "actor:allies: about 150 diplomats (2 reports)" in text
    assert "↳ announced 2018-03-26, in effect from 2018-04-03" in text
    assert "measure:part  close_mission  actor:x (unannounced)" in text
    assert "↳ part of measure:whole" in text
    assert "More than twenty countries expel Russian diplomats.\n" in text  # first sentence
    assert "A second sentence" not in text
