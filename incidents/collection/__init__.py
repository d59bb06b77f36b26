"""Collections: a folder of dataset files as one dataset; merge, diff and stable ids.

In the layering of ``docs/architecture.md`` it stands on the model, the readers of
:mod:`incidents.formats` and :mod:`incidents.validation`. A collection is a folder of
``.json``, ``.jsonl`` and ``.xml`` files, read recursively, with an optional manifest
(``incidents.toml``, :mod:`~incidents.collection.manifest`) at its root;
:mod:`~incidents.collection.discover` decides which files belong,
:func:`read_collection` reads them as one :class:`Collection` and
:func:`validate_collection` checks them whole. :func:`merge` joins datasets without one
source overwriting another, :func:`diff` and :func:`apply` give and apply the
:class:`Delta` between two versions, and :func:`stable_id` derives an id from a record's
content. See ``docs/collections.md``.
"""

from incidents.collection.diff import Change, Delta, apply, diff
from incidents.collection.discover import Discovery, Member, discover
from incidents.collection.ids import stable_id
from incidents.collection.manifest import MANIFEST, Manifest
from incidents.collection.merge import merge
from incidents.collection.read import Collection, Origin, read_collection
from incidents.collection.report import CollectionReport, FileProblem
from incidents.collection.validate import validate_collection

__all__ = [
    "MANIFEST",
    "Change",
    "Collection",
    "CollectionReport",
    "Delta",
    "Discovery",
    "FileProblem",
    "Manifest",
    "Member",
    "Origin",
    "apply",
    "diff",
    "discover",
    "merge",
    "read_collection",
    "stable_id",
    "validate_collection",
]
