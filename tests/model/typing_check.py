"""Checked by mypy in tests/model/test_conversion.py (not collected by pytest)."""

from __future__ import annotations

import datetime as dt
from typing import reveal_type

from incidents import Actor, Citation, Count, Incident, IncidentKind, PartialDate

cite = Citation(source="source:apa")
ok = Incident(id="incident:x", kind="raid", title="T", date="2025-06-27", citations=[cite])
Incident(id="incident:x", kind=IncidentKind.RAID, title="T", date=PartialDate.parse("2025"))
Incident(id="incident:x", kind="raid", title="T", date=dt.date(2025, 6, 27), citations=(cite,))
Incident(id="incident:x", kind="raid", title="T", date="2025", citations=(c for c in [cite]))
Actor(id="actor:c", kind="coalition", name="C", member_count=20)
Actor(id="actor:c", kind="coalition", name="C", member_count=Count.about(20))
reveal_type(ok.kind)
reveal_type(ok.date)
reveal_type(ok.citations)
Incident(id="incident:x", kind=3, title="T", date="2025")  # rejected
Incident(id="incident:x", kind="raid", title="T", date=2025)  # rejected
Incident(id="incident:x", kind="raid", title="T", date="2025", citations=["source:a"])  # rejected
Incident(id="incident:x", kind="raid", title="T", date="2025", citations=cite)  # rejected
Actor(id="actor:c", kind="coalition", name="C", member_count="20")  # rejected
Incident("incident:x", kind="raid", title="T", date="2025")  # rejected
