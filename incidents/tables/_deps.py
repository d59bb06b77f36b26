"""The optional packages the tables need, imported when first used.

``import incidents`` never imports pyarrow, duckdb or pandas: each function that needs one
calls :func:`require`, which imports it then, or raises
:class:`~incidents.errors.MissingExtraError` naming the extra that installs it.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Final

from incidents.errors import MissingExtraError

__all__ = ["EXTRAS", "require"]

#: The extra that installs each optional package the tables use.
EXTRAS: Final = {"pyarrow": "tables", "duckdb": "tables", "pandas": "pandas"}


def require(module: str, feature: str) -> ModuleType:
    """Import ``module`` (``"pyarrow"``, ``"duckdb"``, ``"pandas"`` or a submodule such as
    ``"pyarrow.parquet"``) for ``feature``; :class:`MissingExtraError` if it is missing."""
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.partition(".")[0]
        raise MissingExtraError(top, EXTRAS.get(top, "tables"), feature) from None
