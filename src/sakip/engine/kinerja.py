"""Pengukuran kinerja of a dataset: every indicator in every year, the
capaian of each sasaran and of the whole agency, and the findings on what
the document printed for them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sakip.engine.angka import ke_desimal
from sakip.engine.capaian import (
    ATURAN_KUALITATIF,
    Capaian,
    RataRata,
    capaian_indikator,
    cocok_kualitatif,
    rata_rata_capaian,
    rata_rata_indikator,
)
from sakip.engine.perbandingan import Perubahan, perubahan
from sakip.engine.predikat import Skala
from sakip.engine.temuan import (
    Temuan,
    bandingkan_persen,
    bandingkan_teks,
    persen_cocok,
    tampil,
    teks,
)
from sakip.engine.triwulan import AKUMULASI, nilai_tahunan
from sakip.model import (
    CAPAIAN_KUALITATIF_BAWAAN,
    RUMUS_NEGATIF_BAWAAN,
    CapaianKualitatif,
    DinyatakanIndikator,
    Dokumen,
    Indikator,
    Nilai,
    NilaiTarget,
    RumusNegatif,
)


@dataclass(frozen=True)
class Aturan:
    """The pemda's settings that change how figures are computed."""

    skala: Skala
    batas_capaian: Decimal | None = None
    rumus_negatif: RumusNegatif = RUMUS_NEGATIF_BAWAAN
    capaian_kualitatif: CapaianKualitatif = CAPAIAN_KUALITATIF_BAWAAN

    def predikat(self, capaian: Capaian) -> str | None:
        """A kualitatif indicator's verdict is its predikat: none is read
        from the numeric scale."""
        return capaian.status if capaian.kualitatif else self.skala.predikat(capaian.nilai)


@dataclass(frozen=True)
class IndikatorRef:
    """Where an indicator sits: the indicator and its parents."""

    indikator: Indikator
    jenis: str  # "tujuan", "sasaran" or "output"
    induk: str  # code of the tujuan/sasaran, or the budget node's location
    induk_uraian: str = ""

    @property
    def kode(self) -> str:
        return self.indikator.kode

    @property
    def data(self) -> Mapping[str, object]:
        """The indicator in the dataset's shape, for readers of the plain document."""
        return self.indikator.sebagai_data()


@dataclass
class BarisIndikator:
    ref: IndikatorRef
    tahun: int
    target: NilaiTarget | None
    realisasi: Nilai | None
    capaian: Capaian
    predikat: str | None
    sumber_target: str  # "renstra" or "perjanjian kinerja"
    sumber_realisasi: str = "data"  # or the akumulasi used on quarters
    perubahan: Perubahan | None = None
    kemajuan: Capaian | None = None
    target_akhir: NilaiTarget | None = None

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


@dataclass(frozen=True)
class IndikatorDokumen:
    """An indicator's node in the plain document, with its parent's code."""

    data: dict[str, object]
    jenis: str
    induk: str
    induk_uraian: str = ""


def daftar_indikator(doc: Mapping[str, object]) -> Iterator[IndikatorDokumen]:
    """Every Renstra indicator as its node in the plain document.

    Only for callers that edit the document itself (the SKM app writes an
    IKM as an indicator's realisation); the engine reads :func:`indikator_renstra`.
    """
    renstra = doc.get("renstra")
    if not isinstance(renstra, Mapping):
        return
    for tujuan in renstra.get("tujuan") or ():
        for ind in tujuan.get("indikator") or ():
            yield IndikatorDokumen(
                ind, "tujuan", str(tujuan.get("kode")), str(tujuan.get("uraian", ""))
            )
        for sasaran in tujuan.get("sasaran") or ():
            for ind in sasaran.get("indikator") or ():
                yield IndikatorDokumen(
                    ind, "sasaran", str(sasaran.get("kode")), str(sasaran.get("uraian", ""))
                )


def indikator_renstra(dokumen: Dokumen) -> Iterator[IndikatorRef]:
    """Every indicator of the Renstra: a tujuan's own, then its sasaran's."""
    if dokumen.renstra is None:
        return
    for ind, tujuan, sasaran in dokumen.renstra.semua_indikator():
        if sasaran is None:
            yield IndikatorRef(ind, "tujuan", tujuan.kode, tujuan.uraian)
        else:
            yield IndikatorRef(ind, "sasaran", sasaran.kode, sasaran.uraian)


