"""The planning pages of an instansi-year: the Renstra with its targets by
year, the IKU sheet, the pohon kinerja (cascading tree), the Perjanjian
Kinerja by version, and the rencana aksi by quarter.

Each page reads what it shows in a fixed number of queries, whatever the
size of the plan: the rows are read at once (the editable fields read
theirs once per page, :mod:`sakip.web.ubah`), and the computed figures come
from the engine's report of the year (one document built from the record).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sakip.akun.akses import Aksi, boleh
from sakip.common.errors import DatasetError
from sakip.engine.anggaran import NodeAnggaran
from sakip.engine.kinerja import BarisIndikator
from sakip.engine.laporan import Laporan
from sakip.model import Indikator as IndikatorModel
from sakip.record import services
from sakip.record.models import (
    AnggaranNode,
    Indikator,
    JenisTriwulan,
    Level,
    NilaiIndikator,
    PerjanjianIndikator,
    PerjanjianKinerja,
    PerjanjianProgram,
    Sasaran,
    StatusTahun,
    TahunKinerja,
)
from sakip.record.queries import laporan_tahun
from sakip.record.riwayat import indikator_dari_tahun
from sakip.web.akses import tahun_untuk, tahun_untuk_isian
from sakip.web.isian import nilai_isian, uang_isian, versi_dibaca
from sakip.web.tahun import tampil_tahun
from sakip.web.ubah import (
    Isian,
    _boleh_ubah,
    _riwayat_url,
    _simpan,
    isian_indikator,
    isian_nilai,
    isian_triwulan,
    url_cepat,
)


def _nilai_per_tahun(ids: Iterable[int], **syarat: object) -> dict[tuple[int, int], NilaiIndikator]:
    """The values of the indicators, by (indicator, year), in one query."""
    rows = NilaiIndikator.objects.filter(indikator_id__in=list(ids), **syarat)
    return {(n.indikator_id, n.tahun): n for n in rows}


# -- Renstra ----------------------------------------------------------------------


@dataclass
class BarisRenstra:
    indikator: Indikator
    #: (year, target field, realisasi or None for a year still to come)
    tahun: list[tuple[int, Isian, object]]


def _baris_renstra(
    request: HttpRequest,
    tk: TahunKinerja,
    daftar: Sequence[Indikator],
    nilai: dict[tuple[int, int], NilaiIndikator],
    periode: range,
) -> list[BarisRenstra]:
    out = []
    for ind in daftar:
        kolom = []
        for th in periode:
            row = nilai.get((ind.pk, th))
            isian = isian_nilai(request, tk, ind, "target", th)
            realisasi = row.realisasi if row is not None and th <= tk.tahun else None
            kolom.append((th, isian, realisasi))
        out.append(BarisRenstra(ind, kolom))
    return out


@require_GET
@login_required
def renstra(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """Tujuan, sasaran and indicators of the year's Renstra, with the target
    of every year of the period editable in place and past realisations."""
    tk = tahun_untuk(request, instansi_id, tahun)
    return tampil_tahun(request, tk, "web/rencana/renstra.html", lambda: _renstra_isi(request, tk))


def _renstra_isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    r = tk.renstra
    tujuan: list[dict[str, object]] = []
    periode = range(0)
    if r is not None:
        periode = range(r.periode_awal, r.periode_akhir + 1)
        semua = list(Indikator.objects.filter(renstra=r).order_by("urutan", "id"))
        nilai = _nilai_per_tahun(i.pk for i in semua)
        per_induk: dict[tuple[str, int], list[Indikator]] = defaultdict(list)
        for i in semua:
            if i.sasaran_id is not None:
                per_induk[("sasaran", i.sasaran_id)].append(i)
            elif i.tujuan_id is not None:
                per_induk[("tujuan", i.tujuan_id)].append(i)
        sasaran: dict[int, list[Sasaran]] = defaultdict(list)
        for s in Sasaran.objects.filter(tujuan__renstra=r).order_by("tujuan_id", "urutan"):
            sasaran[s.tujuan_id].append(s)
        for t in r.tujuan.order_by("urutan"):
            tujuan.append(
                {
                    "tujuan": t,
                    "baris": _baris_renstra(
                        request, tk, per_induk[("tujuan", t.pk)], nilai, periode
                    ),
                    "sasaran": [
                        {
                            "sasaran": s,
                            "baris": _baris_renstra(
                                request, tk, per_induk[("sasaran", s.pk)], nilai, periode
                            ),
                        }
                        for s in sasaran[t.pk]
                    ],
                }
            )
    return {"renstra": r, "tujuan": tujuan, "periode": periode}


# -- IKU --------------------------------------------------------------------------


_KOLOM_IKU = ("formula", "sumber_data", "penanggung_jawab")


@require_GET
@login_required
def iku(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """The IKU sheet: every key indicator with how it is measured (formula,
    source, who answers for it) and its target of the year, all editable."""
    tk = tahun_untuk(request, instansi_id, tahun)
    return tampil_tahun(request, tk, "web/rencana/iku.html", lambda: _iku_isi(request, tk))


def _iku_isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    daftar = list(
        indikator_dari_tahun(tk)
        .filter(iku=True)
        .select_related("sasaran", "tujuan")
        .order_by("urutan", "id")
    )
    baris = [
        {
            "indikator": i,
            "target": isian_nilai(request, tk, i, "target"),
            **{b: isian_indikator(request, tk, i, b) for b in _KOLOM_IKU},
        }
        for i in daftar
    ]
    return {"baris": baris}


# -- Pohon kinerja ------------------------------------------------------------------


@dataclass
class Simpul:
    """One box of the pohon kinerja."""

    jenis: str  # rpjmd | misi | tujuan | sasaran | program | kegiatan | sub_kegiatan | lain
    label: str
    kode: str | None
    uraian: str
    indikator: list[dict[str, object]] = field(default_factory=list)
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    anak: list[Simpul] = field(default_factory=list)


_LABEL_ANGGARAN = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}


def _indikator_simpul(
    daftar: Iterable[IndikatorModel], hasil: dict[str, BarisIndikator]
) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for ind in daftar:
        b = hasil.get(ind.kode)
        out.append(
            {
                "kode": ind.kode,
                "uraian": ind.uraian,
                "satuan": ind.satuan,
                "target": b.target if b else None,
                "capaian": b.capaian if b else None,
            }
        )
    return out


def _simpul_anggaran(node: NodeAnggaran, hasil: dict[str, BarisIndikator]) -> Simpul:
    return Simpul(
        jenis=node.tingkat,
        label=_LABEL_ANGGARAN.get(node.tingkat, node.tingkat),
        kode=node.kode,
        uraian=node.uraian,
        indikator=_indikator_simpul(node.indikator, hasil),
        pagu=node.pagu,
        realisasi=node.realisasi,
        anak=[_simpul_anggaran(a, hasil) for a in node.anak],
    )


def pohon_kinerja(laporan: Laporan) -> tuple[list[Simpul], int]:
    """The cascading tree of the year, from the engine's report: RPJMD
    sasaran -> tujuan -> sasaran (with its indicators) -> program ->
    kegiatan -> sub kegiatan; and how many boxes it has.

    A tujuan hangs under every RPJMD code it (or one of its sasaran)
    supports; a program under the sasaran it names, or whose indicators it
    serves (``mendukung``). What links to nothing is shown in a box of its
    own, so that a gap in the cascade is seen, not hidden.
    """
    dok = laporan.dokumen
    hasil = {b.ref.kode: b for b in laporan.indikator_tahun()}
    program = list(laporan.anggaran.belanja_langsung.anak) if laporan.anggaran else []
    dipakai: set[int] = set()

    def program_untuk(sasaran_kode: str, kode_indikator: set[str]) -> list[Simpul]:
        out = []
        for i, p in enumerate(program):
            pos = p.pos
            sendiri = pos.mendukung if pos is not None else ()
            if sasaran_kode in p.sasaran or kode_indikator.intersection(sendiri):
                dipakai.add(i)
                out.append(_simpul_anggaran(p, hasil))
        return out

    akar: dict[str, Simpul] = {}
    rpjmd = dok.rpjmd
    if rpjmd is not None:
        for u in rpjmd.sasaran:
            akar[u.kode] = Simpul(
                "rpjmd", "Sasaran RPJMD", u.kode, u.uraian, _indikator_simpul(u.indikator, {})
            )
        for u in rpjmd.tujuan:
            akar.setdefault(u.kode, Simpul("rpjmd", "Tujuan RPJMD", u.kode, u.uraian))
        for m in rpjmd.misi:
            akar.setdefault(m.kode, Simpul("misi", "Misi", m.kode, m.uraian))
    tanpa = Simpul("lain", "", None, "Tidak terhubung ke RPJMD")
    terpakai: set[str] = set()
    tujuan_list = dok.renstra.tujuan if dok.renstra is not None else ()
    for t in tujuan_list:
        simpul = Simpul("tujuan", "Tujuan", t.kode, t.uraian, _indikator_simpul(t.indikator, hasil))
        for s in t.sasaran:
            kode_ind = {i.kode for i in s.indikator}
            simpul.anak.append(
                Simpul(
                    "sasaran",
                    "Sasaran",
                    s.kode,
                    s.uraian,
                    _indikator_simpul(s.indikator, hasil),
                    anak=program_untuk(s.kode, kode_ind),
                )
            )
        kode_rpjmd = list(
            dict.fromkeys([*t.mendukung, *(k for s in t.sasaran for k in s.mendukung)])
        )
        induk = [akar[k] for k in kode_rpjmd if k in akar]
        for k in kode_rpjmd:
            if k not in akar:  # a code the RPJMD section does not list
                akar[k] = Simpul("rpjmd", "RPJMD", k, "")
                induk.append(akar[k])
        for n in induk or [tanpa]:
            n.anak.append(simpul)
            terpakai.add(n.kode or "")
    pohon = [
        n for kode, n in akar.items() if kode in terpakai or n.jenis == "rpjmd" and not tujuan_list
    ]
    if tanpa.anak:
        pohon.append(tanpa)
    lepas = [_simpul_anggaran(p, hasil) for i, p in enumerate(program) if i not in dipakai]
    if lepas:
        pohon.append(Simpul("lain", "", None, "Program tanpa sasaran Renstra", anak=lepas))

    def hitung(n: Simpul) -> int:
        return 1 + sum(hitung(a) for a in n.anak)

    return pohon, sum(hitung(n) for n in pohon)


@require_GET
@login_required
def pohon(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """The pohon kinerja drawn server-side as nested lists (no script)."""
    tk = tahun_untuk(request, instansi_id, tahun)
    return tampil_tahun(request, tk, "web/rencana/pohon.html", lambda: _pohon_isi(request, tk))


def _pohon_isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    akar, jumlah = pohon_kinerja(laporan_tahun(tk))
    return {"pohon": akar, "jumlah_simpul": jumlah}


# -- Perjanjian Kinerja ---------------------------------------------------------------


def _isian_pk(
    request: HttpRequest, tk: TahunKinerja, pk: PerjanjianKinerja, item: PerjanjianIndikator
) -> Isian:
    """The target an agreement prints for an indicator; changeable while unsigned."""
    return Isian(
        url=url_cepat("web:ubah-pk-target", tk.instansi_id, tk.tahun, item.pk),
        label=f"Target {item.indikator.kode} {pk}",
        nilai=item.target,
        versi=item.versi,
        boleh_ubah=pk.ditandatangani_pada is None and _boleh_ubah(request, Aksi.UBAH_RENCANA, tk),
        riwayat=_riwayat_url(tk, indikator=item.indikator.kode, bidang="target"),
    )


def _isian_pk_pagu(
    request: HttpRequest, tk: TahunKinerja, pk: PerjanjianKinerja, item: PerjanjianProgram
) -> Isian:
    """The pagu an agreement prints for a program; changeable while unsigned."""
    return Isian(
        url=url_cepat("web:ubah-pk-pagu", tk.instansi_id, tk.tahun, item.pk),
        label=f"Pagu {item.kode} {pk}",
        nilai=item.pagu,
        versi=item.versi,
        boleh_ubah=pk.ditandatangani_pada is None and _boleh_ubah(request, Aksi.UBAH_RENCANA, tk),
        riwayat=_riwayat_url(tk, anggaran=item.kode, bidang="pagu"),
        uang=True,
    )


@require_GET
@login_required
def perjanjian(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """Every version of the year's Perjanjian Kinerja, the latest first: its
    indicators with targets, programs with pagu, and who signed it. The
    computed figures come with :func:`perjanjian_hasil`, read after the page."""
    tk = tahun_untuk(request, instansi_id, tahun)
    return tampil_tahun(request, tk, "web/rencana/pk.html", lambda: _perjanjian_isi(request, tk))


def _perjanjian_isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    versi = list(
        tk.perjanjian.order_by("-nomor")
        .select_related("ditandatangani_oleh")
        .prefetch_related(
            Prefetch("indikator", PerjanjianIndikator.objects.select_related("indikator")),
            "program",
        )
    )
    renstra = _nilai_per_tahun(
        {i.indikator_id for pk in versi for i in pk.indikator.all()}, tahun=tk.tahun
    )
    uraian = dict(
        AnggaranNode.objects.filter(anggaran__tahun_kinerja=tk, level=Level.PROGRAM)
        .exclude(kode=None)
        .values_list("kode", "uraian")
    )
    user = request.user
    terbuka = tk.status != StatusTahun.DISETUJUI
    daftar = []
    for n, pk in enumerate(versi):
        terakhir = n == 0
        ditandatangani = pk.ditandatangani_pada is not None
        daftar.append(
            {
                "pk": pk,
                "terakhir": terakhir,
                "indikator": [
                    {
                        "item": i,
                        "target": _isian_pk(request, tk, pk, i),
                        "renstra": getattr(renstra.get((i.indikator_id, tk.tahun)), "target", None),
                    }
                    for i in pk.indikator.all()
                ],
                "program": [
                    {
                        "item": p,
                        "pagu": _isian_pk_pagu(request, tk, pk, p),
                        "uraian": uraian.get(p.kode, ""),
                    }
                    for p in pk.program.all()
                ],
                "boleh_tandatangani": terakhir
                and not ditandatangani
                and boleh(user, Aksi.TANDATANGANI_PK, tk),
                "boleh_perubahan": terakhir
                and ditandatangani
                and terbuka
                and boleh(user, Aksi.UBAH_RENCANA, tk),
            }
        )
    return {"versi": daftar}


@require_GET
@login_required
def perjanjian_hasil(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """What the engine computes from the latest PK: the capaian of its
    indicators, the budget's pagu of its programs, and the findings about it."""
    tk = tahun_untuk(request, instansi_id, tahun)
    laporan = laporan_tahun(tk)
    pk = laporan.dokumen.perjanjian_kinerja
    hasil = {b.ref.kode: b for b in laporan.indikator_tahun()}
    anggaran = (
        {p.kode: p for p in laporan.anggaran.belanja_langsung.anak if p.kode}
        if laporan.anggaran
        else {}
    )
    konteks = {
        "tk": tk,
        "pk": pk,
        "indikator": [(i, hasil.get(i.kode)) for i in pk.indikator] if pk else [],
        "program": [(p, anggaran.get(p.kode)) for p in pk.program] if pk else [],
        "temuan": [t for t in laporan.temuan if t.kode in ("PK_TARGET_BEDA", "PK_PAGU_BEDA")],
    }
    return render(request, "web/rencana/_pk_hasil.html", konteks)


