"""Pengukuran kinerja of a dataset: every indicator in every year, the
capaian of each sasaran and of the whole agency, and the findings on what
the document printed for them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sakip.engine.angka import ke_desimal
from sakip.engine.capaian import Capaian, RataRata, capaian_indikator, rata_rata_capaian
from sakip.engine.perbandingan import Perubahan, perubahan
from sakip.engine.predikat import Skala
from sakip.engine.temuan import (
    Temuan,
    bandingkan_persen,
    bandingkan_teks,
    daftar_dinyatakan,
    persen_cocok,
    teks,
)
from sakip.engine.triwulan import AKUMULASI, nilai_tahunan


@dataclass(frozen=True)
class Aturan:
    """The pemda's settings that change how figures are computed."""

    skala: Skala
    batas_capaian: Decimal | None = None
    rumus_negatif: str = "2t-r"


@dataclass(frozen=True)
class IndikatorRef:
    """Where an indicator sits: its dataset node and its parents."""

    data: Mapping[str, object]
    jenis: str  # "tujuan", "sasaran" or "output"
    induk: str  # code of the tujuan/sasaran, or the budget node's location
    induk_uraian: str = ""

    @property
    def kode(self) -> str:
        return str(self.data["kode"])


@dataclass
class BarisIndikator:
    ref: IndikatorRef
    tahun: int
    target: object
    realisasi: object
    capaian: Capaian
    predikat: str | None
    sumber_target: str  # "renstra" or "perjanjian kinerja"
    sumber_realisasi: str = "data"  # or the akumulasi used on quarters
    perubahan: Perubahan | None = None
    kemajuan: Capaian | None = None
    target_akhir: object = None

    @property
    def kode(self) -> str:
        return self.ref.kode

    @property
    def lokasi(self) -> str:
        return f"{self.kode}/{self.tahun}"


@dataclass
class BarisAgregat:
    kode: str
    uraian: str
    tahun: int
    rata_rata: RataRata
    predikat: str | None


@dataclass
class HasilKinerja:
    indikator: list[BarisIndikator] = field(default_factory=list)
    sasaran: list[BarisAgregat] = field(default_factory=list)
    instansi: list[BarisAgregat] = field(default_factory=list)
    temuan: list[Temuan] = field(default_factory=list)


def _tahun_peta(peta: object) -> dict[int, object]:
    if not isinstance(peta, Mapping):
        return {}
    return {int(k): v for k, v in peta.items()}


def daftar_indikator(doc: Mapping[str, object]) -> Iterator[IndikatorRef]:
    """Every indicator of the Renstra (tujuan and sasaran) and of the budget tree."""
    renstra = doc.get("renstra") or {}
    for tujuan in renstra.get("tujuan") or ():
        for ind in tujuan.get("indikator") or ():
            yield IndikatorRef(
                ind, "tujuan", str(tujuan.get("kode")), str(tujuan.get("uraian", ""))
            )
        for sasaran in tujuan.get("sasaran") or ():
            for ind in sasaran.get("indikator") or ():
                yield IndikatorRef(
                    ind, "sasaran", str(sasaran.get("kode")), str(sasaran.get("uraian", ""))
                )


def _target_pk(doc: Mapping[str, object]) -> tuple[int | None, dict[str, object]]:
    pk = doc.get("perjanjian_kinerja") or {}
    targets = {}
    for item in pk.get("indikator") or ():
        if isinstance(item, Mapping) and "target" in item:
            targets[str(item["kode"])] = item["target"]
    return (int(pk["tahun"]) if pk.get("tahun") is not None else None), targets


def _sama(a: object, b: object) -> bool:
    """Two stated values agree: numbers by value (a printed figure may be
    rounded), ranges bound by bound, text by words."""
    rentang_a, rentang_b = isinstance(a, list | tuple), isinstance(b, list | tuple)
    if rentang_a or rentang_b:
        return rentang_a and rentang_b and len(a) == len(b) and all(map(_sama, a, b))
    da, db = ke_desimal(a), ke_desimal(b)
    if da is not None and db is not None:
        return persen_cocok(da, db) or da == db
    return str(a).strip().casefold() == str(b).strip().casefold()


