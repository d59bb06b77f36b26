"""The semantic layer gives exactly the findings it gave before it was made fast.

``incidents.validation.semantics`` was rewritten for speed (per-class plans compiled once, one pass
over the records, dates parsed once per call, pointers built only for a finding). Its
findings, their pointers, codes, messages and order, must not change. Two kinds of test
hold it there:

* a fixed corpus of documents (the examples, benchmark documents, the benchmark's documents
  with problems and its differential mutations, and a few hundred documents with random
  semantic mutations: duplicated and renamed records, broken references, cycles, responses
  before their triggers, repeated claims, counts out of order, retroactive dates, missing
  citations, and junk of every JSON type in every place) whose findings are compared with
  digests recorded from the implementation before the rewrite;
* Hypothesis properties on generated datasets, mutated the same way: the findings of the
  whole document are those of its parts (:func:`record_findings` and
  :func:`reference_findings` per record, in order), every finding's pointer names a place
  in the document, a valid dataset has none, and JSON Lines validation agrees.

To record the digests again (only after a deliberate change of a finding), run this file as
a script: ``PYTHONPATH=. python tests/validation/test_semantics_speed_equivalence.py``.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import incidents
from benchmarks import corpus
from benchmarks.corpus import places, value_at
from incidents import strategies
from incidents.errors import FieldError
from incidents.model.actors import Actor
from incidents.model.dates import EDTF_PATTERN, PartialDate
from incidents.model.events import Incident
from incidents.model.measures import DiplomaticMeasure
from incidents.model.sources import Source
from incidents.validation._date_spans import _days
from incidents.validation.semantics import (
    record_findings,
    reference_findings,
    semantic_findings,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CLASSES = {"actors": Actor, "sources": Source, "incidents": Incident, "measures": DiplomaticMeasure}

# --------------------------------------------------------------------------- the mutations

_JUNK: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    7,
    -3,
    1.5,
    float("nan"),
    "",
    "text",
    "actor:nobody",
    "source:nowhere",
    "incident:never",
    "measure:none",
    "Actor:Bad",
    [],
    {},
    [1, "x", None],
    {"a": 1},
    ["actor:nobody"],
)
_DATES = (
    "2025",
    "2025-06",
    "2025-06-27",
    "2025-06~",
    "2025-06-27?",
    "2025%",
    "2024-12-25/2025-07-04",
    "2025-02-30",
    "2025-13-01",
    "0000",
    "9999-12~",
    "0001~",
    "1990-01-01",
    "1989-12-22",
    "1990-01-04~",
    "not a date",
)


def _records(data: dict[str, Any]) -> list[tuple[str, int, dict[str, Any]]]:
    return [
        (key, position, record)
        for key in CLASSES
        if isinstance(data.get(key), list)
        for position, record in enumerate(data[key])
        if isinstance(record, dict)
    ]


def _ids(data: dict[str, Any]) -> list[str]:
    return [r["id"] for _, _, r in _records(data) if isinstance(r.get("id"), str)] or ["x:y"]


def _claim_lists(data: Any) -> list[list[Any]]:
    found = []
    for path in places(data):
        value = value_at(data, path)
        if path[-1] in ("count", "cause", "responsibility", "affiliations") and isinstance(
            value, list
        ):
            found.append(value)
    return found


def pick(rng: random.Random, choices: Any) -> Any:
    """``rng.choice(choices)``, a copy: no two places of a document share a list or dict."""
    return copy.deepcopy(rng.choice(choices))


def mutate(data: dict[str, Any], rng: random.Random) -> None:
    """Plant one random problem (or a harmless change) in ``data``, in place."""
    records = _records(data)
    events = [(k, p, r) for k, p, r in records if k in ("incidents", "measures")]
    kind = pick(
        rng,
        (
            "duplicate",
            "rename",
            "reference",
            "respond",
            "link",
            "date",
            "measure dates",
            "uncite",
            "repeat claim",
            "claim",
            "count",
            "junk",
            "junk record",
            "swap",
        ),
    )
    if kind == "duplicate" and records:
        key, _, record = rng.choice(records)
        target = pick(rng, [key, *CLASSES])
        data.setdefault(target, [])
        if isinstance(data[target], list):
            data[target].insert(rng.randrange(len(data[target]) + 1), copy.deepcopy(record))
    elif kind == "rename" and records:
        _, _, record = rng.choice(records)
        record["id"] = pick(rng, [*_ids(data), *_JUNK[:12]])
    elif kind == "reference":
        paths = [
            path
            for path in places(data)
            if isinstance(value_at(data, path), str)
            and ":" in value_at(data, path)
            and path[-1] != "id"
        ]
        if paths:
            path = pick(rng, paths)
            value_at(data, path[:-1])[path[-1]] = pick(rng, [*_JUNK, *_ids(data)])
    elif kind == "respond" and events:
        _, _, record = rng.choice(events)
        responses = record.setdefault("in_response_to", [])
        if isinstance(responses, list):
            for _ in range(rng.randint(1, 3)):
                responses.append(pick(rng, [*_ids(data), *_JUNK[:12]]))
        else:
            record["in_response_to"] = [pick(rng, _ids(data))]
    elif kind == "link" and events:
        _, _, record = rng.choice(events)
        links = record.setdefault("links", [])
        target = pick(rng, [*_ids(data), *_JUNK])
        link: Any = pick(rng, ({"kind": "related", "target": target}, target, {"kind": "x"}))
        if isinstance(links, list):
            links.append(link)
        else:
            record["links"] = [link]
    elif kind == "date" and events:
        _, _, record = rng.choice(events)
        field = pick(rng, ("date", "announced", "effective"))
        record[field] = pick(rng, [*_DATES, *_JUNK[:8]])
    elif kind == "measure dates" and events:
        measures = [r for k, _, r in events if k == "measures"]
        record = rng.choice(measures or [r for _, _, r in events])
        record["announced"] = pick(rng, _DATES)
        record["effective"] = pick(rng, _DATES)
        record["retroactive"] = pick(rng, (True, False, "yes", None, 1))
        if rng.random() < 0.2:
            del record[pick(rng, ("announced", "effective", "retroactive"))]
    elif kind == "uncite" and events:
        _, _, record = rng.choice(events)
        record["citations"] = pick(rng, ([], None, 0, "", {}, [{}]))
        casualties = record.get("casualties")
        for casualty in casualties if isinstance(casualties, list) else []:
            if isinstance(casualty, dict) and rng.random() < 0.7:
                casualty["citations"] = pick(rng, ([], None, [{"source": "source:nowhere"}]))
    elif kind == "repeat claim":
        lists = _claim_lists(data)
        if lists:
            claims = rng.choice(lists)
            if claims:
                claim = copy.deepcopy(pick(rng, claims))
                if isinstance(claim, dict) and rng.random() < 0.5:
                    change = pick(rng, ("stance", "claimed_by", "value"))
                    claim.pop(change, None) if rng.random() < 0.4 else claim.update(
                        {change: pick(rng, [*_JUNK, "asserts", "denies"])}
                    )
                claims.insert(rng.randrange(len(claims) + 1), claim)
    elif kind == "claim":
        lists = _claim_lists(data)
        if lists:
            claims = rng.choice(lists)
            if claims and isinstance(claims[0], dict):
                field = pick(rng, ("stance", "claimed_by", "value"))
                claims[0][field] = pick(
                    rng,
                    [*_JUNK, "asserts", "denies", {"best": 5}, {"best": 5, "qualifier": "exact"}],
                )
    elif kind == "count":
        paths = [
            p for p in places(data) if p[-1] == "count" and isinstance(value_at(data, p), list)
        ]
        if paths:
            claims = value_at(data, pick(rng, paths))
            if claims and isinstance(claims[0], dict):
                value = {
                    name: pick(rng, (1, 5, 9, 50, True, 2.0, None, "7", 2**60))
                    for name in rng.sample(("low", "best", "high"), rng.randint(0, 3))
                }
                if rng.random() < 0.5:
                    value["qualifier"] = pick(rng, ("about", "between", "exact"))
                claims[0]["value"] = value if rng.random() < 0.9 else pick(rng, _JUNK)
    elif kind == "junk":
        spots = list(places(data))
        if spots:
            path = pick(rng, spots)
            value_at(data, path[:-1])[path[-1]] = pick(rng, _JUNK)
    elif kind == "junk record":
        key = pick(rng, list(CLASSES))
        if isinstance(data.get(key), list):
            data[key].insert(rng.randrange(len(data[key]) + 1), pick(rng, _JUNK))
        else:
            data[key] = pick(rng, _JUNK)
    elif kind == "swap" and len(events) > 1:
        (_, _, first), (_, _, second) = rng.sample(events, 2)
        for field in ("date", "announced", "in_response_to", "links"):
            if field in first and field in second:
                first[field], second[field] = second[field], first[field]


# ----------------------------------------------------------------------- the fixed corpus


def documents() -> list[tuple[str, Any]]:
    """The fixed corpus: (name, plain data), deterministic."""
    found: list[tuple[str, Any]] = [("not a dict", []), ("empty", {})]
    examples = sorted(EXAMPLES.glob("*.json"))
    bases = [json.loads(path.read_text(encoding="utf-8")) for path in examples]
    bases += [corpus.document(size) for size in (1, 14, 34)]
    found += [(f"base {number}", base) for number, base in enumerate(bases)]
    found.append(("with problems", corpus.with_problems(corpus.document(1004), every=10)))
    found += [
        (f"differential {number}", document)
        for number, document in enumerate(corpus.mutations(corpus.document(24), 60))
    ]
    rng = random.Random(20251122)  # noqa: S311 - a reproducible corpus
    for number in range(480):
        data = copy.deepcopy(rng.choice(bases))
        for _ in range(rng.choice((1, 1, 2, 3, 6, 12))):
            mutate(data, rng)
        found.append((f"mutated {number}", data))
    return found


def digest(findings: list[tuple[str, str, str]]) -> str:
    text = json.dumps(findings, ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


#: digest(semantic_findings(document)) for each of documents(), in order, as recorded from
#: the implementation before the rewrite (commit a931a9e). One digest changed with format 1.1:
#: "mutated 310" gives a measure ``links`` to a missing measure, which 1.1 reads (E402) where
#: 1.0 had no such field.
_DIGESTS = """
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 06c62cefdf6e 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 11cbf99f5f1b 92726373cf32 19e8b8308d60
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b caf6c35e239c 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b ac517156ca68 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 314c6d9a24e5 d9fbfda04956 4f53cda18c2b
ba0533c0f883 77ba14068970 4f53cda18c2b 77350403708a 4f53cda18c2b 178c555344d7
4f53cda18c2b 4f8fe0e37e75 c6dfbbe33191 4f53cda18c2b dccda8a158f5 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 09445540646a 4f53cda18c2b
4f53cda18c2b f39c249b553c a444948c8ea7 d72689965d12 c586feb3ee63 2df48f526d47
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 276d9aad903a
4f53cda18c2b 4f53cda18c2b 4f72e51a11e6 1322b29019c9 76251e2fa522 f0efa8899a6f
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 713345db4b8e 70dc1521252e 4f53cda18c2b
f2499f4577a6 1630aac9a234 ab0b62206fb4 2bd83bf2568f ab7c8f35573f 3150ae4951eb
2b31f070eb44 041193c28b07 4f53cda18c2b 4f53cda18c2b 031d28bea5ce dc9c1893b415
561d9b3e817c 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 84fae3a14111 4f53cda18c2b
a94a91526f82 7cd475780e4e 1ac83f1038a6 4f53cda18c2b 412d6e40d79b 4f53cda18c2b
f37d401f44d7 d94de164f38c 188f4b60ba46 4f53cda18c2b 8d5ad9c05ae3 4f53cda18c2b
357e3352ad40 8d49100c483f 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
f37d401f44d7 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 564e000178af 63b146564424
b9fc82bbcb40 5ac4491bf9cf 4f53cda18c2b 8ccdc8cb8223 4f53cda18c2b 4f53cda18c2b
e2a0b662a2ee 4f53cda18c2b 8ef654456669 4f53cda18c2b 4f53cda18c2b d8b4109bc314
ac435eb9975b a26f13f73251 70dc1521252e 4f53cda18c2b 17119403b77b d8f8dc59c4bf
4f53cda18c2b ca2d1b4dc574 90b3c2d9489e d425a8a39289 4f53cda18c2b cbcb92f753de
8aa68d733089 f056eb036bce 3f756305899d c577715b9ab9 d9e41c294941 4f53cda18c2b
4f53cda18c2b 895c37598e9e 4f53cda18c2b 4f53cda18c2b 9df41799c2e2 70dc1521252e
d5e0f6183960 c8a353d9b4e4 4f53cda18c2b 849ed6992e5e 4f53cda18c2b d3560df66f35
70dc1521252e f37d401f44d7 000d43b50634 04d86d7f2ef8 db26e3497eee a5d9b07849c2
e800a1f62fba 4f53cda18c2b ea49fafa3489 ba41bf4364d3 4f53cda18c2b 4f53cda18c2b
c0213e69bda7 7605b00468df 4f53cda18c2b 9f5bf80641bf ef2b73d2cade 4f53cda18c2b
9a15c5185f2e 0a9d33ff3cfe 4f53cda18c2b 1c6582252e11 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b e46d3c670e94 ee27d90472e2 504918b36f73 849ed6992e5e 4f53cda18c2b
eace7fefe346 4f53cda18c2b 4f53cda18c2b 52416e478647 4f53cda18c2b 4f53cda18c2b
7fdc32748e39 9f8e1486e855 1d80f1b419a3 400811e13881 413acfdfbf9f 849ed6992e5e
198b5506e557 4f53cda18c2b 62f59ab36a1b 717b134527da ff107854095f d11729a88060
4f53cda18c2b 4f53cda18c2b f37d401f44d7 a6afc08465dc 3cdd8f00ee14 43ec95e8ce4f
980c702e8b7f 4f53cda18c2b 4f53cda18c2b ab7c8f35573f 860d7c42ada9 4f53cda18c2b
cd1a2f57bd88 4f53cda18c2b a84ce161d43f ab246e0d0f75 4f53cda18c2b 825084f9669a
7d77f42d67b8 4f53cda18c2b dd1374c98c36 4f53cda18c2b 096de172241a 3948053bb08e
849ed6992e5e 4f53cda18c2b 352b040b4f8a 50686d781365 a5d9b07849c2 4f53cda18c2b
4f53cda18c2b 476dbc893cad 59d94a056e3d 3ad45cb1e0ef 5498d14d2dfa ece3ae64d134
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
9e29aad29bf3 4f53cda18c2b 4f53cda18c2b 24a85809a419 df3c299e47a9 81aa87ff72c6
8e56f233a9b0 a89cfa87fc95 43ec95e8ce4f d57fa9141274 064ec21fbec4 4f53cda18c2b
3e5e9a68b30b 4f53cda18c2b 623faa0ee8f1 622d5c1177ff c977e45cbfba 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 0ed835429a80 4f53cda18c2b fe8650895c1c 421d459c1de0
4f53cda18c2b e24ab8416b94 03d9ac4713b5 a9521d47256b cb65a8a7b980 d528fe2ac6fd
4fbb4c8bd96e 4f53cda18c2b 2d124157802d d9dd11fa351e 4f53cda18c2b 4f53cda18c2b
513c4750525d 43ec95e8ce4f 9055388984cd cfca5a85549a 46dd5ad1202e 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 6095b6ec51e3 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 9ea40d5ac5cb 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
6252da6eb644 4f53cda18c2b d5c936935db2 4f53cda18c2b 4f53cda18c2b 33a871653ab4
a2565fb67bfa f37d401f44d7 a3f5755cb55f 39897b4854a3 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 9f0751effe3f f646b0432aae 0a207766af59 4f53cda18c2b 4f53cda18c2b
2334e34d6fbf 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b aa4902f3693e add76402c543
e24090517fb8 4f53cda18c2b 27b9c81a54dd 4f53cda18c2b 768ec9b2687d 4f53cda18c2b
8a3ce2670566 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b db76beed5ed5 617c2b73444d
d3560df66f35 a757ce1d3a24 849ed6992e5e ac86fd74fcaa 7764b7cf194e a38bc797de54
6c42570bde47 f20358fd6f50 4f53cda18c2b 054419f11627 d853cc517a05 cc5b303ce9b0
b2c39c31a2ce 6e9fec944484 4f53cda18c2b c750a66c9364 ae131f0ff1ae a3a8ecbbbd1b
989a0855c771 58dc6a2b96fd 3c3c7abbb5af 4f53cda18c2b 4f53cda18c2b 845a79e13932
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 3f0081704d2c
83c85fe2f855 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b d9fbfda04956 a32e47edd0b1
94dba65de435 66b46923e8c9 bef8b72998bc 9e29aad29bf3 4f53cda18c2b 292c44795f87
f17374da62c4 4f53cda18c2b 849ed6992e5e d4ec410b9a49 4f53cda18c2b 59d94a056e3d
59d94a056e3d ffa4700681f0 4f53cda18c2b 064ec21fbec4 4f53cda18c2b 4f53cda18c2b
fdbb2bab32e2 9dd8ba6dafad 43372ed1d37e 4f53cda18c2b 0cdf6e78dbc4 4f53cda18c2b
4f53cda18c2b 70dc1521252e e8016d158704 43ec95e8ce4f c14017241e78 4f53cda18c2b
784443a0901f 4f53cda18c2b 4f53cda18c2b ead742227a73 4f53cda18c2b 8507e84020d3
c6dfbbe33191 69422e104a80 4f53cda18c2b 26858af5ee20 4f53cda18c2b 4f53cda18c2b
3cd64b4cb15b 4f53cda18c2b 2f53555dd75d f6c48650e044 67996d37773c d81412f40f0b
504918b36f73 7face08278c7 4f53cda18c2b 9e29aad29bf3 4f53cda18c2b 4f53cda18c2b
176e2c2cf9c4 ab7c8f35573f beae32ba0c64 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 6fffd2ff3b19 aab95da22d3c 0d85c093a624
849ed6992e5e e7360d9a4789 f807d52f2050 4f53cda18c2b 4f53cda18c2b b2de48c44e6c
b4edec1f660e 73781cc5f331 aaf557452281 a5151dd2cf20 848edd018bf8 4f53cda18c2b
4f53cda18c2b 95b692f21c80 01bbe56d0029 6758f5c81da5 4f53cda18c2b a02540231aae
f43f8fa98927 4f53cda18c2b 25bc44a7f980 0f7942310558 fb8b59e9ace0 4f53cda18c2b
fd33ef172b92 4f53cda18c2b 4f53cda18c2b 59d94a056e3d 4f53cda18c2b dd1374c98c36
4805fc73989e 4800638134d2 4f53cda18c2b 95f280d3e878 4f53cda18c2b 3c3e21ba9ba7
4f53cda18c2b 482515f17114 0b3cf2211b13 fa66ebbf8ff5 4f53cda18c2b 8e5e8e2b41ad
ec2932e427e3 051896456c4e a63ef4c9f26b 7f6f2a060503 e6b63739c5be 768ec9b2687d
4f53cda18c2b 4f53cda18c2b bef4a669f477 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b
a958960a53a3 83af269bdc3f 4f53cda18c2b 4f53cda18c2b 2719c99dae10 8eab44064e1f
4f53cda18c2b fd4e69dce02c 4f53cda18c2b 4f53cda18c2b 4f53cda18c2b 67dc9d47e18d
4f53cda18c2b 4f53cda18c2b 7ebcc1fa8af2
"""
EXPECTED = _DIGESTS.split()


_SUGGESTION = re.compile(r"; did you mean '[^']*'\?$")


def _without_suggestions(findings: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [(at, code, _SUGGESTION.sub("", message)) for at, code, message in findings]


def test_the_fixed_corpus_gives_the_recorded_findings() -> None:
    """Every document of the fixed corpus gives exactly the findings recorded before, but for
    the did-you-mean that E402 and E403 messages gained later (only ever a suffix)."""
    corpus_documents = documents()
    assert len(EXPECTED) == len(corpus_documents)
    wrong = [
        name
        for (name, data), expected in zip(corpus_documents, EXPECTED, strict=True)
        if digest(_without_suggestions(semantic_findings(data))) != expected
    ]
    assert [] == wrong
    suggested = [
        message
        for _, data in corpus_documents
        for _, code, message in semantic_findings(data)
        if _SUGGESTION.search(message)
    ]
    assert suggested
    assert all(message.startswith(("refers to", "cites")) for message in suggested)


def test_the_fixed_corpus_has_every_semantic_code() -> None:
    """The corpus reaches every rule of the semantic layer, so the digests pin them all."""
    codes = {code for _, data in documents() for _, code, _ in semantic_findings(data)}
    assert {"E401", "E402", "E403", "E404", "E405", "E406", "E407", "E408"} <= codes
    assert {"W401", "W402", "W403"} <= codes


# ------------------------------------------------------------------------------ properties


def _plain(dataset: incidents.Dataset) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(incidents.to_json(dataset))
    return data


def _parts(data: Any) -> list[tuple[str, str, str]]:
    """The findings of the document rebuilt from the per-record public pieces."""
    if not isinstance(data, dict):
        return []
    records = [(f"/{key}/{position}", CLASSES[key], r) for key, position, r in _records(data)]
    known = {r["id"] for _, _, r in records if isinstance(r.get("id"), str)}
    found = [f for pointer, cls, r in records for f in reference_findings(r, cls, pointer, known)]
    for pointer, cls, record in records:
        found += list(record_findings(record, cls, pointer))
    return found


def _resolves(data: Any, pointer: str) -> bool:
    for part in pointer.split("/")[1:]:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return False
    return True


@given(strategies.datasets(max_records=6))
def test_a_valid_dataset_has_no_semantic_error(dataset: incidents.Dataset) -> None:
    """The strategies build consistent datasets: no error (repeated claims may occur)."""
    found = semantic_findings(_plain(dataset))
    assert [] == [finding for finding in found if finding[1].startswith("E")]


@given(strategies.datasets(max_records=6), st.randoms(use_true_random=False), st.integers(1, 6))
def test_findings_are_those_of_the_parts(
    dataset: incidents.Dataset, rng: random.Random, changes: int
) -> None:
    """Whole-document findings are per-record ones plus the cross-record rules, in order.

    E401 come first, then the references of every record in order, then E404, E409 and E405,
    then what :func:`record_findings` reports for each event (E407, W401, E408, W402),
    then the counts and repeated claims (E406, W403) record by record.
    """
    data = _plain(dataset)
    for _ in range(changes):
        mutate(data, rng)
    found = semantic_findings(data)
    codes = [code for _, code, _ in found]
    order = ["E401", "E402|E403", "E404", "E409", "E405", "E407|W401|E408|W402", "E406|W403"]
    ranks = [next(n for n, group in enumerate(order) if code in group) for code in codes]
    assert sorted(ranks) == ranks
    parts = _parts(data)
    references = [f for f in parts if f[1] in ("E402", "E403")]
    assert references == [f for f in found if f[1] in ("E402", "E403")]
    events = [f for f in parts if f[1] in ("E407", "W401", "E408", "W402")]
    assert events == [f for f in found if f[1] in ("E407", "W401", "E408", "W402")]
    walked = [f for f in parts if f[1] in ("E406", "W403")]
    assert walked == [f for f in found if f[1] in ("E406", "W403")]
    assert all(_resolves(data, pointer) for pointer, _, _ in found)
    assert len(set(found)) == len(found)


# --------------------------------------------------------------------------------- dates


def _parsed_days(text: str) -> Any:
    """What the semantic layer needs of ``PartialDate.parse(text)``."""
    try:
        date = PartialDate.parse(text)
    except FieldError:
        return None
    return text, date.earliest, date.latest


_SINGLES = [
    f"{year}{month}{day}{qualifier}"
    for year in ("0000", "0001", "1900", "2000", "2024", "2025", "9999")
    for qualifier in ("", "~", "?", "%")
    for month, days in [("", [""])]
    + [(f"-{m:02d}", ["", *(f"-{d:02d}" for d in range(33))]) for m in range(14)]
    for day in days
]


def test_date_texts_are_read_as_partial_dates_read_them() -> None:
    """The semantic layer reads dates itself (for speed): exactly as PartialDate does.

    Every year of interest (leap or not, the first and the last), month 0 to 13, day 0 to
    32, every qualifier, and intervals of them.
    """
    rng = random.Random(5)  # noqa: S311 - a reproducible sample
    intervals = [f"{rng.choice(_SINGLES)}/{rng.choice(_SINGLES)}" for _ in range(3000)]
    level_1 = ["2018-03-14/..", "../2018-03", "2018-03-14/", "/2018-03", "2018-03-XX", "201X"]
    level_1 += ["2018-XX", "2018-XX-XX", "20XX", "../..", "/", "2018-XX-05", "2018-02-XX/.."]
    texts = [*_SINGLES, *intervals, *level_1]
    wrong = [t for t in texts if _days(t) != _parsed_days(t)]
    assert [] == wrong


@given(
    st.from_regex(
        r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?)?",
        fullmatch=True,
    )
    | st.from_regex(EDTF_PATTERN, fullmatch=True)
    | st.from_regex(r"(\.\.|[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?[~?%]?)?/?(\.\.|[0-9X]{4})?")
    | st.text(max_size=24)
)
def test_any_date_text_is_read_as_partial_dates_read_it(text: str) -> None:
    """Any text, EDTF level 1 forms and near misses included, reads as PartialDate reads it."""
    assert _parsed_days(text) == _days(text)


@pytest.mark.parametrize("size", [1, 14, 104])
def test_benchmark_documents_have_no_finding(size: int) -> None:
    """The benchmark's valid documents give nothing (as the harness checks before timing)."""
    assert [] == semantic_findings(corpus.document(size))


if __name__ == "__main__":  # record the digests again: see the module's documentation
    for start in range(0, len(docs := documents()), 6):
        print(" ".join(digest(semantic_findings(data)) for _, data in docs[start : start + 6]))
