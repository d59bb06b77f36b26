"""A table feature without its extra says which extra to install."""

from __future__ import annotations

import sys

import pytest

import incidents
from incidents.errors import MissingExtraError
from incidents.tables._deps import require


def test_a_missing_package_names_the_extra(monkeypatch):
    """With pyarrow unimportable, incidents.tables raises MissingExtraError naming 'tables'."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'incidents\[tables\]'") as caught:
        incidents.tables(incidents.Dataset())
    assert ("pyarrow", "tables") == (caught.value.module, caught.value.extra)
    assert isinstance(caught.value, incidents.IncidentsError)


def test_pandas_has_its_own_extra(monkeypatch):
    """require('pandas') without pandas names the 'pandas' extra."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"incidents\[pandas\]"):
        require("pandas", "incidents.to_pandas")