def _target_pk(dokumen: Dokumen) -> tuple[int | None, dict[str, NilaiTarget]]:
    pk = dokumen.perjanjian_kinerja
    if pk is None:
        return None, {}
    return pk.tahun, {i.kode: i.target for i in pk.indikator if i.target is not None}


def _sama(a: object, b: object) -> bool:
    """Two stated values agree: numbers by value (a printed figure may be
    rounded), ranges bound by bound, text by words."""
    if isinstance(a, list | tuple) or isinstance(b, list | tuple):
        return (
            isinstance(a, list | tuple)
            and isinstance(b, list | tuple)
            and len(a) == len(b)
            and all(map(_sama, a, b))
        )
    da, db = ke_desimal(a), ke_desimal(b)
    if da is not None and db is not None:
        return persen_cocok(da, db) or da == db
    return str(a).strip().casefold() == str(b).strip().casefold()


def hitung_kinerja(
    dokumen: Dokumen,
    aturan: Aturan,
    tahun_laporan: int,
    output: Sequence[IndikatorRef] = (),
) -> HasilKinerja:
    hasil = HasilKinerja()
    periode = dokumen.renstra.periode if dokumen.renstra is not None else None
    tahun_akhir = periode.akhir if periode is not None else None
    pk_tahun, pk_target = _target_pk(dokumen)
    pk = dokumen.perjanjian_kinerja
    # The agreement's indicators of the report year, whatever their targets.
    kode_pk = (
        {i.kode for i in pk.indikator} if pk is not None and pk.tahun == tahun_laporan else set()
    )

    for ref in list(indikator_renstra(dokumen)) + list(output):
        ind = ref.indikator
        target, realisasi = ind.target, ind.realisasi
        dari_triwulan = {
            t: nilai_tahunan(q, ind.akumulasi)
            for t, q in dokumen.realisasi_triwulan.get(ref.kode, {}).items()
        }
        akumulasi = AKUMULASI[ind.akumulasi]
        # Measured against the target of the Renstra's last year only: without
        # one the tingkat kemajuan is not measurable (no other year stands in).
        target_akhir = target.get(tahun_akhir) if tahun_akhir else None
        tahun_semua = sorted(set(target) | set(realisasi) | set(dari_triwulan))
        sebelumnya: tuple[int, Decimal] | None = None
        utama = ind.iku or ref.kode in kode_pk
        terukur_tahun_ini: str | None = "tidak ada target maupun realisasi"
        for tahun in tahun_semua:
            if tahun > tahun_laporan:
                continue
            t_val, sumber_t = target.get(tahun), "renstra"
            # The PK/Renstra difference, when there is one: the root cause of
            # printed figures measured against the Renstra target instead.
            beda_pk: tuple[Temuan, NilaiTarget] | None = None
            if tahun == pk_tahun and ref.kode in pk_target:
                if t_val is not None and not _sama(pk_target[ref.kode], t_val):
                    beda = Temuan(
                        "PK_TARGET_BEDA",
                        f"perjanjian_kinerja/{ref.kode}",
                        f"target {ref.kode} di Perjanjian Kinerja {tahun} adalah "
                        f"{tampil(pk_target[ref.kode])}, di Renstra {tampil(t_val)}; "
                        "capaian diukur terhadap target Perjanjian Kinerja: samakan target "
                        "Renstra dan Perjanjian Kinerja atau jelaskan perubahannya",
                        teks(pk_target[ref.kode]),
                        teks(t_val),
                    )
                    hasil.temuan.append(beda)
                    beda_pk = (beda, t_val)
                t_val, sumber_t = pk_target[ref.kode], "perjanjian kinerja"
            r_val: Nilai | None = realisasi.get(tahun)
            sumber_r = "data"
            q_val = dari_triwulan.get(tahun)
            if q_val is not None:
                if r_val is None:
                    r_val, sumber_r = q_val, akumulasi
                elif not _sama(r_val, q_val):
                    hasil.temuan.append(
                        Temuan(
                            "TRIWULAN_BEDA",
                            f"{ref.kode}/{tahun}",
                            f"realisasi tahunan {tampil(r_val)}, sedangkan {akumulasi} adalah "
                            f"{tampil(q_val)}; periksa realisasi triwulan atau cara "
                            "akumulasinya",
                            teks(r_val),
                            teks(q_val),
                        )
                    )
            cap = capaian_indikator(
                t_val,
                r_val,
                polaritas=ind.polaritas,
                rumus_negatif=aturan.rumus_negatif,
                skala_nilai=ind.skala_nilai,
            )
            baris = BarisIndikator(
                ref, tahun, t_val, r_val, cap, aturan.predikat(cap), sumber_t, sumber_r
            )
            r_num = ke_desimal(r_val)
            if r_num is not None:
                if sebelumnya is not None:
                    baris.perubahan = perubahan(sebelumnya[0], sebelumnya[1], r_num)
                sebelumnya = (tahun, r_num)
            if target_akhir is not None and r_val is not None:
                baris.kemajuan = capaian_indikator(
                    target_akhir,
                    r_val,
                    polaritas=ind.polaritas,
                    rumus_negatif=aturan.rumus_negatif,
                    skala_nilai=ind.skala_nilai,
                )
                baris.target_akhir = target_akhir
            hasil.indikator.append(baris)
            if tahun == tahun_laporan:
                terukur_tahun_ini = None if cap.terukur else cap.alasan
            if tahun == tahun_laporan and t_val is not None and not cap.terukur and not utama:
                hasil.temuan.append(
                    Temuan(
                        "TIDAK_TERUKUR",
                        baris.lokasi,
                        f"capaian {ref.kode} tahun {tahun} tidak terukur: {cap.alasan}; "
                        "lengkapi data atau jelaskan dalam laporan",
                    )
                )
            for stated in ind.dinyatakan.get(tahun, ()):
                hasil.temuan.extend(
                    _dengan_sebab(
                        list(_periksa_indikator(baris, stated)), baris, stated, aturan, beda_pk
                    )
                )
        if utama and terukur_tahun_ini is not None:
            jenis = "IKU" if ind.iku else "Perjanjian Kinerja"
            hasil.temuan.append(
                Temuan(
                    "UTAMA_TIDAK_TERUKUR",
                    f"{ref.kode}/{tahun_laporan}",
                    f"indikator {jenis} {ref.kode} tidak terukur tahun {tahun_laporan}: "
                    f"{terukur_tahun_ini}; lengkapi target dan realisasinya",
                )
            )

    _agregat(hasil, dokumen, aturan)
    return hasil


