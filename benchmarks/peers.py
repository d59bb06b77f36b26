"""The peers of the harness: loaded if installed, left out (and said so) if not."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import jsonschema

import incidents


@dataclass
class Peers:
    pydantic: Any = None
    msgspec: Any = None
    xsdata: Any = None
    jsonschema: Any = None
    jsonschema_rs: Any = None
    missing: list[str] = field(default_factory=list)


def load_peers() -> Peers:
    peers = Peers()
    schema = incidents.json_schema()
    peers.jsonschema = jsonschema.Draft202012Validator(schema)
    try:
        from benchmarks import peers_pydantic

        peers.pydantic = peers_pydantic
    except ImportError as error:
        peers.missing.append(f"pydantic ({error})")
    try:
        from benchmarks import peers_msgspec

        peers.msgspec = peers_msgspec
    except ImportError as error:
        peers.missing.append(f"msgspec ({error})")
    try:
        from benchmarks.peers_xsdata import Binding

        peers.xsdata = Binding()
    except (ImportError, subprocess.CalledProcessError, OSError) as error:
        peers.missing.append(f"xsdata ({error})")
    try:
        import jsonschema_rs

        peers.jsonschema_rs = jsonschema_rs.validator_for(schema)
    except ImportError as error:
        peers.missing.append(f"jsonschema-rs ({error})")
    return peers


def jsonschema_errors(validator: Any, document: bytes) -> list[Any]:
    return list(validator.iter_errors(json.loads(document)))


def fails(function: Callable[[bytes], object], document: bytes) -> bool:
    try:
        function(document)
    except Exception:  # the peer's validation error, whatever its class
        return True
    return False