def hitung_kinerja(
    doc: Mapping[str, object],
    aturan: Aturan,
    tahun_laporan: int,
    output: Sequence[IndikatorRef] = (),
) -> HasilKinerja:
    hasil = HasilKinerja()
    renstra = doc.get("renstra") or {}
    periode = renstra.get("periode") or []
    tahun_akhir = int(periode[1]) if len(periode) == 2 else None
    pk_tahun, pk_target = _target_pk(doc)
    triwulan = doc.get("realisasi_triwulan") or {}

    for ref in list(daftar_indikator(doc)) + list(output):
        data = ref.data
        target = _tahun_peta(data.get("target"))
        realisasi = _tahun_peta(data.get("realisasi"))
        dari_triwulan = {
            t: nilai_tahunan(q, str(data.get("akumulasi") or "terakhir"))
            for t, q in _tahun_peta(triwulan.get(ref.kode)).items()
        }
        akumulasi = AKUMULASI[str(data.get("akumulasi") or "terakhir")]
        dinyatakan = _tahun_peta(data.get("dinyatakan"))
        target_akhir = target.get(tahun_akhir) if tahun_akhir else None
        if target_akhir is None and target:
            target_akhir = target[max(target)]
        tahun_semua = sorted(set(target) | set(realisasi) | set(dari_triwulan))
        sebelumnya: tuple[int, Decimal] | None = None
        for tahun in tahun_semua:
            if tahun > tahun_laporan:
                continue
            t_val, sumber_t = target.get(tahun), "renstra"
            if tahun == pk_tahun and ref.kode in pk_target:
                if t_val is not None and not _sama(pk_target[ref.kode], t_val):
                    hasil.temuan.append(
                        Temuan(
                            "PK_TARGET_BEDA",
                            f"perjanjian_kinerja/{ref.kode}",
                            f"target {ref.kode} di Perjanjian Kinerja {tahun} adalah "
                            f"{pk_target[ref.kode]}, di Renstra {t_val}; capaian diukur "
                            "terhadap target Perjanjian Kinerja",
                            teks(pk_target[ref.kode]),
                            teks(t_val),
                        )
                    )
                t_val, sumber_t = pk_target[ref.kode], "perjanjian kinerja"
            r_val, sumber_r = realisasi.get(tahun), "data"
            if tahun in dari_triwulan and dari_triwulan[tahun] is not None:
                if r_val is None:
                    r_val, sumber_r = dari_triwulan[tahun], akumulasi
                elif not _sama(r_val, dari_triwulan[tahun]):
                    hasil.temuan.append(
                        Temuan(
                            "TRIWULAN_BEDA",
                            f"{ref.kode}/{tahun}",
                            f"realisasi tahunan {r_val}, sedangkan {akumulasi} adalah "
                            f"{teks(dari_triwulan[tahun])}",
                            teks(r_val),
                            teks(dari_triwulan[tahun]),
                        )
                    )
            opsi = {
                "polaritas": str(data.get("polaritas") or "positif"),
                "rumus_negatif": aturan.rumus_negatif,
                "skala_nilai": data.get("skala_nilai"),
            }
            cap = capaian_indikator(t_val, r_val, **opsi)
            baris = BarisIndikator(
                ref, tahun, t_val, r_val, cap, aturan.skala.predikat(cap.nilai), sumber_t, sumber_r
            )
            r_num = ke_desimal(r_val) if not isinstance(r_val, list) else None
            if r_num is not None:
                if sebelumnya is not None:
                    baris.perubahan = perubahan(sebelumnya[0], sebelumnya[1], r_num)
                sebelumnya = (tahun, r_num)
            if target_akhir is not None and r_val is not None:
                baris.kemajuan = capaian_indikator(target_akhir, r_val, **opsi)
                baris.target_akhir = target_akhir
            hasil.indikator.append(baris)
            if tahun == tahun_laporan and t_val is not None and not cap.terukur:
                hasil.temuan.append(
                    Temuan(
                        "TIDAK_TERUKUR",
                        baris.lokasi,
                        f"capaian {ref.kode} tahun {tahun} tidak terukur: {cap.alasan}",
                    )
                )
            for stated in daftar_dinyatakan(dinyatakan.get(tahun)):
                hasil.temuan.extend(_periksa_indikator(baris, stated))

    _agregat(hasil, doc, aturan)
    return hasil


