"""The benchmark harness's corpus and peers work: a smoke test, with no timing in it.

The peers (pydantic, msgspec) are not in the test extra, so the test is skipped without them
(``pip install -e '.[bench]'`` installs them). It checks that the generated corpus is what the
library calls clean, and that the library, the pydantic models and the msgspec Structs give
the same verdict on a valid document and on broken ones: the benchmark compares like with like.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pydantic", minversion="2")
pytest.importorskip("msgspec")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import incidents  # noqa: E402
from benchmarks import corpus, peers_msgspec, peers_pydantic  # noqa: E402


def _verdicts(document: bytes) -> tuple[bool, bool, bool]:
    """Whether from_json, pydantic and msgspec each accept the document."""
    verdicts = []
    for load in (incidents.from_json, peers_pydantic.load, peers_msgspec.load):
        try:
            load(document)
        except Exception:  # each library raises its own error class
            verdicts.append(False)
        else:
            verdicts.append(True)
    return verdicts[0], verdicts[1], verdicts[2]


@pytest.mark.parametrize("size", [1, 24])
def test_corpus_is_clean_and_in_the_library_form(size: int) -> None:
    data = corpus.document(size)
    raw = corpus.to_bytes(data)
    report = incidents.validate(raw)
    assert () == report.problems, str(report)
    assert raw == incidents.to_json(incidents.from_json(raw)).encode("utf-8")
    assert data == corpus.document(size)  # deterministic


def test_peers_agree_with_the_library_on_a_valid_document() -> None:
    raw = corpus.to_bytes(corpus.document(24))
    assert (True, True, True) == _verdicts(raw)
    # Both peers write the library's JSON back, byte for byte.
    assert raw == peers_pydantic.dump(peers_pydantic.load(raw)).encode("utf-8")
    assert raw == peers_msgspec.dump(peers_msgspec.load(raw))


def _broken(change: str) -> bytes:
    data: dict[str, Any] = copy.deepcopy(corpus.document(24))
    raid = data["incidents"][0]
    if change == "country":
        raid["location"]["country"] = "ru"
    elif change == "unknown field":
        raid["titel"] = raid["title"]
    elif change == "id kind":
        data["measures"][0]["initiator"] = "source:x"
    elif change == "nfd":
        raid["title"] = "Cafe\u0301"
    elif change == "date":
        raid["date"] = "2025-02-30"
    elif change == "count":
        raid["casualties"][0]["count"][0]["value"] = {"best": 5, "low": 6, "qualifier": "about"}
    elif change == "null":
        raid["summary"] = None
    elif change == "type":
        raid["casualties"][0]["count"][0]["value"]["best"] = "50"
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(
    "change", ["country", "unknown field", "id kind", "nfd", "date", "count", "null", "type"]
)
def test_peers_agree_with_the_library_on_an_invalid_document(change: str) -> None:
    assert (False, False, False) == _verdicts(_broken(change))


def test_the_problem_corpus_has_problems_for_everyone() -> None:
    raw = corpus.to_bytes(corpus.with_problems(corpus.document(100)))
    assert not incidents.validate(raw).ok
    assert (False, False, False) == _verdicts(raw)


@pytest.mark.parametrize("size", [14, 137, 1000])
def test_the_stream_holds_the_records_of_the_document(size: int) -> None:
    """corpus.stream (the Dask benchmark's shards) yields the records of corpus.document."""
    data = corpus.document(size)
    streamed: dict[str, list[Any]] = {}
    for key, record in corpus.stream(size):
        streamed.setdefault(f"{key}s", []).append(record)
    for key in ("actors", "sources", "incidents", "measures"):
        assert sorted(map(repr, streamed.get(key, []))) == sorted(map(repr, data.get(key, [])))
