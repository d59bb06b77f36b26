"""The JSON Schema (draft 2020-12) and the XSD, generated from the record classes.

In the layering of ``docs/architecture.md`` it reads the model's field checks and the XML
mapping of :mod:`incidents.formats`. The generated files are committed under ``schemas/``
and ship in the wheel as ``incidents/schemas/``; this package is the code that writes
them (hence its name: the generators, not the schemas).
"""

from incidents.schemagen.json_generator import json_schema, json_schema_text
from incidents.schemagen.xsd_generator import xml_schema, xml_schema_text

__all__ = ["json_schema", "json_schema_text", "xml_schema", "xml_schema_text"]
