"""The options that run a command on Dask (``--jobs``, ``--scheduler``) and its progress line.

A command runs on Dask when ``--jobs N`` (a local cluster of N worker processes) or
``--scheduler ADDRESS`` is given, or when ``DASK_SCHEDULER_ADDRESS`` names a scheduler;
otherwise in this process, as without the extra ``incidents[dask]``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import IO

import attrs

from incidents.cli.console import ProgressBar, plural
from incidents.distributed.cluster import SCHEDULER_VARIABLE

__all__ = ["Dask", "add_dask_options", "progress_line"]

#: Seconds between two progress lines written without a terminal (with -v).
_EVERY = 5.0


@attrs.frozen
class Dask:
    """Where to run: ``jobs`` local worker processes, or the cluster at ``scheduler``."""

    jobs: int | None = None
    scheduler: str | None = None

    @classmethod
    def of(cls, options: argparse.Namespace) -> Dask | None:
        """From the command line and the environment; ``None``: run in this process."""
        scheduler = options.scheduler or os.environ.get(SCHEDULER_VARIABLE) or None
        if options.jobs is None and scheduler is None:
            return None
        return cls(jobs=options.jobs, scheduler=scheduler)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of workers (1 or more)")
    return value


def add_dask_options(parser: argparse.ArgumentParser, what: str) -> None:
    """``--jobs`` and ``--scheduler`` on ``parser``."""
    parser.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help=f"{what}: a local cluster of N worker processes (needs incidents[dask])",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=f"{what}: the existing cluster whose scheduler is at ADDRESS "
        f"(default: ${SCHEDULER_VARIABLE}, if set)",
    )


def progress_line(
    bar: ProgressBar, stream: IO[str] | None, label: str
) -> Callable[[int, int, int, float], None]:
    """A progress callback: the bar on a terminal, and with ``stream`` (``-v``) a line
    there every few seconds and at the end: shards done and records per second."""
    last = [float("-inf")]

    def progress(done: int, total: int, records: int, seconds: float) -> None:
        rate = records / seconds if seconds > 0 else 0.0
        text = f"{label}: {done}/{plural(total, 'shard')} done, {rate:,.0f} records/s"
        bar.update(done / max(total, 1), text)
        if stream is not None and (done == total or seconds - last[0] >= _EVERY):
            last[0] = seconds
            bar.clear()
            print(f"incidents: {text}", file=stream)

    return progress
