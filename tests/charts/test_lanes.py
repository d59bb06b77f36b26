"""Which record goes in which lane, what each mark says, and when a lane is summarised."""

from __future__ import annotations

import datetime as dt

import pytest

from incidents import (
    Actor,
    ActorKind,
    ArgumentError,
    Dataset,
    DiplomaticMeasure,
    Incident,
    IncidentKind,
    MeasureKind,
    MeasureStatus,
    Name,
    PartialDate,
    examples,
)
from incidents.charts.lanes import INCIDENT, NO_PLOVER, plan, quad_class

CRISIS = examples.load("russia-azerbaijan-2025")


def _lane_of(decided, record_id):
    (name,) = [lane.name for lane in decided.lanes for m in lane.marks if m.record_id == record_id]
    return name


def small(measures=(), incidents=(), actors=()):
    """Two states and their ministries, plus the given records."""
    base = (
        Actor(id="actor:ru", kind=ActorKind.STATE, name="Russia", country="RU"),
        Actor(id="actor:az", kind=ActorKind.STATE, name="Azerbaijan", country="AZ"),
        Actor(id="actor:az-mfa", kind=ActorKind.GOVERNMENT_BODY, name="AZ MFA", country="AZ"),
        Actor(id="actor:ua", kind=ActorKind.STATE, name="Ukraine", country="UA"),
    )
    return Dataset(actors=base + tuple(actors), measures=tuple(measures), incidents=incidents)


def measure(slug, initiator="actor:az-mfa", targets=("actor:ru",), date="2025-06-28", **more):
    return DiplomaticMeasure(
        id=f"measure:{slug}",
        kind=more.pop("kind", MeasureKind.SUMMON_ENVOY),
        initiator=initiator,
        targets=targets,
        announced=PartialDate.parse(date) if date else None,
        **more,
    )


def test_crisis_lanes_are_the_two_directions_and_the_rest():
    """The crisis has a lane of incidents, Azerbaijan → Russia, Russia → Azerbaijan, others."""
    decided = plan(CRISIS)
    assert ["Incidents", "Azerbaijan → Russia", "Russia → Azerbaijan", "Others"] == [
        lane.name for lane in decided.lanes
    ]
    assert ("AZ", "RU") == tuple(side.country for side in decided.dyad)


def test_a_measure_goes_in_the_lane_of_its_direction():
    """A ministry's measure counts for its country; a third country's goes to others."""
    decided = plan(CRISIS)
    assert "Azerbaijan → Russia" == _lane_of(decided, "measure:az-summons-ru-charge-2025-06-28")
    assert "Russia → Azerbaijan" == _lane_of(decided, "measure:ru-summons-az-ambassador")
    assert "Others" == _lane_of(decided, "measure:zelenskyy-condolence-call")
    assert "Incidents" == _lane_of(decided, "incident:yekaterinburg-raids-2025")


def test_the_dyad_can_be_named_by_code_id_or_name():
    """Country codes, actor ids and names pick the same sides, in the order given."""
    by_code = plan(CRISIS, dyad=("RU", "AZ"))
    assert by_code == plan(CRISIS, dyad=("actor:russia", "actor:az-mfa"))
    assert by_code == plan(CRISIS, dyad=("russia", "Azerbaijan"))
    assert "Russia → Azerbaijan" == by_code.lanes[1].name


def test_another_dyad_moves_the_rest_to_others():
    """With Ukraine and Azerbaijan as the dyad, the Russian measures are others."""
    decided = plan(CRISIS, dyad=("UA", "AZ"))
    assert "Ukraine → Azerbaijan" == _lane_of(decided, "measure:zelenskyy-condolence-call")
    assert "Others" == _lane_of(decided, "measure:ru-summons-az-ambassador")


@pytest.mark.parametrize(
    ("dyad", "reason"),
    [
        (("AZ",), "give two sides"),
        ("AZ", "give two sides"),
        (("AZ", "actor:az-mfa"), "both sides are the same country"),
        (("AZ", "Atlantis"), "not a country code, an actor id"),
        (("AZ", "actor:basta"), "has no country"),
    ],
)
def test_a_bad_dyad_is_a_clear_error(dyad, reason):
    """A dyad that names no two countries says why."""
    with pytest.raises(ArgumentError, match=reason) as raised:
        plan(CRISIS, dyad=dyad)
    assert "dyad" == raised.value.argument