def _beda_kualitatif(
    kode_temuan: str, baris: BarisIndikator, bidang: str, dinyatakan: object, cap: Capaian
) -> Temuan | None:
    """A printed figure of a kualitatif indicator against its verdict."""
    if cocok_kualitatif(dinyatakan, cap):
        return None
    return Temuan(
        kode_temuan,
        baris.lokasi,
        f"{bidang} {baris.kode} dinyatakan {tampil(dinyatakan)}, "
        f"sedangkan indikator kualitatif ini {cap.status} ({cap.perhitungan}); nyatakan "
        "tercapai atau tidak tercapai, tanpa persentase dari peringkat nilai",
        teks(dinyatakan),
        cap.status,
    )


def _periksa_indikator(baris: BarisIndikator, stated: DinyatakanIndikator) -> Iterator[Temuan]:
    sumber, lok, kode = stated.sumber, baris.lokasi, baris.kode
    cap = baris.capaian
    kemajuan = baris.kemajuan
    if cap.kualitatif:
        for kode_temuan, bidang, tertulis, hasil in (
            ("CAPAIAN_BEDA", "capaian", stated.capaian, cap),
            ("PREDIKAT_BEDA", "predikat", stated.predikat, cap),
            ("TINGKAT_KEMAJUAN_BEDA", "tingkat kemajuan", stated.tingkat_kemajuan, kemajuan),
        ):
            if tertulis is None or hasil is None or not hasil.kualitatif:
                continue
            t = _beda_kualitatif(kode_temuan, baris, bidang, tertulis, hasil)
            if t:
                yield _dengan_sumber(t, sumber)
        if stated.tingkat_kemajuan is not None and (kemajuan is None or not kemajuan.kualitatif):
            yield Temuan(
                "TINGKAT_KEMAJUAN_BEDA",
                lok,
                f"tingkat kemajuan {kode} dinyatakan {tampil(stated.tingkat_kemajuan)}, "
                "tidak terukur: tahun akhir Renstra tidak memiliki target"
                + (f"; dicetak di {sumber}" if sumber else ""),
                teks(stated.tingkat_kemajuan),
                None,
                sumber,
            )
    if stated.capaian is not None and not cap.terukur and ke_desimal(stated.capaian) is not None:
        # A figure printed where nothing can be measured: not a wrong figure
        # to correct but one to remove.
        yield Temuan(
            "CAPAIAN_TANPA_UKURAN",
            lok,
            f"capaian {kode} dicetak {tampil(stated.capaian)} %, padahal tidak dapat diukur "
            f"({cap.alasan})"
            + (f"; dicetak di {sumber}" if sumber else "")
            + '; tulis "tidak terukur" atau lengkapi target dan realisasinya',
            teks(stated.capaian),
            None,
            sumber,
        )
    elif stated.capaian is not None and not cap.kualitatif:
        t = bandingkan_persen(
            "CAPAIAN_BEDA",
            lok,
            f"capaian {kode}",
            stated.capaian,
            baris.capaian.nilai,
            sumber,
            baris.capaian.perhitungan or baris.capaian.alasan,
        )
        if t:
            yield t
    if stated.predikat is not None and not cap.kualitatif:
        t = bandingkan_teks(
            "PREDIKAT_BEDA", lok, f"predikat {kode}", stated.predikat, baris.predikat, sumber
        )
        if t:
            yield t
    if stated.tingkat_kemajuan is not None and not cap.kualitatif:
        nilai = baris.kemajuan.nilai if baris.kemajuan else None
        t = bandingkan_persen(
            "TINGKAT_KEMAJUAN_BEDA",
            lok,
            f"tingkat kemajuan {kode}",
            stated.tingkat_kemajuan,
            nilai,
            sumber,
            f"terhadap target akhir Renstra {tampil(baris.target_akhir)}",
        )
        if t:
            yield t
    for bidang, kode_temuan, dinyatakan, dicatat in (
        ("realisasi", "REALISASI_BEDA", stated.realisasi, baris.realisasi),
        ("target", "TARGET_BEDA", stated.target, baris.target),
    ):
        if dinyatakan is not None and not _sama(dinyatakan, dicatat):
            yield Temuan(
                kode_temuan,
                lok,
                f"{bidang} {kode} dinyatakan {tampil(dinyatakan)}, data mencatat {tampil(dicatat)}"
                + (f" ({sumber})" if sumber else "")
                + "; samakan angka yang dicetak dengan data",
                teks(dinyatakan),
                teks(dicatat),
                sumber,
            )


