"""Compiled loaders: plain data to records in one pass, with the field checks inlined.

For each record class, :func:`loader` generates (once) a Python function that checks a
plain value against the class's fields (unknown and missing keys, types, every field check)
and builds the record without running its validators a second time: each check is done
inline, most as one type test and one regular expression or set lookup. Record rules
across fields (``__attrs_post_init__``) run as usual.

The loaders are a fast path only. They accept nothing the converter and the record classes
would refuse, and on anything unusual they decline: :func:`load` returns ``None`` and the
caller takes the converter's path (and, when that fails too, the diagnosis walk that says
what is wrong and where). ``tests/_compile/test_fast_load.py`` holds the two paths to the same
records.

Two input forms:

* dicts, as the XML reader builds them and as callers pass them;
* for JSON, objects as tuples of ``(key, value)`` pairs, as
  ``json.loads(text, object_pairs_hook=tuple)`` gives them, so that a key written twice is
  seen rather than silently merged. JSON arrays stay lists, so the two never mix.
"""

from __future__ import annotations

import math
import re
import types
from collections.abc import Callable, Hashable
from functools import cache
from typing import Any, Final, TypeVar, Union, get_args, get_origin

import attrs

from incidents._compile.codegen import define
from incidents.model._convert import FAITHFUL
from incidents.model._fields import (
    _LANGUAGE,
    _PLAIN_LINE,
    Check,
    Country,
    Each,
    FloatRange,
    InstanceOf,
    IntRange,
    Language,
    Maybe,
    Pattern,
    Ref,
    Text,
)
from incidents.model.claims import Claim, ClaimOf
from incidents.model.countries import COUNTRIES
from incidents.model.dates import PartialDate, _parse_cached
from incidents.model.ids import MAX_ID_LENGTH, SLUG_PATTERN
from incidents.model.vocabulary import Vocabulary

__all__ = ["DeclinedError", "load", "loader"]

#: Integers the JSON reader flags as too large (more than 20 digits) are refused here too.
_INTEGER_LIMIT: Final = 10**20
_INDENT: Final = "    "
#: The line (indented one level) that leaves the fast path.
_RAISE: Final = "    raise DeclinedError"
#: How many well-formed ids of one kind are remembered (about 10 MB at the longest).
_GOOD_IDS_KEPT: Final = 65_536


class DeclinedError(Exception):
    """The fast path declines a value: the caller takes the converter's path instead."""


class _UnsupportedError(Exception):
    """A field the compiler does not know how to check inline (then no loader is made)."""


def load(
    data: Any,
    cls: Any,
    *,
    pairs: bool,
    required: frozenset[str] = frozenset(),
    build: bool = True,
) -> Any:
    """``cls`` built from ``data`` by the compiled loader, or ``None`` if it declines.

    ``pairs``: objects are tuples of (key, value) pairs rather than dicts. ``required``
    names fields of the outermost record that must be present even though they have a
    default (a document's ``schema_version``).

    ``build=False`` checks the data exactly as for building without keeping the records
    (they are built only where a rule across fields, ``__attrs_post_init__``, must run, and
    dropped), for ``validate``. From pairs it returns the data as plain data, objects as
    dicts, as ``json.loads`` would give it; from dicts it returns how many keys the objects
    have in all, which tells a caller that can count the keys of the text whether one was
    given twice.
    """
    function = loader(cls, pairs, required, build)
    if function is None:
        return None
    try:
        return function(data)
    except Exception:  # any doubt: the slow path decides, and says why
        return None


@cache
def loader(
    cls: Any, pairs: bool, required: frozenset[str] = frozenset(), build: bool = True
) -> Callable[[Any], Any] | None:
    """The compiled loader for ``cls`` (``None`` if a field cannot be compiled)."""
    compiler = _Compiler(pairs, build)
    try:
        name = compiler.record(cls, None, required)
    except _UnsupportedError:
        return None
    source = "\n\n".join(compiler.functions) + "\n"
    # One name per loader, so that each keeps its own lines in tracebacks.
    given = "pairs" if pairs else "dicts"
    needs = f", requiring {', '.join(sorted(required))}" if required else ""
    filename = f"<incidents loader for {cls!r}: {compiler.output} from {given}{needs}>"
    function: Callable[[Any], Any] = define(source, filename, compiler.namespace)[name]
    return function