def test_without_measures_between_two_countries_there_is_no_dyad():
    """With no measure between two countries, every measure is in others."""
    decided = plan(small([measure("a", targets=("actor:az",))]))
    assert decided.dyad is None
    assert ["Others"] == [lane.name for lane in decided.lanes]
    assert decided.title.startswith("Incidents and diplomatic measures, June 2025")


def test_the_window_keeps_records_that_may_fall_in_it():
    """Records outside the window are counted in a note; spans are clipped to it."""
    decided = plan(CRISIS, start="2025-06-28", end="2025-06-30")
    assert dt.date(2025, 6, 28) == decided.start
    assert dt.date(2025, 7, 1) == decided.end
    marks = [mark for lane in decided.lanes for mark in lane.marks]
    assert all(decided.start <= m.start < m.end <= decided.end for m in marks)
    assert "measure:az-opens-criminal-case-on-deaths" not in {m.record_id for m in marks}
    assert any("outside the window" in note for note in decided.notes)


@pytest.mark.parametrize(
    ("start", "end", "argument"),
    [("2025-07-01", "2025-06-01", "end"), ("yesterday", None, "start"), (3, None, "start")],
)
def test_a_bad_window_is_a_clear_error(start, end, argument):
    """A window that ends before it starts, or is no date, names the argument."""
    with pytest.raises(ArgumentError) as raised:
        plan(CRISIS, start=start, end=end)
    assert argument == raised.value.argument


def test_dates_of_python_are_accepted():
    """datetime.date bounds are inclusive days."""
    decided = plan(CRISIS, start=dt.date(2025, 6, 28), end=dt.date(2025, 6, 28))
    assert (dt.date(2025, 6, 28), dt.date(2025, 6, 29)) == (decided.start, decided.end)


def test_no_dated_record_is_a_clear_error():
    """Nothing dated to draw: an ArgumentError that says so, not an empty picture."""
    with pytest.raises(ArgumentError, match="nothing to draw: its 1 record have no date"):
        plan(small([measure("a", date=None)]))
    with pytest.raises(ArgumentError, match="nothing to draw"):
        plan(Dataset())
    with pytest.raises(ArgumentError, match=r"expected an incidents\.Dataset"):
        plan("crisis.json")


def test_a_partial_date_is_its_span():
    """A month-only date covers the month; a day, one day."""
    decided = plan(small([measure("m", date="2025-06"), measure("d", date="2025-06-28")]))
    spans = {m.record_id: (m.start, m.end, m.is_span) for m in decided.lanes[0].marks}
    assert (dt.date(2025, 6, 1), dt.date(2025, 7, 1), True) == spans["measure:m"]
    assert (dt.date(2025, 6, 28), dt.date(2025, 6, 29), False) == spans["measure:d"]


def test_marks_are_coloured_by_plover_quad_category():
    """The category of a measure's mark is the quad category of its kind's PLOVER type."""
    assert "verbal conflict" == quad_class(MeasureKind.SUMMON_ENVOY)
    assert "material conflict" == quad_class(MeasureKind.EXPEL_DIPLOMATS)
    assert "verbal cooperation" == quad_class(MeasureKind.APOLOGIZE)
    assert NO_PLOVER == quad_class(MeasureKind.EXPRESS_CONCERN)
    categories = {m.category for lane in plan(CRISIS).lanes for m in lane.marks}
    assert {INCIDENT, "verbal conflict", "material conflict", NO_PLOVER} <= categories


def test_labels_name_the_kind_initiator_and_status():
    """A measure's label is its kind and initiator, with the status unless implemented."""
    threatened = measure("t", kind=MeasureKind.EXPEL_DIPLOMATS, status=MeasureStatus.THREATENED)
    (mark,) = plan(small([threatened])).lanes[0].marks
    assert "expel diplomats · AZ MFA (threatened)" == mark.label
    assert not mark.implemented


