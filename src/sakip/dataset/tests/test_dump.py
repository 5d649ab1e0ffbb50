"""Export then import gives back the same dataset, number for number."""

from __future__ import annotations

import enum
from collections import OrderedDict
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip.dataset.dump import dump_json, dump_yaml, yaml_number
from sakip.dataset.json_exact import decimal_text
from sakip.dataset.load import parse_document, read_document


def shape(value, *, yaml: bool = False):
    """A value with its types, so that == also compares kinds: a Decimal read
    back as an int, or 81.60 read back as 81.6, is a difference."""
    if isinstance(value, dict):
        return ("dict", [(k, shape(v, yaml=yaml)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [shape(v, yaml=yaml) for v in value])
    if isinstance(value, D):
        # Digits and exponent: the exact text. A YAML float needs a decimal
        # point, so YAML cannot keep a Decimal without fractional digits
        # (5, 1E+3): it is written 5.0, 1000.0. JSON keeps it (5E0, 1E+3).
        if yaml and value.as_tuple().exponent >= 0:  # type: ignore[operator]
            value = D(format(value, "f") + ".0")
        return ("Decimal", value.as_tuple())
    return (type(value).__name__, value)


def read_yaml_text(text: str):
    return parse_document(text, filename="x.yaml")[0]


def read_json_text(text: str):
    return parse_document(text, filename="x.json")[0]


def test_robatal_round_trips(robatal_path):
    doc, _ = read_document(robatal_path)
    assert shape(read_yaml_text(dump_yaml(doc))) == shape(doc, yaml=True)
    assert shape(read_json_text(dump_json(doc))) == shape(doc)


@pytest.mark.parametrize(
    ("doc", "yaml_text"),
    [
        ({"target": {"2020": D("81.55")}}, "target: {2020: 81.55}\n"),
        ({"pagu": D("1436165227.00")}, "pagu: 1436165227.00\n"),
        ({"a": D("1E+3"), "b": D("5"), "c": D("-0.000001")}, "a: 1000.0\nb: 5.0\nc: -0.000001\n"),
        ({"nip": "196604011989031005", "s": "81.55"}, "nip: '196604011989031005'\ns: '81.55'\n"),
        ({"tanggal": "2021-03-01"}, "tanggal: 2021-03-01\n"),
        ({"t": "2021-02-30", "b": "yes", "n": "null"}, "t: '2021-02-30'\nb: 'yes'\nn: 'null'\n"),
        ({"uraian": "Peningkatan pelayanan — désa"}, "uraian: Peningkatan pelayanan — désa\n"),
        ({"k": "baris satu\nbaris dua\n"}, "k: |\n  baris satu\n  baris dua\n"),
        ({"1.5": 1, "0": 2, "01": 3}, "'1.5': 1\n0: 2\n'01': 3\n"),
        ({"periode": [2019, 2024], "x": []}, "periode: [2019, 2024]\nx: []\n"),
        (
            {"program": [{"kode": "P1", "kegiatan": [{"uraian": "K", "pagu": D("1.00")}]}]},
            "program:\n  - kode: P1\n    kegiatan:\n      - {uraian: K, pagu: 1.00}\n",
        ),
    ],
)
def test_yaml_output(doc, yaml_text):
    assert dump_yaml(doc) == yaml_text
    assert shape(read_yaml_text(yaml_text)) == shape(doc, yaml=True)


def test_json_output():
    doc = {"a": {"2020": D("81.60"), "s": "é"}, "b": [{"c": D("0.10")}, [1]], "d": None}
    assert dump_json(doc) == (
        '{\n  "a": {"2020": 81.60, "s": "é"},\n  "b": [\n    {"c": 0.10},\n    [1]\n  ],\n'
        '  "d": null\n}\n'
    )


class Polaritas(str, enum.Enum):  # noqa: UP042 - str() is "Polaritas.POSITIF"
    POSITIF = "positif"


class Tahun(enum.IntEnum):
    T2020 = 2020


def test_subclasses_of_plain_types_are_written_as_their_values():
    doc = OrderedDict(p=Polaritas.POSITIF, t=Tahun.T2020)
    assert dump_yaml(doc) == "p: positif\nt: 2020\n"
    assert dump_json(doc) == '{\n  "p": "positif",\n  "t": 2020\n}\n'


@pytest.mark.parametrize("dump", [dump_yaml, dump_json])
def test_a_float_is_refused(dump):
    with pytest.raises(TypeError, match="float"):
        dump({"a": 0.1})


# -- properties -------------------------------------------------------------
TRICKY = [
    "",
    "2020",
    "0",
    "00",
    "007",
    "1.5",
    "81.60",
    "-.5",
    ".inf",
    ".nan",
    "1e3",
    "0x1F",
    "1_000",
    "1:30",
    "yes",
    "No",
    "on",
    "null",
    "~",
    "true",
    "<<",
    "=",
    "-",
    "- x",
    "? x",
    "a: b",
    "a #c",
    "#c",
    "[1]",
    "{a}",
    "*a",
    "&a",
    "!t",
    "%x",
    "@x",
    "`x",
    "'",
    '"',
    "|",
    ">",
    "2021-03-01",
    "2021-02-30",
    "2021-03-01 10:00:00",
    " lead",
    "trail ",
    "\ttab",
    "a\nb",
    "a\n",
    "\n",
    "a\u2028b",
    "\ufeffbom",
    "x\x85y",
    "\x00",
    "\r\n",
    "é — ü 中文",
]
keys = st.one_of(st.text(max_size=10), st.sampled_from(TRICKY))
texts = st.one_of(st.text(max_size=30), st.sampled_from(TRICKY))
decimals = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**20), max_value=10**20),
    st.integers(0, 6).flatmap(
        lambda p: st.decimals(places=p, min_value=-(10**15), max_value=10**15)
    ),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), decimals, texts)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=20,
)
documents = st.dictionaries(keys, values, max_size=6)


# Generating nested documents is most of the time: each one serves both formats.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_yaml_and_json_round_trip(doc):
    assert shape(read_yaml_text(dump_yaml(doc))) == shape(doc, yaml=True)
    assert shape(read_json_text(dump_json(doc))) == shape(doc)


amounts = st.builds(
    lambda digits, exponent, negative: D(f"{'-' if negative else ''}{digits}").scaleb(exponent),
    st.integers(0, 10**25),
    st.integers(-20, -1),
    st.booleans(),
)


@settings(max_examples=100, deadline=None)
@given(amounts)
def test_an_amount_keeps_its_exact_text(amount):
    text = yaml_number(amount)
    assert "e" not in text.lower() and D(text).as_tuple() == amount.as_tuple()
    assert D(decimal_text(amount)).as_tuple() == amount.as_tuple()
    for dump, read in ((dump_yaml, read_yaml_text), (dump_json, read_json_text)):
        back = read(dump({"pagu": amount}))["pagu"]
        assert type(back) is D and back.as_tuple() == amount.as_tuple()
