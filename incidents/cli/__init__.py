"""The ``incidents`` command (also ``python -m incidents``), one module per subcommand.

The top of the layering (``docs/architecture.md``): nothing of the package imports it.
"""

from incidents.cli.main import main, parser

__all__ = ["main", "parser"]