def _dengan_sebab(
    temuan: list[Temuan],
    baris: BarisIndikator,
    stated: DinyatakanIndikator,
    aturan: Aturan,
    beda_pk: tuple[Temuan, NilaiTarget] | None,
) -> list[Temuan]:
    """The findings of one printed entry, each naming the finding it follows
    from: a figure measured against the Renstra target where the PK's
    differs, a capaian from a misprinted realisation, a predikat read from a
    misprinted capaian."""
    per_kode = {t.kode: t for t in temuan}
    ind = baris.ref.indikator

    def capaian_dari(target: object, realisasi: object) -> Capaian:
        return capaian_indikator(
            target,
            realisasi,
            polaritas=ind.polaritas,
            rumus_negatif=aturan.rumus_negatif,
            skala_nilai=ind.skala_nilai,
        )

    cap_renstra = capaian_dari(beda_pk[1], baris.realisasi) if beda_pk else None
    hasil = []
    for t in temuan:
        sebab: Temuan | None = None
        if t.kode == "TARGET_BEDA" and beda_pk and _sama(stated.target, beda_pk[1]):
            sebab = beda_pk[0]
        elif t.kode == "CAPAIAN_BEDA":
            if beda_pk and cap_renstra and _dicetak_sama(stated.capaian, cap_renstra):
                sebab = beda_pk[0]
            elif "REALISASI_BEDA" in per_kode and _dicetak_sama(
                stated.capaian, capaian_dari(baris.target, stated.realisasi)
            ):
                sebab = per_kode["REALISASI_BEDA"]
            elif "TARGET_BEDA" in per_kode and _dicetak_sama(
                stated.capaian, capaian_dari(stated.target, baris.realisasi)
            ):
                sebab = per_kode["TARGET_BEDA"]
        elif t.kode == "PREDIKAT_BEDA" and stated.predikat is not None:
            dicetak = str(stated.predikat).strip().casefold()
            cap_dicetak = ke_desimal(stated.capaian)
            if (
                "CAPAIAN_BEDA" in per_kode
                and cap_dicetak is not None
                and (aturan.skala.predikat(cap_dicetak) or "").casefold() == dicetak
            ):
                sebab = per_kode["CAPAIAN_BEDA"]
            elif (
                beda_pk
                and cap_renstra
                and (aturan.predikat(cap_renstra) or "").casefold() == dicetak
            ):
                sebab = beda_pk[0]
        hasil.append(t.akibat(sebab) if sebab is not None else t)
    return hasil


