"""``incidents vocab``: every closed vocabulary, or one, with descriptions and codes."""

from __future__ import annotations

import argparse
import difflib
import sys
import textwrap
from typing import TYPE_CHECKING

from incidents.cli.console import OK, Subcommands, exit_codes, fail, subcommand

if TYPE_CHECKING:
    from incidents.model.measure_kinds import CodeMapping
    from incidents.model.vocabulary import Vocabulary

__all__ = ["add_parser", "render", "vocab"]

_INDENT = " " * 6


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents vocab`` to the command line."""
    command = subcommand(
        commands,
        "vocab",
        "list the terms of the closed vocabularies",
        "Print a vocabulary's terms with what each means; measure kinds with their CAMEO and "
        "PLOVER codes (~ marks the nearest code where there is no equivalent). With no NAME, "
        "every vocabulary.",
        """examples:
  incidents vocab MeasureKind
  incidents vocab""",
        exit_codes("the terms printed", None, "usage error, or NAME is no vocabulary"),
        quiet="accepted by every command; this one prints only what is asked",
    )
    command.add_argument(
        "name",
        nargs="?",
        metavar="NAME",
        help="a vocabulary, such as MeasureKind or ActorKind (without NAME: all of them)",
    )
    command.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return vocab(options.name)


def vocab(name: str | None) -> int:
    """Print the vocabulary ``name`` (any case), or every vocabulary."""
    from incidents.model.measure_kinds import VOCABULARIES_BY_NAME

    everything = VOCABULARIES_BY_NAME

    if name is None:
        sys.stdout.write("\n".join(render(vocabulary) for vocabulary in everything.values()))
        return OK
    by_lower = {key.lower(): vocabulary for key, vocabulary in everything.items()}
    vocabulary = by_lower.get(name.lower())
    if vocabulary is None:
        near = difflib.get_close_matches(name, list(everything), n=1, cutoff=0.5)
        hint = f"; did you mean {near[0]}?" if near else f"; one of {', '.join(everything)}"
        return fail(f"vocab: no vocabulary {name!r}{hint}")
    sys.stdout.write(render(vocabulary))
    return OK


def render(vocabulary: type[Vocabulary]) -> str:
    """The text of one vocabulary: its name and summary, then each term with its meaning."""
    from incidents.model.measure_kinds import MeasureKind

    summary = (vocabulary.__doc__ or "").strip().splitlines()[0]
    lines = [f"{vocabulary.__name__}: {summary}", ""]
    for member in vocabulary:
        lines.append(f"  {member.value}")
        lines += textwrap.wrap(
            member.description, 88, initial_indent=_INDENT, subsequent_indent=_INDENT
        )
        if isinstance(member, MeasureKind):
            cameo, plover = _code(member.cameo, labelled=True), _code(member.plover)
            lines.append(f"{_INDENT}CAMEO {cameo}; PLOVER {plover}")
    return "\n".join(lines) + "\n"


def _code(mapping: CodeMapping | None, *, labelled: bool = False) -> str:
    if mapping is None:
        return "none"
    code = f"{'' if mapping.exact else '~'}{mapping.code}"
    return f"{code} ({mapping.label})" if labelled else code
