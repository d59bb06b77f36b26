"""The command line's reference page (``docs/reference/cli.md``), from its argument parser.

``scripts/regenerate.py`` writes it, and the tests fail when the committed page differs.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from incidents.cli.app import parser
from incidents.views.reference import GENERATED

__all__ = ["cli_reference_markdown"]


def cli_reference_markdown() -> str:
    """The command line reference page (``docs/reference/cli.md``) as Markdown.

    Rendered from the parser's actions rather than from ``--help`` text, whose layout
    differs between Python versions and terminal widths; the words are the same.
    """
    main = parser()
    lines = [
        "# Command line reference",
        "",
        GENERATED.format("the argument parser in incidents/cli/"),
        "",
        "The help of the `incidents` command and each subcommand, as `--help` prints it "
        "(`python -m incidents` is the same command). The [guide](../cli.md) explains the "
        "output and the exit codes with examples.",
        "",
    ]
    lines += _command_section(main, main.prog)
    for name, command in _subcommands(main):
        lines += _command_section(command, f"{main.prog} {name}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _subcommands(command: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in command._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.items()


def _command_section(command: argparse.ArgumentParser, name: str) -> list[str]:
    anchor = name.replace(" ", "-")
    lines = [f"## `{name}` {{#{anchor}}}", "", "```text", f"usage: {_usage(command, name)}"]
    lines += ["```", "", " ".join((command.description or "").split()), ""]
    rows = [_argument_row(action) for action in command._actions]
    lines += ["| argument | meaning |", "|---|---|", *rows, ""]
    commands = list(_command_rows(command, name))
    if commands:
        lines += ["| command | what it does |", "|---|---|", *commands, ""]
    if command.epilog:
        lines += ["```text", command.epilog.strip("\n"), "```", ""]
    return lines


def _usage(command: argparse.ArgumentParser, name: str) -> str:
    """The usage line: options first, then positional arguments, as argparse orders them."""
    options, positionals = [], []
    for action in command._actions:
        if action.option_strings:
            value = _metavar(action)
            flag = action.option_strings[0]
            options.append(f"[{flag} {value}]" if value else f"[{flag}]")
        else:
            positionals.append(_positional(action))
    return " ".join([name, *options, *positionals])


def _metavar(action: argparse.Action) -> str:
    """What follows an option: its metavar or choices, nothing for a flag."""
    if action.nargs == 0:
        return ""
    if action.metavar is not None:
        return str(action.metavar)
    if action.choices is not None:
        return "{" + ",".join(str(choice) for choice in action.choices) + "}"
    return action.dest.upper()


def _positional(action: argparse.Action) -> str:
    if isinstance(action, argparse._SubParsersAction):
        return f"{action.metavar} ..."
    name = str(action.metavar or action.dest)
    if action.nargs == "+":
        return f"{name} [{name} ...]"
    if action.nargs == "?":
        return f"[{name}]"
    return name


def _argument_row(action: argparse.Action) -> str:
    value = _metavar(action)
    if isinstance(action, argparse._SubParsersAction):
        return f"| `{action.metavar}` | the command to run, one of those below |"
    if action.option_strings:
        flags = action.option_strings
        names = ", ".join(f"`{flag} {value}`" if value else f"`{flag}`" for flag in flags)
    else:
        names = f"`{_positional(action)}`"
    return f"| {names} | {action.help or ''} |"


def _command_rows(command: argparse.ArgumentParser, prog: str) -> Iterator[str]:
    """A table row per subcommand, linked to its section."""
    for action in command._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                anchor = f"{prog}-{choice.dest}"
                yield f"| [`{choice.dest}`](#{anchor}) | {choice.help} |"