def _pk_nomor(tk: TahunKinerja, nomor: int) -> PerjanjianKinerja:
    pk = PerjanjianKinerja.objects.filter(tahun_kinerja=tk, nomor=nomor).first()
    if pk is None:
        raise Http404("Perjanjian Kinerja tidak ditemukan")
    pk.tahun_kinerja = tk  # already read and checked
    return pk


@require_POST
@login_required
def pk_tandatangani(request: HttpRequest, instansi_id: int, tahun: int, nomor: int) -> HttpResponse:
    """The pimpinan signs the latest version."""
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.TANDATANGANI_PK)
    pk = _pk_nomor(tk, nomor)
    try:
        versi = versi_dibaca(request.POST)
        services.pk_tandatangani(aktor=cast(User, request.user), perjanjian=pk, versi=versi)
        messages.success(request, f"{pk} ditandatangani.")
    except DatasetError as exc:
        messages.error(request, str(exc))
    return redirect("web:pk", instansi_id, tahun)


@require_POST
@login_required
def pk_perubahan(request: HttpRequest, instansi_id: int, tahun: int, nomor: int) -> HttpResponse:
    """The operator starts a PK Perubahan from the latest signed version."""
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.UBAH_RENCANA)
    pk = _pk_nomor(tk, nomor)
    try:
        baru = services.pk_perubahan_buat(aktor=cast(User, request.user), perjanjian=pk)
        messages.success(
            request, f"{baru} dibuat. Ubah targetnya, lalu minta pimpinan menandatanganinya."
        )
    except DatasetError as exc:
        messages.error(request, str(exc))
    return redirect("web:pk", instansi_id, tahun)


