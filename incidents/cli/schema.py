"""``incidents schema``: the bundled JSON Schema or XSD, printed or written."""

from __future__ import annotations

import argparse
import sys

from incidents.cli.console import OK, Subcommands, Verbosity, exit_codes, fail, subcommand, wrote

__all__ = ["add_parser", "schema"]


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    """Add ``incidents schema`` to the command line."""
    schema = subcommand(
        commands,
        "schema",
        "print or write the bundled JSON Schema or XSD",
        "Print the schema of dataset documents that ships with the library: the JSON Schema "
        "(draft 2020-12) or the XSD, exactly as committed under schemas/.",
        """examples:
  incidents schema > incidents.schema.json
  incidents schema --format xsd -o incidents.xsd""",
        exit_codes("the schema printed or written", None, "usage error, or FILE cannot be written"),
        quiet="do not say what was written (with -o)",
    )
    schema.add_argument(
        "--format", choices=("json", "xsd"), default="json", help="which schema (default json)"
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="write it here (atomically)")
    schema.set_defaults(handler=_run)


def _run(options: argparse.Namespace) -> int:
    return schema(options.format, options.output, options.verbosity)


def schema(format_: str, output: str | None, verbosity: Verbosity = "normal") -> int:
    """Print the schema (``json`` or ``xsd``), or write it to ``output``."""
    from incidents.errors import FileError
    from incidents.formats.files import write_bytes
    from incidents.schemagen.json_generator import json_schema_text
    from incidents.schemagen.xsd_generator import xml_schema

    payload = json_schema_text().encode("utf-8") if format_ == "json" else xml_schema()
    try:
        if output is None:
            sys.stdout.flush()
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        else:
            write_bytes(payload, output)
    except FileError as error:
        return fail(str(error))
    if output is not None:
        wrote(output, "JSON Schema" if format_ == "json" else "XSD", verbosity)
    return OK
