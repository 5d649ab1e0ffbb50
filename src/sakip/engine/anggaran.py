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

from sakip.engine.angka import ke_desimal, persen

NOL = Decimal("0.00")
KELAS_BELANJA = ("pegawai", "barang_jasa", "modal")
ANAK = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}


@dataclass
class NodeAnggaran:
    lokasi: str
    tingkat: str  # program | kegiatan | sub_kegiatan | btl | kelompok
    uraian: str
    kode: str | None = None
    pagu: Decimal = NOL
    realisasi: Decimal = NOL
    anak: list[NodeAnggaran] = field(default_factory=list)
    data: Mapping[str, object] = field(default_factory=dict)  # the dataset node
    rincian: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    mendukung: tuple[str, ...] = ()  # indicator codes served (own or inherited)
    sasaran: tuple[str, ...] = ()  # sasaran codes served (programs)

    @property
    def penyerapan(self) -> Decimal | None:
        return persen(self.realisasi, self.pagu)

    @property
    def sisa(self) -> Decimal:
        return self.pagu - self.realisasi

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


def _uang(value: object) -> Decimal:
    angka = ke_desimal(value)
    return angka if angka is not None else NOL


def _nama(node: Mapping[str, object], posisi: int) -> str:
    kode = node.get("kode")
    return str(kode) if kode not in (None, "") else f"#{posisi}"


def _bangun(
    data: Mapping[str, object],
    tingkat: str,
    lokasi: str,
    mendukung: tuple[str, ...],
) -> NodeAnggaran:
    own = tuple(str(k) for k in data.get("mendukung") or ())
    node = NodeAnggaran(
        lokasi=lokasi,
        tingkat=tingkat,
        uraian=str(data.get("uraian", "")),
        kode=str(data["kode"]) if data.get("kode") not in (None, "") else None,
        data=data,
        mendukung=own or mendukung,
        sasaran=tuple(str(s) for s in data.get("sasaran") or ()),
    )
    anak_key = ANAK.get(tingkat)
    children = list(data.get(anak_key) or ()) if anak_key else []
    if children:
        for i, child in enumerate(children, start=1):
            node.anak.append(
                _bangun(child, anak_key, f"{lokasi}/{_nama(child, i)}", node.mendukung)
            )
        node.pagu = sum((a.pagu for a in node.anak), NOL)
        node.realisasi = sum((a.realisasi for a in node.anak), NOL)
        return node
    rincian = data.get("rincian") or {}
    for kelas in KELAS_BELANJA:
        if kelas in rincian:
            r = rincian[kelas]
            node.rincian[kelas] = (_uang(r.get("pagu")), _uang(r.get("realisasi")))
    if node.rincian and "pagu" not in data:
        node.pagu = sum((p for p, _ in node.rincian.values()), NOL)
    else:
        node.pagu = _uang(data.get("pagu"))
    if node.rincian and "realisasi" not in data:
        node.realisasi = sum((r for _, r in node.rincian.values()), NOL)
    else:
        node.realisasi = _uang(data.get("realisasi"))
    return node


def _kelompok(lokasi: str, uraian: str, anak: Sequence[NodeAnggaran]) -> NodeAnggaran:
    node = NodeAnggaran(lokasi=lokasi, tingkat="kelompok", uraian=uraian, anak=list(anak))
    node.pagu = sum((a.pagu for a in anak), NOL)
    node.realisasi = sum((a.realisasi for a in anak), NOL)
    return node


def hitung_anggaran(anggaran: Mapping[str, object]) -> RingkasanAnggaran:
    """Roll up a dataset's ``anggaran`` section.

    >>> r = hitung_anggaran({"program": [{"kode": "P1", "kegiatan": [
    ...     {"pagu": Decimal("10.50"), "realisasi": 10}, {"pagu": 5, "realisasi": 1}]}]})
    >>> r.total.pagu, r.total.realisasi, r.total.sisa
    (Decimal('15.50'), Decimal('11.00'), Decimal('4.50'))
    >>> [n.lokasi for n in r.semua()]
    ['total', 'P1', 'P1/#1', 'P1/#2']
    """
    programs = [
        _bangun(p, "program", _nama(p, i), ())
        for i, p in enumerate(anggaran.get("program") or (), start=1)
    ]
    langsung = _kelompok("belanja_langsung", "Belanja Langsung", programs)
    btl_data = anggaran.get("belanja_tidak_langsung")
    btl = None
    if btl_data:
        btl_lines = [
            _bangun(b, "btl", f"belanja_tidak_langsung/{_nama(b, i)}", ())
            for i, b in enumerate(btl_data, start=1)
        ]
        btl = _kelompok("belanja_tidak_langsung", "Belanja Tidak Langsung", btl_lines)
    total = _kelompok("total", "Jumlah Belanja", [langsung] + ([btl] if btl else []))
    total.data = anggaran
    per_kelas: dict[str, tuple[Decimal, Decimal]] = {}
    for leaf in total.daun():
        for kelas, (p, r) in leaf.rincian.items():
            sp, sr = per_kelas.get(kelas, (NOL, NOL))
            per_kelas[kelas] = (sp + p, sr + r)
    return RingkasanAnggaran(total, langsung, btl, per_kelas)
