"""A CAMEO-coded dyadic table: one row per measure and target, as CAMEO event data has it.

The CAMEO and PLOVER codes come from the crosswalk on
:class:`~incidents.model.measure_kinds.MeasureKind`; this module adds the two numbers
CAMEO data carries with a code. The quad class follows the GDELT 2.0 Event Codebook
(``QuadClass``: 1 verbal cooperation, roots 01-05; 2 material cooperation, 06-08; 3 verbal
conflict, 09-13; 4 material conflict, 14-20). The Goldstein intensities (-10 to +10) are
the values of GDELT's lookup table ``CAMEO.goldsteinscale.txt``
(https://www.gdeltproject.org/data/lookups/CAMEO.goldsteinscale.txt, read from the copy in
github.com/mpiccirilli/UNDP-BCPR-Project at commit 08d29bb), which extends Goldstein (1992)
to the CAMEO codes; only the codes the crosswalk uses are kept here.
"""

from __future__ import annotations

from typing import Any, Final

from incidents.model.dataset import Dataset
from incidents.model.measure_kinds import MeasureKind
from incidents.tables._deps import require
from incidents.tables._rows import actor

__all__ = ["FIELDS", "GOLDSTEIN", "LOSSES", "cameo_table", "quad_class", "rows"]

#: Goldstein intensity of each CAMEO code the crosswalk uses (GDELT's lookup table).
GOLDSTEIN: Final[dict[str, float]] = {
    "012": -0.4,
    "016": -2.0,
    "018": 3.4,
    "0214": 3.4,
    "0253": -0.3,
    "040": 1.0,
    "042": 1.9,
    "043": 2.8,
    "050": 3.5,
    "054": 6.0,
    "055": 7.0,
    "091": -2.0,
    "100": -5.0,
    "111": -2.0,
    "112": -2.0,
    "1121": -2.0,
    "114": -2.0,
    "115": -2.0,
    "125": -5.0,
    "130": -4.4,
    "160": -4.0,
    "161": -4.0,
    "163": -8.0,
    "164": -7.0,
    "1711": -9.2,
    "172": -5.0,
    "1721": -5.0,
    "173": -5.0,
    "174": -5.0,
}

#: The columns, in order, and what each holds.
FIELDS: Final = (
    ("measure_id", "Id of the measure."),
    ("measure_kind", "Its kind (MeasureKind)."),
    ("date_start", "First day of the measure's date (the earlier of announced and effective)."),
    ("date_end", "Last day of that date."),
    ("date_edtf", "The date as EDTF text."),
    ("source_actor", "Id of the initiator (CAMEO's source actor)."),
    ("source_name", "Its name."),
    ("source_country", "Its ISO 3166-1 alpha-2 country."),
    ("target_actor", "Id of one target (one row per target; empty for a measure without one)."),
    ("target_name", "Its name."),
    ("target_country", "Its ISO 3166-1 alpha-2 country."),
    ("cameo_code", "The CAMEO event code (empty where CAMEO has none)."),
    ("cameo_label", "The code's label."),
    ("cameo_exact", "False when the code is only the nearest one."),
    ("plover", "The PLOVER type-mode of the same kind."),
    ("quad_class", "CAMEO quad class of the code, 1 to 4 (GDELT QuadClass)."),
    ("goldstein", "Goldstein intensity of the code, -10 to +10 (GDELT's table)."),
)

#: What a measure loses in this table.
LOSSES: Final = (
    "An open or unknown interval end ('2018-03-14/..', '../2018-03') is left out: "
    "the dates span the end that is known.",
    "Incidents: CAMEO codes only the measures (the crosswalk is of measure kinds).",
    "Several targets become several rows (CAMEO is dyadic); subjects, on_behalf_of and "
    "forum are dropped.",
    "Both dates become one: the earlier of announced and effective, as first and last day.",
    "Status, publicity, counts, attribution claims, links, in_response_to and citations are "
    "dropped; a threatened or rescinded measure is coded like an implemented one.",
    "CAMEO's own actor codes (country plus role, 'AZEGOV') are not derived: the actors are "
    "given by id, name and ISO alpha-2 country.",
)


def quad_class(code: str) -> int:
    """The quad class of a CAMEO code, by its two-digit root (GDELT's QuadClass)."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def rows(dataset: Dataset) -> list[dict[str, Any]]:
    """One row per measure and target (a measure without targets gives one row)."""
    found = []
    for measure in dataset.measures:
        kind: MeasureKind = measure.kind
        initiator = actor(dataset, measure.initiator)
        date = measure.date
        for target_id in measure.targets or (None,):
            target = actor(dataset, target_id)
            cameo = kind.cameo
            found.append(
                {
                    "measure_id": measure.id,
                    "measure_kind": kind.value,
                    "date_start": None if date is None else date.known_span()[0],
                    "date_end": None if date is None else date.known_span()[1],
                    "date_edtf": None if date is None else str(date),
                    "source_actor": measure.initiator,
                    "source_name": None if initiator is None else initiator.name,
                    "source_country": None if initiator is None else initiator.country,
                    "target_actor": target_id,
                    "target_name": None if target is None else target.name,
                    "target_country": None if target is None else target.country,
                    "cameo_code": None if cameo is None else cameo.code,
                    "cameo_label": None if cameo is None else cameo.label,
                    "cameo_exact": None if cameo is None else cameo.exact,
                    "plover": None if kind.plover is None else kind.plover.code,
                    "quad_class": None if cameo is None else quad_class(cameo.code),
                    "goldstein": None if cameo is None else GOLDSTEIN.get(cameo.code),
                }
            )
    return found


def cameo_table(dataset: Dataset) -> Any:
    """The rows as a ``pyarrow.Table``."""
    pa = require("pyarrow", "the CAMEO table")
    types = {
        "date_start": pa.date32(),
        "date_end": pa.date32(),
        "cameo_exact": pa.bool_(),
        "quad_class": pa.int64(),
        "goldstein": pa.float64(),
    }
    schema = pa.schema([(name, types.get(name, pa.string())) for name, _ in FIELDS])
    return pa.Table.from_pylist(rows(dataset), schema=schema)
