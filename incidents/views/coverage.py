"""How far the measure vocabulary reaches into CAMEO and PLOVER, worked out from the crosswalk.

For each of CAMEO's twenty root codes (the CAMEO 1.1b3 codebook, Schrodt) and each of
PLOVER's sixteen event types with its quad category (the PLOVER manual, draft 0.8), the
measure kinds whose code falls under it. The lists are computed from each
:class:`~incidents.MeasureKind`'s own codes, so they cannot drift from the crosswalk; only
the names of the roots and types, and the reason a root has no measure kind, are written
here. The manual's table of quad categories puts SANCTION under verbal conflict and its
SANCTION section under material conflict; this follows the section.
"""

from __future__ import annotations

from typing import Final

from incidents.model.measure_kinds import CodeMapping, MeasureKind

__all__ = ["CAMEO_ROOTS", "PLOVER_TYPES", "coverage_markdown"]

#: CAMEO's root codes, with what the vocabulary does where no measure kind falls under one.
CAMEO_ROOTS: Final[tuple[tuple[str, str, str], ...]] = (
    ("01", "Make public statement", ""),
    ("02", "Appeal", ""),
    ("03", "Express intent to cooperate", "promises and offers are `other`, or a `visit` to come"),
    ("04", "Consult", ""),
    ("05", "Engage in diplomatic cooperation", ""),
    ("06", "Engage in material cooperation", "cooperation is not a crisis measure: `other`"),
    ("07", "Provide aid", "aid is not a crisis measure: `other`"),
    ("08", "Yield", "lifting a measure is the measure `rescinded`, or `restore_relations`"),
    ("09", "Investigate", ""),
    ("10", "Demand", ""),
    ("11", "Disapprove", ""),
    ("12", "Reject", ""),
    ("13", "Threaten", ""),
    ("14", "Protest", "demonstrations are incidents (`protest`), not measures"),
    ("15", "Exhibit force posture", "military moves are incidents, or `other`"),
    ("16", "Reduce relations", ""),
    ("17", "Coerce", ""),
    ("18", "Assault", "violence is an incident (`attack`, `killing`, `abduction`...)"),
    ("19", "Fight", "fighting is an incident (`attack`, `border_incident`...)"),
    ("20", "Use unconventional mass violence", "an incident (`attack`, `poisoning`)"),
)

#: PLOVER's event types with their quad category, and what to do where no kind falls under.
PLOVER_TYPES: Final[tuple[tuple[str, str, str], ...]] = (
    ("AGREE", "verbal cooperation", "agreements and promises are `other`"),
    ("CONSULT", "verbal cooperation", ""),
    ("SUPPORT", "verbal cooperation", ""),
    ("CONCEDE", "verbal cooperation", ""),
    ("COOPERATE", "material cooperation", "cooperation is not a crisis measure: `other`"),
    ("AID", "material cooperation", "aid is not a crisis measure: `other`"),
    ("RETREAT", "material cooperation", "a withdrawal of forces is an incident or `other`"),
    ("REQUEST", "verbal conflict", ""),
    ("ACCUSE", "verbal conflict", ""),
    ("REJECT", "verbal conflict", ""),
    ("THREATEN", "verbal conflict", ""),
    ("PROTEST", "material conflict", "demonstrations are incidents (`protest`)"),
    ("SANCTION", "material conflict", ""),
    ("MOBILIZE", "material conflict", "mobilisation is an incident or `other`"),
    ("COERCE", "material conflict", ""),
    ("ASSAULT", "material conflict", "violence is an incident"),
)


def coverage_markdown() -> list[str]:
    """The coverage tables, as lines of Markdown for the model reference."""
    lines = [
        "#### Coverage of CAMEO and PLOVER {#coverage}",
        "",
        "Which measure kinds fall under each CAMEO root code and each PLOVER event type, by "
        "the codes above (*nearest* codes count). Where none does, the act is either an "
        "incident or deliberately left to `other` (with a summary).",
        "",
        "| CAMEO root | measure kinds |",
        "|---|---|",
    ]
    for root, name, otherwise in CAMEO_ROOTS:
        kinds = [kind for kind in MeasureKind if _cameo_root(kind.cameo) == root]
        lines.append(f"| {root} {name} | {_listed(kinds, otherwise)} |")
    lines += ["", "| PLOVER type (quad category) | measure kinds |", "|---|---|"]
    for event_type, quad, otherwise in PLOVER_TYPES:
        kinds = [kind for kind in MeasureKind if _plover_type(kind.plover) == event_type]
        lines.append(f"| {event_type} ({quad}) | {_listed(kinds, otherwise)} |")
    unmapped = [kind for kind in MeasureKind if kind.plover is None and kind.value != "other"]
    lines += [
        "",
        f"Without a PLOVER type: {_listed(unmapped, 'none')} (PLOVER dropped CAMEO's "
        "comments, 01).",
        "",
    ]
    return lines


def _cameo_root(mapping: CodeMapping | None) -> str | None:
    return None if mapping is None else mapping.code[:2]


def _plover_type(mapping: CodeMapping | None) -> str | None:
    return None if mapping is None else mapping.code.partition("-")[0]


def _listed(kinds: list[MeasureKind], otherwise: str) -> str:
    if not kinds:
        return f"none: {otherwise}" if otherwise else "none"
    return ", ".join(f"`{kind.value}`" for kind in kinds)
