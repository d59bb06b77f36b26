"""Shared test set-up: Hypothesis profiles and the heavy tests.

The default profile is quick, so the README's test command is one a newcomer can wait for;
``HYPOTHESIS_PROFILE=ci`` (which ``.ci/run`` runs over the property tests, ``-m
hypothesis``, after the whole suite) runs fifteen times as many examples, and
``HYPOTHESIS_PROFILE=thorough`` many more (for a night or before a release).

``INCIDENTS_HEAVY=1`` also runs the tests marked ``heavy`` (each takes more than a few
seconds: the soak test, the fuzzing campaign, the slowest linear-time cases); ``.ci/run``
sets it. Without it they are skipped, with a reason saying how to run them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from lxml import etree

import incidents
from incidents.formats import files
from incidents.formats import xml as xml_format

settings.register_profile(
    "default",
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: Whether the heavy tests run (``INCIDENTS_HEAVY=1``).
HEAVY = os.environ.get("INCIDENTS_HEAVY") == "1"


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``heavy`` marker."""
    config.addinivalue_line("markers", "heavy: takes more than a few seconds; INCIDENTS_HEAVY=1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the heavy tests unless ``INCIDENTS_HEAVY=1``."""
    if HEAVY:
        return
    skip = pytest.mark.skip(reason="heavy: run with INCIDENTS_HEAVY=1 (as .ci/run does)")
    for item in items:
        if "heavy" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _validate_every_xml_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every XML document any test produces is checked against the committed XSD."""
    original = xml_format.to_xml

    def checked(dataset: Any) -> bytes:
        document = original(dataset)
        tree = etree.fromstring(document)
        assert _XSD.validate(tree), str(_XSD.error_log)
        return document

    for module in (incidents, xml_format, files):
        monkeypatch.setattr(module, "to_xml", checked)


_XSD = etree.XMLSchema(
    etree.fromstring(
        (Path(__file__).resolve().parent.parent / "schemas" / "incidents.xsd").read_bytes()
    )
)
