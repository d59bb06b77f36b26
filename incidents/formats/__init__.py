"""Reading and writing datasets: JSON, JSON Lines and XML, files, and the converter.

In the layering of ``docs/architecture.md`` it imports the model and the compiled loaders of
:mod:`incidents._compile`, never validation. Every reader is strict and reports each
problem as a :class:`~incidents.errors.ParseProblem` with its JSONPath, line and column;
validation reuses the readers as its syntax layer rather than parsing a second time.
"""

from incidents.formats.converter import converter
from incidents.formats.files import read, write
from incidents.formats.json import from_json, to_json
from incidents.formats.jsonl import from_jsonl, iter_jsonl, iter_records, to_jsonl
from incidents.formats.xml import NAMESPACE, from_xml, to_xml

__all__ = [
    "NAMESPACE",
    "converter",
    "from_json",
    "from_jsonl",
    "from_xml",
    "iter_jsonl",
    "iter_records",
    "read",
    "to_json",
    "to_jsonl",
    "to_xml",
    "write",
]