def _periksa_indikator(baris: BarisIndikator, stated: Mapping[str, object]) -> Iterator[Temuan]:
    sumber = str(stated["sumber"]) if stated.get("sumber") else None
    lok, kode = baris.lokasi, baris.kode
    if "capaian" in stated:
        t = bandingkan_persen(
            "CAPAIAN_BEDA",
            lok,
            f"capaian {kode}",
            stated["capaian"],
            baris.capaian.nilai,
            sumber,
            baris.capaian.perhitungan or baris.capaian.alasan,
        )
        if t:
            yield t
    if "predikat" in stated:
        t = bandingkan_teks(
            "PREDIKAT_BEDA", lok, f"predikat {kode}", stated["predikat"], baris.predikat, sumber
        )
        if t:
            yield t
    if "tingkat_kemajuan" in stated:
        nilai = baris.kemajuan.nilai if baris.kemajuan else None
        t = bandingkan_persen(
            "TINGKAT_KEMAJUAN_BEDA",
            lok,
            f"tingkat kemajuan {kode}",
            stated["tingkat_kemajuan"],
            nilai,
            sumber,
            f"terhadap target akhir Renstra {teks(baris.target_akhir)}",
        )
        if t:
            yield t
    for bidang, kode_temuan, nilai in (
        ("realisasi", "REALISASI_BEDA", baris.realisasi),
        ("target", "TARGET_BEDA", baris.target),
    ):
        if bidang in stated and not _sama(stated[bidang], nilai):
            yield Temuan(
                kode_temuan,
                lok,
                f"{bidang} {kode} dinyatakan {stated[bidang]}, data mencatat {teks(nilai)}"
                + (f" ({sumber})" if sumber else ""),
                teks(stated[bidang]),
                teks(nilai),
                sumber,
            )


def _agregat(hasil: HasilKinerja, doc: Mapping[str, object], aturan: Aturan) -> None:
    """Capaian of each sasaran (mean of its indicators) and of the agency
    (mean of its sasaran), each with the pemda's cap."""
    per_sasaran: dict[tuple[str, int], list[Decimal | None]] = {}
    uraian: dict[str, str] = {}
    for b in hasil.indikator:
        if b.ref.jenis != "sasaran" or b.target is None:
            continue
        per_sasaran.setdefault((b.ref.induk, b.tahun), []).append(b.capaian.nilai)
        uraian[b.ref.induk] = b.ref.induk_uraian
    per_tahun: dict[int, list[Decimal | None]] = {}
    for (kode, tahun), nilai in per_sasaran.items():
        rr = rata_rata_capaian(nilai, aturan.batas_capaian)
        hasil.sasaran.append(
            BarisAgregat(kode, uraian[kode], tahun, rr, aturan.skala.predikat(rr.nilai))
        )
        per_tahun.setdefault(tahun, []).append(rr.nilai)
    nama = str((doc.get("instansi") or {}).get("nama", "instansi"))
    aturan_sasaran = rata_rata_capaian([], aturan.batas_capaian).rumus
    for tahun in sorted(per_tahun):
        # The sasaran means are already capped; the agency mean averages them.
        rr = rata_rata_capaian(per_tahun[tahun], None)
        rr = RataRata(
            rr.nilai,
            rr.jumlah,
            rr.tidak_terukur,
            f"rata-rata capaian sasaran; capaian sasaran = {aturan_sasaran}",
        )
        hasil.instansi.append(
            BarisAgregat("instansi", nama, tahun, rr, aturan.skala.predikat(rr.nilai))
        )
    dinyatakan = _tahun_peta((doc.get("renstra") or {}).get("dinyatakan"))
    for baris in hasil.instansi:
        for stated in daftar_dinyatakan(dinyatakan.get(baris.tahun)):
            sumber = str(stated["sumber"]) if stated.get("sumber") else None
            lok = f"instansi/{baris.tahun}"
            if "capaian" in stated:
                t = bandingkan_persen(
                    "CAPAIAN_BEDA",
                    lok,
                    "capaian kinerja instansi",
                    stated["capaian"],
                    baris.rata_rata.nilai,
                    sumber,
                    baris.rata_rata.rumus,
                )
                if t:
                    hasil.temuan.append(t)
            if "predikat" in stated:
                t = bandingkan_teks(
                    "PREDIKAT_BEDA",
                    lok,
                    "predikat kinerja instansi",
                    stated["predikat"],
                    baris.predikat,
                    sumber,
                )
                if t:
                    hasil.temuan.append(t)
