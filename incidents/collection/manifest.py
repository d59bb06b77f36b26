"""The manifest of a collection: ``incidents.toml`` at its root.

It marks the root and settles which files belong to the collection::

    name = "russia-azerbaijan-2025"
    description = "The June-July 2025 crisis, one file per incident"
    format = "1.0"                  # the schema version of the merged dataset
    include = ["**/*.json"]         # globs relative to the root (default: every file)
    exclude = ["drafts/**"]         # globs taken out again (default: none)

Every key is optional. A glob matches the path from the root with ``/`` between folders:
``*`` any characters but ``/``, ``?`` one of them, ``[...]`` one of a set, and ``**`` any
number of folders (``**/*.json`` is every JSON file, at the root too). A problem (E110) is
placed at its line: TOML that does not parse, a key that is not one of these (with the
nearest known key), a value of the wrong type, a version that is not 1.x.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final

import attrs

from incidents.model.dataset import SCHEMA_VERSION

__all__ = [
    "MANIFEST",
    "Manifest",
    "ManifestProblem",
    "glob_pattern",
    "newer",
    "newest",
    "read_manifest",
]

#: The name of the manifest file at a collection's root.
MANIFEST: Final = "incidents.toml"

_KEYS: Final = ("name", "description", "format", "include", "exclude")
_VERSION: Final = re.compile(r"^1\.(0|[1-9][0-9]*)$")
_TOML_PLACE: Final = re.compile(r"\(at line (\d+), column (\d+)\)")


@attrs.frozen(kw_only=True)
class Manifest:
    """What ``incidents.toml`` says; a collection without one has the defaults."""

    #: The collection's name (the folder's name when there is no manifest).
    name: str = ""
    #: What the collection holds, in a sentence.
    description: str = ""
    #: The schema version of the merged dataset, ``None`` for the newest a file declares.
    format: str | None = None
    #: Globs of the files that belong (relative to the root); empty: every file.
    include: tuple[str, ...] = ()
    #: Globs of the files taken out again.
    exclude: tuple[str, ...] = ()

    def selects(self, relative: str) -> bool:
        """Whether the file at ``relative`` (``/`` between folders) belongs."""
        included = not self.include or any(_matches(glob, relative) for glob in self.include)
        return included and not any(_matches(glob, relative) for glob in self.exclude)

    def excludes_folder(self, relative: str) -> bool:
        """Whether everything under the folder at ``relative`` is excluded (it is not walked)."""
        return any(_matches(glob, f"{relative}/") for glob in self.exclude)


@attrs.frozen
class ManifestProblem:
    """A problem with the manifest (code E110), at a line when known."""

    message: str
    line: int | None = None
    column: int | None = None


def read_manifest(path: Path, default_name: str) -> tuple[Manifest, list[ManifestProblem]]:
    """The manifest at ``path`` and its problems; a manifest with problems gives the
    defaults for the keys that are wrong."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return Manifest(name=default_name), [ManifestProblem("the manifest is not UTF-8")]
    except OSError as error:
        reason = error.strerror or str(error)
        return Manifest(name=default_name), [ManifestProblem(f"cannot read it: {reason}")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        place = _TOML_PLACE.search(message)
        line, column = (int(place[1]), int(place[2])) if place else (None, None)
        reason = _TOML_PLACE.sub("", message).strip()
        return Manifest(name=default_name), [ManifestProblem(f"not TOML: {reason}", line, column)]
    return _manifest(data, text, default_name)


def _manifest(
    data: dict[str, Any], text: str, default_name: str
) -> tuple[Manifest, list[ManifestProblem]]:
    problems: list[ManifestProblem] = []
    values: dict[str, Any] = {"name": default_name}
    for key, value in data.items():
        line = _line_of(text, key)
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            known = ", ".join(_KEYS)
            message = f"unknown key {key!r}{hint} The keys are {known}"
            problems.append(ManifestProblem(message, line))
            continue
        problem = _check(key, value)
        if problem is not None:
            problems.append(ManifestProblem(f"{key}: {problem}", line))
            continue
        values[key] = tuple(value) if isinstance(value, list) else value
    return Manifest(**values), problems


def _check(key: str, value: Any) -> str | None:
    """What is wrong with ``value`` for ``key``, or ``None``."""
    if key in ("name", "description"):
        return None if isinstance(value, str) else f"expected a string, not {_kind(value)}"
    if key == "format":
        if not isinstance(value, str):
            return f'expected a version string such as "{SCHEMA_VERSION}", not {_kind(value)}'
        if not _VERSION.fullmatch(value):
            return f'{value!r} is not a 1.x version such as "{SCHEMA_VERSION}"'
        if _minor(value) > _minor(SCHEMA_VERSION):
            return f"version {value} is newer than this library reads ({SCHEMA_VERSION})"
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return f"expected a list of glob strings, not {_kind(value)}"
    for glob in value:
        if not glob or glob.startswith("/") or "\\" in glob:
            return f"{glob!r} is not a glob relative to the root (use / between folders)"
    return None


def _kind(value: Any) -> str:
    return {str: "a string", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), "a list" if isinstance(value, list) else "a table"
    )


def _minor(version: str) -> int:
    return int(version.split(".")[1])


def _line_of(text: str, key: str) -> int | None:
    """The line where ``key`` is set (a bare or quoted key at the start of a line)."""
    pattern = re.compile(rf"^[ \t]*(?:{re.escape(key)}|\"{re.escape(key)}\")[ \t]*=", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


@cache
def glob_pattern(glob: str) -> re.Pattern[str]:
    """The regular expression of a manifest glob (see the module's documentation)."""
    parts: list[str] = []
    index = 0
    while index < len(glob):
        char = glob[index]
        if glob.startswith("**/", index):
            parts.append("(?:[^/]*/)*")
            index += 3
            continue
        if glob.startswith("**", index):
            parts.append(".*")
            index += 2
            continue
        if char == "*":
            parts.append("[^/]*")
        elif char == "?":
            parts.append("[^/]")
        elif char == "[":
            end = glob.find("]", index + 2)
            if end == -1:
                parts.append(re.escape(char))
            else:
                body = glob[index + 1 : end]
                negate = body.startswith("!")
                body = body[1:] if negate else body
                parts.append(f"[{'^' if negate else ''}{body.replace(chr(92), chr(92) * 2)}]")
                index = end
        else:
            parts.append(re.escape(char))
        index += 1
    return re.compile("".join(parts))


def _matches(glob: str, relative: str) -> bool:
    return glob_pattern(glob).fullmatch(relative) is not None


def newest(versions: Sequence[str]) -> str:
    """The newest of some 1.x versions (``SCHEMA_VERSION`` if there are none)."""
    return max(versions, key=_minor) if versions else SCHEMA_VERSION


def newer(version: str, than: str) -> bool:
    """Whether the 1.x ``version`` is newer than ``than``."""
    return _minor(version) > _minor(than)