def _dicetak_sama(dicetak: object, cap: Capaian) -> bool:
    """A printed capaian is the one ``cap`` computes, as rounded as printed."""
    if dicetak is None or not cap.terukur:
        return False
    if cap.kualitatif:
        return cocok_kualitatif(dicetak, cap)
    angka = ke_desimal(dicetak)
    return angka is not None and cap.nilai is not None and persen_cocok(angka, cap.nilai)


def _dengan_sumber(t: Temuan, sumber: str | None) -> Temuan:
    if not sumber:
        return t
    return Temuan(
        t.kode, t.lokasi, f"{t.pesan}; dicetak di {sumber}", t.dinyatakan, t.dihitung, sumber
    )


def _agregat(hasil: HasilKinerja, dokumen: Dokumen, aturan: Aturan) -> None:
    """Capaian of each sasaran (mean of its indicators) and of the agency
    (mean of its sasaran), each with the pemda's cap."""
    per_sasaran: dict[tuple[str, int], list[Capaian]] = {}
    kualitatif: set[int] = set()  # years with a kualitatif indicator: the rule is named
    uraian: dict[str, str] = {}
    for b in hasil.indikator:
        if b.ref.jenis != "sasaran" or b.target is None:
            continue
        per_sasaran.setdefault((b.ref.induk, b.tahun), []).append(b.capaian)
        uraian[b.ref.induk] = b.ref.induk_uraian
        if b.capaian.kualitatif:
            kualitatif.add(b.tahun)
    per_tahun: dict[int, list[RataRata]] = {}
    for (kode, tahun), nilai in per_sasaran.items():
        rr = rata_rata_indikator(nilai, aturan.batas_capaian, aturan.capaian_kualitatif)
        hasil.sasaran.append(
            BarisAgregat(kode, uraian[kode], tahun, rr, aturan.skala.predikat(rr.nilai))
        )
        per_tahun.setdefault(tahun, []).append(rr)
    nama = dokumen.instansi.nama or "instansi"
    aturan_sasaran = rata_rata_capaian([], aturan.batas_capaian).rumus
    for tahun in sorted(per_tahun):
        sasaran = per_tahun[tahun]
        # The sasaran means are already capped; the agency mean averages them.
        # A sasaran of kualitatif indicators only has no mean: it is reported
        # beside the agency's with them, not counted as not measurable.
        rr = rata_rata_capaian(
            [s.nilai for s in sasaran if s.nilai is not None or s.tidak_terukur], None
        )
        tercapai = sum(s.tercapai for s in sasaran)
        tidak = sum(s.tidak_tercapai for s in sasaran)
        rumus = f"rata-rata capaian sasaran; capaian sasaran = {aturan_sasaran}"
        if tahun in kualitatif:
            rumus += f"; {ATURAN_KUALITATIF[aturan.capaian_kualitatif]}"
        rr = RataRata(rr.nilai, rr.jumlah, rr.tidak_terukur, rumus, tercapai, tidak)
        hasil.instansi.append(
            BarisAgregat("instansi", nama, tahun, rr, aturan.skala.predikat(rr.nilai))
        )
    dinyatakan = dokumen.renstra.dinyatakan if dokumen.renstra is not None else {}
    for baris in hasil.instansi:
        lok = f"instansi/{baris.tahun}"
        for stated in dinyatakan.get(baris.tahun, ()):
            t_cap: Temuan | None = None
            if stated.capaian is not None:
                t_cap = bandingkan_persen(
                    "CAPAIAN_BEDA",
                    lok,
                    "capaian kinerja instansi",
                    stated.capaian,
                    baris.rata_rata.nilai,
                    stated.sumber,
                    baris.rata_rata.rumus,
                )
                if t_cap:
                    hasil.temuan.append(t_cap)
            if stated.predikat is not None:
                t = bandingkan_teks(
                    "PREDIKAT_BEDA",
                    lok,
                    "predikat kinerja instansi",
                    stated.predikat,
                    baris.predikat,
                    stated.sumber,
                )
                cap_dicetak = ke_desimal(stated.capaian)
                # The printed predikat is the right one for the printed capaian:
                # it follows from that capaian's error, not a second error.
                if (
                    t
                    and t_cap
                    and cap_dicetak is not None
                    and (aturan.skala.predikat(cap_dicetak) or "").casefold()
                    == str(stated.predikat).strip().casefold()
                ):
                    t = t.akibat(t_cap)
                if t:
                    hasil.temuan.append(t)
