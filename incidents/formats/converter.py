"""The one cattrs converter that turns records into plain data and back.

Unstructuring omits fields equal to their defaults (``schema_version`` is always written),
keeps the field declaration order, writes tuples as lists, partial dates as EDTF text and
vocabulary members as their strings. Structuring is strict: no extra keys, no type coercion
(``"5"`` is not a number, ``1`` is not ``True``), arrays must be JSON arrays.

This is the fast path: it raises on the first problem without saying where. The readers
(:mod:`incidents.formats.json`) fall back to :func:`incidents.formats._diagnosis.diagnose` to list
every problem with its path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import UnionType
from typing import Any, TypeVar, Union, cast, get_args, get_origin

import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from incidents._compile.loaders import load
from incidents.model.dataset import Dataset
from incidents.model.dates import PartialDate
from incidents.model.vocabulary import Vocabulary

__all__ = ["converter", "structure_dataset", "structure_record", "unstructure_dataset"]


T = TypeVar("T")


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(
        omit_if_default=True,
        forbid_extra_keys=True,
        detailed_validation=False,
        unstruct_collection_overrides={Sequence: list},
    )

    def structure_str(value: Any, _: Any) -> str:
        if type(value) is not str:
            raise TypeError(f"expected a string, not {type(value).__name__}")
        return value

    def structure_int(value: Any, _: Any) -> int:
        if type(value) is float and value.is_integer():  # 38.0 is the integer 38 in JSON
            return int(value)
        if type(value) is not int:
            raise TypeError(f"expected an integer, not {type(value).__name__}")
        return value

    def structure_float(value: Any, _: Any) -> float:
        if type(value) is not float and type(value) is not int:
            raise TypeError(f"expected a number, not {type(value).__name__}")
        return float(value)

    def structure_bool(value: Any, _: Any) -> bool:
        if type(value) is not bool:
            raise TypeError(f"expected true or false, not {type(value).__name__}")
        return value

    def structure_date(value: Any, _: Any) -> PartialDate:
        if type(value) is not str:
            raise TypeError(f"expected EDTF text, not {type(value).__name__}")
        return PartialDate.parse(value)

    conv.register_structure_hook(str, structure_str)
    conv.register_structure_hook(int, structure_int)
    conv.register_structure_hook(float, structure_float)
    conv.register_structure_hook(bool, structure_bool)
    conv.register_structure_hook(PartialDate, structure_date)
    conv.register_unstructure_hook(PartialDate, str)

    def structure_member(value: Any, kind: type[Vocabulary]) -> Vocabulary:
        if type(value) is not str:
            raise TypeError(f"expected a string, not {type(value).__name__}")
        return kind(value)

    # Registered on the base class: single dispatch prefers it to the ``str`` hooks above.
    conv.register_structure_hook(Vocabulary, structure_member)
    conv.register_unstructure_hook(Vocabulary, lambda member: member.value)

    def is_homogeneous_tuple(kind: Any) -> bool:
        args = get_args(kind)
        return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis

    def tuple_hook(kind: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item_type = get_args(kind)[0]
        item_hook = conv.get_structure_hook(item_type)

        def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise TypeError(f"expected an array, not {type(value).__name__}")
            return tuple([item_hook(item, item_type) for item in value])

        return structure_tuple

    conv.register_structure_hook_factory(is_homogeneous_tuple, tuple_hook)

    def is_optional(kind: Any) -> bool:
        args = get_args(kind)
        return get_origin(kind) in (Union, UnionType) and len(args) == 2 and type(None) in args

    def optional_hook(kind: Any) -> Callable[[Any, Any], Any]:
        inner = next(arg for arg in get_args(kind) if arg is not type(None))
        inner_hook = conv.get_structure_hook(inner)

        def structure_present(value: Any, _: Any) -> Any:
            if value is None:
                raise TypeError("null is not allowed: leave the field out instead")
            return inner_hook(value, inner)

        return structure_present

    # Optional fields are left out when absent; an explicit null is refused.
    conv.register_structure_hook_factory(is_optional, optional_hook)
    conv.register_unstructure_hook(
        Dataset,
        make_dict_unstructure_fn(
            Dataset,
            conv,
            _cattrs_omit_if_default=True,
            schema_version=override(omit_if_default=False),
        ),
    )
    return conv


#: The library's converter. Use it to unstructure or structure single records too:
#: ``converter.unstructure(actor)``, ``converter.structure(data, Actor)``.
converter: cattrs.Converter = _make_converter()


def unstructure_dataset(dataset: Dataset) -> dict[str, Any]:
    """The dataset as plain JSON-ready data."""
    data: dict[str, Any] = converter.unstructure(dataset, Dataset)
    return data


def structure_dataset(data: Any) -> Dataset:
    """Build a dataset from plain data (fast path; raises on the first problem)."""
    return structure_record(data, Dataset)


def structure_record(data: Any, cls: type[T]) -> T:
    """Build a record of class ``cls`` from plain data (raises on the first problem).

    The compiled loader (:mod:`incidents._compile.loaders`) goes first; when it declines, the
    converter decides, and raises on the first problem.
    """
    record = load(data, cls, pairs=False)
    if record is not None:
        return cast(T, record)
    return converter.structure(data, cls)
