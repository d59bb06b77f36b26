"""The garbage collector is paused while reading and always restored afterwards."""

from __future__ import annotations

import gc

import pytest

import incidents
from incidents._compile.gc_pause import gc_paused


def test_gc_is_restored_after_success_and_failure():
    """Reading valid and invalid documents leaves the collector as it was."""
    assert gc.isenabled()
    incidents.from_json('{"schema_version": "1.0"}')
    with pytest.raises(incidents.ParseError):
        incidents.from_json("{")
    incidents.validate(b"[]")
    assert gc.isenabled()


def test_gc_stays_off_when_it_was_off():
    """A caller that disabled the collector finds it still disabled."""
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_pause_can_be_switched_off_for_the_benchmark_harness():
    from incidents._compile import gc_pause

    previous = gc_pause.set_pause(False)
    try:
        with gc_paused():
            assert gc.isenabled()  # the collector stays as the caller left it
        assert gc.isenabled()
    finally:
        gc_pause.set_pause(previous)
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
