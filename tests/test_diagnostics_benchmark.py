"""The diagnostics benchmark (``python -m benchmarks.diagnostics``) runs: a smoke test.

No time is asserted: the documents it times are what it says (valid, then with problems),
and a run at a small size prints its table with a verdict for every target.
"""

from __future__ import annotations

import incidents
from benchmarks import diagnostics


def test_the_documents_are_valid_then_broken():
    (valid_label, valid), (one_label, one), (many_label, many) = diagnostics.documents(104)
    assert (valid_label, one_label, many_label) == ("valid", "1", "100")
    assert incidents.validate(valid).problems == ()
    assert len(incidents.validate(one).problems) == 1
    assert len(incidents.validate(many).problems) > 5  # one per raid: ten raids


def test_a_small_run_prints_a_row_with_every_target(capsys):
    diagnostics.main(["--sizes", "1", "--runs", "1"])
    rows = [line for line in capsys.readouterr().out.splitlines() if line.strip().startswith("1 |")]
    assert len(rows) == 1
    assert rows[0].count("PASS") + rows[0].count("MISS") == len(diagnostics.TARGETS)
