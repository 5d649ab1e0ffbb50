"""Budget roll-up: pagu and realisasi from the leaves to the whole agency.

A parent's amounts are always the sum of its children; what a document
printed for a parent is kept aside (``dinyatakan``) and compared, never
trusted. Locations name a node by its kode, or by ``#N`` (its 1-based
position among its siblings) when it has none: ``7.01.02/7.01.02.2.01/#3``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sakip.engine.angka import persen
from sakip.model import NOL, Anggaran, DinyatakanUang, Indikator, KelasBelanja, PosAnggaran
from sakip.model.anggaran import anggaran_dari

#: Kept for readers of the totals per class, in the order a table prints them.
KELAS_BELANJA = tuple(k.value for k in KelasBelanja)


@dataclass
class NodeAnggaran:
    lokasi: str
    tingkat: str  # program | kegiatan | sub_kegiatan | btl | kelompok
    uraian: str
    kode: str | None = None
    pagu: Decimal = NOL
    realisasi: Decimal = NOL
    anak: list[NodeAnggaran] = field(default_factory=list)
    pos: PosAnggaran | None = None  # the dataset node; none for a group
    dinyatakan: tuple[DinyatakanUang, ...] = ()  # what the document printed for it
    rincian: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    mendukung: tuple[str, ...] = ()  # indicator codes served (own or inherited)
    sasaran: tuple[str, ...] = ()  # sasaran codes served (programs)

    @property
    def penyerapan(self) -> Decimal | None:
        return persen(self.realisasi, self.pagu)

    @property
    def sisa(self) -> Decimal:
        return self.pagu - self.realisasi

    @property
    def indikator(self) -> tuple[Indikator, ...]:
        """Output indicators of the node."""
        return self.pos.indikator if self.pos is not None else ()

    def telusuri(self) -> Iterator[NodeAnggaran]:
        """This node and all below it, parents first."""
        yield self
        for a in self.anak:
            yield from a.telusuri()

    def daun(self) -> Iterator[NodeAnggaran]:
        if not self.anak:
            yield self
        for a in self.anak:
            yield from a.daun()


@dataclass
class RingkasanAnggaran:
    total: NodeAnggaran
    belanja_langsung: NodeAnggaran
    belanja_tidak_langsung: NodeAnggaran | None
    per_kelas: dict[str, tuple[Decimal, Decimal]]

    def semua(self) -> Iterator[NodeAnggaran]:
        """Every row a budget table prints: totals first, then the trees."""
        yield self.total
        if self.belanja_tidak_langsung is not None:
            yield self.belanja_langsung
            yield from self.belanja_tidak_langsung.telusuri()
        for program in self.belanja_langsung.anak:
            yield from program.telusuri()


def _nama(pos: PosAnggaran, posisi: int) -> str:
    return pos.kode if pos.kode is not None else f"#{posisi}"


# The level of a node's children, by its own level.
_ANAK = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}


def _bangun(
    pos: PosAnggaran,
    tingkat: str,
    lokasi: str,
    mendukung: tuple[str, ...],
) -> NodeAnggaran:
    node = NodeAnggaran(
        lokasi=lokasi,
        tingkat=tingkat,
        uraian=pos.uraian,
        kode=pos.kode,
        pos=pos,
        dinyatakan=pos.dinyatakan,
        mendukung=pos.mendukung or mendukung,
        sasaran=pos.sasaran,
    )
    if pos.anak:
        anak = _ANAK.get(tingkat, tingkat)
        for i, child in enumerate(pos.anak, start=1):
            node.anak.append(_bangun(child, anak, f"{lokasi}/{_nama(child, i)}", node.mendukung))
        node.pagu = sum((a.pagu for a in node.anak), NOL)
        node.realisasi = sum((a.realisasi for a in node.anak), NOL)
        return node
    for kelas, r in pos.rincian.items():
        node.rincian[kelas.value] = (r.pagu, r.realisasi)
    # A leaf may give only its rincian: its amounts are then their sums.
    if node.rincian and pos.pagu is None:
        node.pagu = sum((p for p, _ in node.rincian.values()), NOL)
    else:
        node.pagu = pos.pagu if pos.pagu is not None else NOL
    if node.rincian and pos.realisasi is None:
        node.realisasi = sum((r for _, r in node.rincian.values()), NOL)
    else:
        node.realisasi = pos.realisasi if pos.realisasi is not None else NOL
    return node


def _kelompok(lokasi: str, uraian: str, anak: Sequence[NodeAnggaran]) -> NodeAnggaran:
    node = NodeAnggaran(lokasi=lokasi, tingkat="kelompok", uraian=uraian, anak=list(anak))
    node.pagu = sum((a.pagu for a in anak), NOL)
    node.realisasi = sum((a.realisasi for a in anak), NOL)
    return node


def hitung_anggaran(anggaran: Anggaran | Mapping[str, object]) -> RingkasanAnggaran:
    """Roll up a dataset's budget (the model's, or the plain ``anggaran`` section).

    >>> r = hitung_anggaran({"program": [{"kode": "P1", "kegiatan": [
    ...     {"pagu": Decimal("10.50"), "realisasi": 10}, {"pagu": 5, "realisasi": 1}]}]})
    >>> r.total.pagu, r.total.realisasi, r.total.sisa
    (Decimal('15.50'), Decimal('11.00'), Decimal('4.50'))
    >>> [n.lokasi for n in r.semua()]
    ['total', 'P1', 'P1/#1', 'P1/#2']
    """
    if not isinstance(anggaran, Anggaran):
        anggaran = anggaran_dari(anggaran)
    programs = [
        _bangun(p, "program", _nama(p, i), ()) for i, p in enumerate(anggaran.program, start=1)
    ]
    langsung = _kelompok("belanja_langsung", "Belanja Langsung", programs)
    btl = None
    if anggaran.belanja_tidak_langsung:
        btl_lines = [
            _bangun(b, "btl", f"belanja_tidak_langsung/{_nama(b, i)}", ())
            for i, b in enumerate(anggaran.belanja_tidak_langsung, start=1)
        ]
        btl = _kelompok("belanja_tidak_langsung", "Belanja Tidak Langsung", btl_lines)
    total = _kelompok("total", "Jumlah Belanja", [langsung] + ([btl] if btl else []))
    # The section's own `dinyatakan` is what the document printed for the whole.
    total.dinyatakan = anggaran.dinyatakan
    per_kelas: dict[str, tuple[Decimal, Decimal]] = {}
    for leaf in total.daun():
        for kelas, (p, r) in leaf.rincian.items():
            sp, sr = per_kelas.get(kelas, (NOL, NOL))
            per_kelas[kelas] = (sp + p, sr + r)
    return RingkasanAnggaran(total, langsung, btl, per_kelas)
