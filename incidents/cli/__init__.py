"""The ``incidents`` command (also ``python -m incidents``), one module per subcommand.

The top of the layering (``docs/architecture.md``): nothing of the package imports it.
``incidents --version`` (or ``-V``) is answered here, before the parser and its subcommand
modules are imported: a pre-commit hook that asks for the version pays only for
``import incidents``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from incidents._version import __version__

if TYPE_CHECKING:
    import argparse

__all__ = ["main", "parser"]

#: The arguments answered without building the parser.
_VERSION_ONLY = (["--version"], ["-V"])


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: the process arguments); the exit code."""
    if (sys.argv[1:] if argv is None else list(argv)) in _VERSION_ONLY:
        print(f"incidents {__version__}")
        return 0
    from incidents.cli.app import main as run

    return run(argv)


def parser() -> argparse.ArgumentParser:
    """The command line's parser (:func:`incidents.cli.app.parser`)."""
    from incidents.cli.app import parser as build

    return build()
