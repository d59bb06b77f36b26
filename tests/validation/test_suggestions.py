"""Did-you-mean for dangling references, the same from every validator."""

from __future__ import annotations

import io
import json

import pytest

import incidents
from incidents import examples
from incidents.validation import _suggestions


def _crisis_with(**changes: str) -> dict[str, object]:
    document = json.loads(incidents.to_json(examples.load("russia-azerbaijan-2025")))
    measure = document["measures"][0]
    measure.update(changes)
    return document


@pytest.mark.parametrize(
    ("initiator", "suggested"),
    [
        ("actor:az-mfaa", "actor:az-mfa"),
        ("actor:azerbajan", "actor:azerbaijan"),
        ("actor:zzzzzz", None),
    ],
)
def test_a_dangling_id_names_the_nearest_id_of_its_kind(
    initiator: str, suggested: str | None
) -> None:
    """E402 suggests the nearest actor id in JSON, JSON Lines and for a Dataset alike."""
    document = _crisis_with(initiator=initiator)
    report = incidents.validate(json.dumps(document).encode())
    (problem,) = report.problems
    tail = f"; did you mean {suggested!r}?" if suggested else "which is not in this dataset"
    assert problem.message.endswith(tail)
    dataset = incidents.from_json(json.dumps(document))
    lines = incidents.to_jsonl(dataset).encode()
    streamed = list(incidents.validate_jsonl(io.BytesIO(lines)))
    assert [problem.message] == [p.message for p in streamed]
    assert [problem.message] == [p.message for p in incidents.validate(dataset)]


def test_a_dangling_source_suggests_a_source() -> None:
    """E403 suggests the nearest source id."""
    document = _crisis_with(citations=[{"source": "source:mt-rift-deepen"}])
    (problem,) = incidents.validate(json.dumps(document).encode()).problems
    assert problem.message.endswith("did you mean 'source:mt-rift-deepens'?")


def test_problems_after_a_dangling_reference_keep_their_order_in_json_lines() -> None:
    """The stream holds problems back from the first dangling reference on, and gives them
    in the same order as the whole document."""
    document = _crisis_with(initiator="actor:az-mfaa")
    document["measures"][3]["initiator"] = "actor:nobody-at-all"
    document["measures"][5]["id"] = document["measures"][4]["id"]
    whole = [(p.code, p.message) for p in incidents.validate(json.dumps(document).encode())]
    dataset = incidents.from_json(json.dumps(document))
    lines = incidents.to_jsonl(dataset).encode()
    streamed = [(p.code, p.message) for p in incidents.validate_jsonl(io.BytesIO(lines))]
    assert [code for code, _ in whole] == [code for code, _ in streamed]
    assert [m for c, m in whole if c == "E402"] == [m for c, m in streamed if c == "E402"]
    assert ["E401", "E402", "E402"] == sorted(code for code, _ in whole)


def test_suggestions_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_SUGGESTED distinct values, and in datasets past MAX_IDS ids, none is looked up."""
    monkeypatch.setattr(_suggestions, "MAX_SUGGESTED", 1)
    suggester = _suggestions.Suggester(lambda: ["actor:az-mfa", "actor:ru-mfa"])
    first = suggester.message("E402", "refers to 'actor:az-mfaa', which is not in this dataset")
    second = suggester.message("E402", "refers to 'actor:ru-mfaa', which is not in this dataset")
    assert first.endswith("did you mean 'actor:az-mfa'?")
    assert second.endswith("which is not in this dataset")
    monkeypatch.setattr(_suggestions, "MAX_IDS", 1)
    crowded = _suggestions.Suggester(lambda: ["actor:az-mfa", "actor:ru-mfa"])
    assert "did you mean" not in crowded.message("E402", "refers to 'actor:az-mfaa', which x")
    assert "other" == crowded.message("E404", "other")