@login_required
@require_http_methods(["GET", "POST"])
def ubah_pk_target(request: HttpRequest, instansi_id: int, tahun: int, pk: int) -> HttpResponse:
    return _ubah_isi_pk(
        request,
        instansi_id,
        tahun,
        PerjanjianIndikator.objects.filter(pk=pk).select_related("perjanjian", "indikator"),
        lambda tk, item: _isian_pk(request, tk, item.perjanjian, item),
        lambda aktor, item, teks, versi: services.pk_target_set(
            aktor=aktor, indikator=item, target=nilai_isian(teks), versi=versi
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def ubah_pk_pagu(request: HttpRequest, instansi_id: int, tahun: int, pk: int) -> HttpResponse:
    return _ubah_isi_pk(
        request,
        instansi_id,
        tahun,
        PerjanjianProgram.objects.filter(pk=pk).select_related("perjanjian"),
        lambda tk, item: _isian_pk_pagu(request, tk, item.perjanjian, item),
        lambda aktor, item, teks, versi: services.pk_pagu_set(
            aktor=aktor, program=item, pagu=uang_isian(teks), versi=versi
        ),
    )


_IsiPk = TypeVar("_IsiPk", PerjanjianIndikator, PerjanjianProgram)


def _ubah_isi_pk(
    request: HttpRequest,
    instansi_id: int,
    tahun: int,
    rows: QuerySet[_IsiPk],
    buat: Callable[[TahunKinerja, _IsiPk], Isian],
    tulis: Callable[[User, _IsiPk, str, int], object],
) -> HttpResponse:
    """GET: the field of a PK's indicator target or program pagu; POST: save
    it. An item of another year's PK is not found."""
    tk = tahun_untuk_isian(request, instansi_id, tahun, Aksi.UBAH_RENCANA)

    def baca() -> _IsiPk:
        item = rows.filter(perjanjian__tahun_kinerja=tk).first()
        if item is None:
            raise Http404("isian Perjanjian Kinerja tidak ditemukan")
        return item

    item = baca()
    # Read again after a save: the row's version and the PK's signature may have changed.
    return _simpan(
        request,
        tk,
        lambda: buat(tk, baca()),
        lambda aktor, teks, versi: tulis(aktor, item, teks, versi),
    )


# -- Rencana aksi ---------------------------------------------------------------------


@require_GET
@login_required
def rencana_aksi(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """The quarterly targets (TW1-TW4) of each indicator of the year's PK
    (or, without one, of each Renstra indicator with a target that year),
    beside its annual target."""
    tk = tahun_untuk(request, instansi_id, tahun)
    return tampil_tahun(
        request, tk, "web/rencana/rencana_aksi.html", lambda: _rencana_aksi_isi(request, tk)
    )


def _rencana_aksi_isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    pk = tk.perjanjian.order_by("-nomor").prefetch_related("indikator__indikator").first()
    target_pk: dict[int, object] = {}
    if pk is not None and pk.indikator.all():
        daftar = [i.indikator for i in pk.indikator.all()]
        target_pk = {i.indikator_id: i.target for i in pk.indikator.all()}
        nilai = _nilai_per_tahun((i.pk for i in daftar), tahun=tk.tahun)
    else:
        semua = list(
            Indikator.objects.filter(renstra_id=tk.renstra_id).order_by("urutan", "id")
            if tk.renstra_id
            else []
        )
        nilai = _nilai_per_tahun((i.pk for i in semua), tahun=tk.tahun)
        daftar = [
            i for i in semua if getattr(nilai.get((i.pk, tk.tahun)), "target", None) is not None
        ]
    baris = []
    for ind in daftar:
        tahunan = target_pk.get(ind.pk)
        sumber = "PK"
        if tahunan is None:
            tahunan = getattr(nilai.get((ind.pk, tk.tahun)), "target", None)
            sumber = "Renstra"
        baris.append(
            {
                "indikator": ind,
                "target": tahunan,
                "sumber": sumber if tahunan is not None else "",
                "triwulan": [
                    isian_triwulan(request, tk, ind, JenisTriwulan.RENCANA_AKSI, q)
                    for q in (1, 2, 3, 4)
                ],
            }
        )
    return {"baris": baris, "pk": pk}