class _Compiler:
    """Writes the source of one loader function per (record class, value check)."""

    def __init__(self, pairs: bool, build: bool) -> None:
        self.pairs = pairs
        self.build = build
        #: What a record's function returns: the record, its plain data, or its key count.
        self.output = "record" if build else "plain" if pairs else "count"
        self.namespace: dict[str, Any] = {
            "DeclinedError": DeclinedError,
            "_new": object.__new__,
            "_setattr": object.__setattr__,
            "_plain_line": _PLAIN_LINE.fullmatch,
            "_date": _parse_date,
            "_isfinite": math.isfinite,
        }
        self.names: dict[Hashable, str] = {}
        self.constants: dict[int, str] = {}
        self.functions: list[str] = []
        self.counter = 0

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def constant(self, value: Any) -> str:
        """A name in the generated code's namespace bound to ``value``."""
        name = self.constants.get(id(value))
        if name is None:
            name = self.fresh("_k")
            self.constants[id(value)] = name
            self.namespace[name] = value
        return name

    # -------------------------------------------------------------------------- records

    def record(self, kind: Any, value_check: Check | None, required: frozenset[str]) -> str:
        key = (kind, value_check, required)
        if key in self.names:
            return self.names[key]
        name = self.fresh("_load_")
        self.names[key] = name  # before the body: a recursive type refers to this name
        origin = get_origin(kind) or kind
        if not attrs.has(origin):
            raise _UnsupportedError(kind)
        typevars = dict(zip(getattr(origin, "__parameters__", ()), get_args(kind), strict=False))
        attrs.resolve_types(origin)
        fields = attrs.fields(origin)
        known = self.constant(frozenset(field.name for field in fields))
        lines = [f"def {name}(d):"]
        if self.pairs:
            lines += [
                "    if type(d) is not tuple:",
                _INDENT + _RAISE,
                "    m = dict(d)",
                f"    if len(m) != len(d) or not {known}.issuperset(m):",
                _INDENT + _RAISE,
            ]
        else:
            lines += [
                f"    if type(d) is not dict or not {known}.issuperset(d):",
                _INDENT + _RAISE,
                "    m = d",
            ]
            if self.output == "count":
                lines.append("    n = len(m)")
        afterwards: list[str] = []
        for position, field in enumerate(fields):
            # A converter of the constructors (incidents.model._convert) returns values of
            # the field's type unchanged, and the loader builds only such values: skip it.
            converter = field.converter
            if not field.init or field.alias != field.name or converter not in (None, *FAITHFUL):
                raise _UnsupportedError(field)
            kind_of_field = typevars.get(field.type, field.type)
            if isinstance(kind_of_field, TypeVar):
                raise _UnsupportedError(field)
            check = field.validator
            if origin is Claim and field.name == "value":
                check = value_check  # a claim's value is checked by the ClaimOf around it
            target = f"f{position}"
            value_lines = self.value(kind_of_field, check, "v", target, afterwards, field)
            if self.output == "plain" and _holds_records(kind_of_field):
                value_lines.append(f"m[{field.name!r}] = {target}")  # the record as plain data
            if self.output == "count" and _holds_records(kind_of_field):
                value_lines += [f"n += {target}", f"{target} = v"]  # the rules see the data
            lines += self.field(field, required, value_lines, target)
        rules = bool(afterwards) or hasattr(origin, "__attrs_post_init__")
        result = {"record": "o", "plain": "m", "count": "n"}[self.output]
        if not self.build and not rules:
            lines.append(f"    return {result}")
            self.functions.append("\n".join(lines))
            return name
        cls_name = self.constant(origin)
        lines.append(f"    o = _new({cls_name})")
        for position, field in enumerate(fields):
            slot = getattr(origin, field.name, None)
            if isinstance(slot, types.MemberDescriptorType):  # a slot: set it directly
                lines.append(f"    {self.constant(slot.__set__)}(o, f{position})")
            else:
                lines.append(f"    _setattr(o, {field.name!r}, f{position})")
        lines += afterwards
        if hasattr(origin, "__attrs_post_init__"):
            # Without build, nested records are plain data here: the rules across fields
            # read scalars, dates and whether a list is empty. A rule that reads more fails
            # on a dict, and the slow path decides.
            lines.append("    o.__attrs_post_init__()")
        lines.append(f"    return {result}")
        self.functions.append("\n".join(lines))
        return name

    def field(
        self,
        field: attrs.Attribute[Any],
        required: frozenset[str],
        value_lines: list[str],
        target: str,
    ) -> list[str]:
        """Read one field from ``m`` into ``target``: the default when absent, if it has one."""
        default = field.default
        if default is attrs.NOTHING or field.name in required:
            return [f"    v = m[{field.name!r}]", *_indent(value_lines, 1)]
        factory = getattr(default, "factory", None)  # attrs.Factory(...)
        if factory is not None:
            if getattr(default, "takes_self", False):
                raise _UnsupportedError(field)
            fallback = f"{self.constant(factory)}()"
        else:
            fallback = self.constant(default)
        return [
            f"    if {field.name!r} in m:",
            f"        v = m[{field.name!r}]",
            *_indent(value_lines, 2),
            "    else:",
            f"        {target} = {fallback}",
        ]

    # --------------------------------------------------------------------------- values

    def value(
        self,
        kind: Any,
        check: Any,
        source: str,
        target: str,
        afterwards: list[str],
        field: attrs.Attribute[Any],
    ) -> list[str]:
        """Lines (indent 0) checking ``source`` against ``kind`` and ``check``, into ``target``."""
        if check is not None and not isinstance(check, Check):
            # A validator that is not one of ours: run it on the built record, as attrs would.
            validator = self.constant(check)
            attribute = self.constant(field)
            afterwards.append(f"    {validator}(o, {attribute}, o.{field.name})")
            check = None
        if get_origin(kind) in (Union, types.UnionType):
            members = [member for member in get_args(kind) if member is not type(None)]
            if len(members) != 1:
                raise _UnsupportedError(kind)
            inner = check.check if isinstance(check, Maybe) else check
            # An explicit null is refused (an absent optional field is left out): every
            # value's code starts with a type test that None fails.
            return self.value(members[0], inner, source, target, afterwards, field)
        if isinstance(check, Maybe):
            check = check.check
        if get_origin(kind) is tuple:
            return self.sequence(kind, check, source, target, afterwards, field)
        if kind is PartialDate:  # a record class, but written as EDTF text
            self.implied(check, PartialDate)
            return [
                f"if type({source}) is not str:",
                _RAISE,
                f"{target} = _date({source})",
            ]
        if attrs.has(get_origin(kind) or kind):
            return [f"{target} = {self.nested(kind, check)}({source})"]
        lines: list[str]
        if kind is str:
            lines = [f"if type({source}) is not str:", _RAISE]
            lines += self.text(check, source)
            return [*lines, f"{target} = {source}"]
        if kind is bool:
            self.implied(check, bool)
            return [f"if type({source}) is not bool:", _RAISE, f"{target} = {source}"]
        if kind is int:
            return self.integer(check, source, target)
        if kind is float:
            return self.number(check, source, target)
        if isinstance(kind, type) and issubclass(kind, Vocabulary):
            self.implied(check, kind)
            lookup = self.constant({member.value: member for member in kind})
            return [
                f"if type({source}) is not str:",
                _RAISE,
                f"{target} = {lookup}[{source}]",
            ]
        raise _UnsupportedError(kind)

    def nested(self, kind: Any, check: Any) -> str:
        """The loader of a nested record (a claim's value check comes from its ClaimOf)."""
        if isinstance(check, ClaimOf):
            return self.record(kind, check.check, frozenset())
        self.implied(check, get_origin(kind) or kind)
        return self.record(kind, None, frozenset())

    def sequence(
        self,
        kind: Any,
        check: Any,
        source: str,
        target: str,
        afterwards: list[str],
        field: attrs.Attribute[Any],
    ) -> list[str]:
        args = get_args(kind)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise _UnsupportedError(kind)
        if check is not None and not isinstance(check, Each):
            raise _UnsupportedError(check)
        item_check = check.check if check is not None else None
        lines = [f"if type({source}) is not list:", _RAISE]
        if check is not None and check.min_items:
            lines += [f"if len({source}) < {check.min_items}:", _RAISE]
        item_kind = args[0]
        if item_kind is not PartialDate and attrs.has(get_origin(item_kind) or item_kind):
            made = {"record": "tuple", "plain": "list", "count": "sum"}[self.output]
            function = self.nested(item_kind, item_check)
            return [*lines, f"{target} = {made}(map({function}, {source}))"]
        item, built, items = self.fresh("x"), self.fresh("y"), self.fresh("t")
        body = self.value(item_kind, item_check, item, built, afterwards, field)
        return [
            *lines,
            f"{items} = []",
            f"for {item} in {source}:",
            *_indent(body, 1),
            f"    {items}.append({built})",
            f"{target} = tuple({items})",
        ]

    def text(self, check: Any, source: str) -> list[str]:
        """Checks of a string ``source`` (its type already tested)."""
        if check is None:
            return []
        if isinstance(check, Text):
            name = self.constant(check)
            return [
                f"if not (len({source}) <= {check.max_length} and _plain_line({source})) "
                f"and not {name}.settled({source}) and {name}.rule_broken({source}) is not None:",
                _RAISE,
            ]
        if isinstance(check, Ref):
            # Ids recur (every citation names a source): remember the ones seen to be good.
            pattern = self.constant(_ref_pattern(check.kinds))
            good = self.constant(_good_ids(check.kinds))
            return [
                f"if {source} not in {good}:",
                f"    if len({source}) > {MAX_ID_LENGTH} or not {pattern}({source}):",
                _INDENT + _RAISE,
                f"    if len({good}) < {_GOOD_IDS_KEPT}:",
                f"        {good}.add({source})",
            ]
        if isinstance(check, Country):
            countries = self.constant(frozenset(COUNTRIES))
            return [f"if {source} not in {countries}:", _RAISE]
        if isinstance(check, Language):
            language = self.constant(_LANGUAGE.fullmatch)
            return [f"if len({source}) > 35 or not {language}({source}):", _RAISE]
        if isinstance(check, Pattern):
            pattern = self.constant(re.compile(check.regex).fullmatch)
            return [f"if not {pattern}({source}):", _RAISE]
        if isinstance(check, InstanceOf) and check.kind is str:
            return []
        return self.generic(check, source)

    def integer(self, check: Any, source: str, target: str) -> list[str]:
        # An integral float (38.0, 1e2, -0.0) is an integer in JSON Schema (and in
        # JavaScript, where the two cannot be told apart): it is read as the int it equals.
        lines = [
            f"{target} = {source}",
            f"if type({target}) is not int:",
            f"    if type({target}) is not float or not {target}.is_integer():",
            f"    {_RAISE}",
            f"    {target} = int({target})",
        ]
        if isinstance(check, IntRange):
            bounds = f"{check.minimum} <= {target} <= {check.maximum}"
        else:
            bounds = f"-{_INTEGER_LIMIT} < {target} < {_INTEGER_LIMIT}"
            lines += self.generic(check, target)
        return [*lines, f"if not ({bounds}):", _RAISE]

    def number(self, check: Any, source: str, target: str) -> list[str]:
        lines = [
            f"if type({source}) is not float and type({source}) is not int:",
            _RAISE,
            f"{target} = float({source})",
        ]
        if isinstance(check, FloatRange):
            low, high = float(check.minimum), float(check.maximum)
            if not (math.isfinite(low) and math.isfinite(high)):
                raise _UnsupportedError(check)
            return [*lines, f"if not ({low!r} <= {target} <= {high!r}):", _RAISE]
        lines += [f"if not _isfinite({target}):", _RAISE]
        return lines + self.generic(check, target)

    def implied(self, check: Any, kind: type) -> None:
        """Accept a check the structuring itself guarantees (``InstanceOf`` of the type)."""
        if check is None:
            return
        if (
            isinstance(check, InstanceOf)
            and isinstance(check.kind, type)
            and issubclass(kind, check.kind)
        ):
            return
        raise _UnsupportedError(check)

    def generic(self, check: Any, source: str) -> list[str]:
        if check is None:
            return []
        return [f"if {self.constant(check)}.problem({source}) is not None:", _RAISE]


#: EDTF text to a date (the type is tested first; each text is parsed once).
_parse_date: Final = _parse_cached


def _indent(lines: list[str], levels: int) -> list[str]:
    return [_INDENT * levels + line for line in lines]


def _holds_records(kind: Any) -> bool:
    """Whether values of ``kind`` are records (or optional, or tuples of records)."""
    if get_origin(kind) in (Union, types.UnionType, tuple):
        return any(_holds_records(arg) for arg in get_args(kind) if arg is not Ellipsis)
    return kind is not PartialDate and attrs.has(get_origin(kind) or kind)


@cache
def _good_ids(kinds: tuple[str, ...]) -> set[str]:
    """Ids of these kinds already seen to be well formed (at most :data:`_GOOD_IDS_KEPT`)."""
    return set()


@cache
def _ref_pattern(kinds: tuple[str, ...]) -> Callable[[str], re.Match[str] | None]:
    alternatives = "|".join(re.escape(kind) for kind in kinds)
    return re.compile(f"(?:{alternatives}):{SLUG_PATTERN}").fullmatch