def test_long_labels_are_cut():
    """A label longer than the limit ends with an ellipsis."""
    long_name = " ".join(["Ministry"] * 20)
    actor = Actor(id="actor:long", kind=ActorKind.GOVERNMENT_BODY, name=long_name, country="AZ")
    (mark,) = plan(small([measure("a", initiator="actor:long")], actors=[actor])).lanes[0].marks
    assert mark.label.endswith("…")
    assert 60 == len(mark.label)


def test_names_the_font_cannot_draw_fall_back_to_another_name_or_the_id():
    """A name in a script the font lacks gives way to a transliteration, else the id."""
    aliyev = Actor(
        id="actor:aliyev",
        kind=ActorKind.OFFICIAL,
        name="阿利耶夫",
        names=(Name(value="Ilham Aliyev", language="en", transliteration=True),),
        country="AZ",
    )
    nameless = Actor(id="actor:li-wei", kind=ActorKind.OFFICIAL, name="李伟", country="AZ")
    raid = Incident(
        id="incident:raid-2025",
        kind=IncidentKind.RAID,
        title="مداهمة",
        date=PartialDate.parse("2025-06-27"),
    )
    dataset = small(
        [measure("a", initiator="actor:aliyev"), measure("b", initiator="actor:li-wei")],
        incidents=(raid,),
        actors=(aliyev, nameless),
    )
    decided = plan(dataset, drawable=lambda text: text.isascii())
    labels = {m.record_id: m.label for lane in decided.lanes for m in lane.marks}
    assert "summon envoy · Ilham Aliyev" == labels["measure:a"]
    assert "summon envoy · li wei" == labels["measure:b"]
    assert "raid 2025" == labels["incident:raid-2025"]


def test_a_title_the_font_cannot_draw_is_refused():
    """A title given in a script the font lacks is an error naming the title."""
    with pytest.raises(ArgumentError, match="cannot draw") as raised:
        plan(CRISIS, title="危机", drawable=lambda text: text.isascii())
    assert "title" == raised.value.argument
    assert "My title" == plan(CRISIS, title="My title").title


def test_a_lane_past_the_limit_is_summarised():
    """More marks than the limit: the lane is counted, not labelled, and says so."""
    many = [measure(f"m{n}", date=f"2025-06-{1 + n % 28:02d}") for n in range(30)]
    (lane,) = plan(small(many), max_marks=29).lanes
    assert lane.summarised
    assert "30 measures, more than 29: counted, not labelled" == lane.description
    assert not plan(small(many), max_marks=30).lanes[0].summarised
    with pytest.raises(ArgumentError):
        plan(small(many), max_marks=0)


def test_undated_records_are_noted():
    """Undated measures are not drawn, and the plan says how many."""
    assert ("2 undated records not drawn.",) == plan(CRISIS).notes


def test_a_date_with_an_open_or_unknown_end_is_drawn_at_its_known_end():
    """EDTF level 1: '2025-06-28/..' is drawn on its start and '../2025-07' on its end, noted."""
    decided = plan(
        small(
            [
                measure("open", date="2025-06-28/.."),
                measure("since", date="../2025-07"),
                measure("digits", date="2025-06-XX"),
            ]
        )
    )
    spans = {m.record_id: (m.start, m.end) for lane in decided.lanes for m in lane.marks}
    assert (dt.date(2025, 6, 28), dt.date(2025, 6, 29)) == spans["measure:open"]
    assert (dt.date(2025, 7, 1), dt.date(2025, 8, 1)) == spans["measure:since"]
    assert (dt.date(2025, 6, 1), dt.date(2025, 7, 1)) == spans["measure:digits"]
    assert ("2 records with an open or unknown end drawn at the known end.",) == decided.notes


def test_a_window_with_an_open_end_is_unbounded_on_that_side():
    """--from '2025-06-27/..' bounds the start only; --to '../2025-07' the end only."""
    records = [measure("a", date="2025-06-20"), measure("b", date="2025-07-10")]
    assert 1 == sum(len(lane.marks) for lane in plan(small(records), start="2025-06-27/..").lanes)
    assert 2 == sum(len(lane.marks) for lane in plan(small(records), end="2025-07-10/..").lanes)
    assert 1 == sum(len(lane.marks) for lane in plan(small(records), end="../2025-06-30").lanes)
