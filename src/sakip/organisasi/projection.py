"""Find the pemda and instansi a dataset belongs to, and take their settings
from it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from sakip.datasets.errors import DatasetRejected
from sakip.datasets.values import number, short, text
from sakip.organisasi.models import BobotSkm, Instansi, Pemda, RumusNegatif


def instansi_for(doc: Mapping) -> Instansi:
    """The instansi the document names, created (with its pemda) when new.

    Names match case-insensitively, as the command line finds them.
    """
    pemda_nama = short((doc.get("pemda") or {}).get("nama"), ("pemda", "nama"))
    instansi_nama = short((doc.get("instansi") or {}).get("nama"), ("instansi", "nama"))
    if not pemda_nama:
        raise DatasetRejected(("pemda", "nama"), "nama pemda kosong")
    if not instansi_nama:
        raise DatasetRejected(("instansi", "nama"), "nama instansi kosong")
    pemda = Pemda.objects.filter(nama__iexact=pemda_nama).first()
    if pemda is None:
        pemda = Pemda.objects.create(nama=pemda_nama)
    instansi = Instansi.objects.filter(pemda=pemda, nama__iexact=instansi_nama).first()
    if instansi is None:
        instansi = Instansi.objects.create(pemda=pemda, nama=instansi_nama)
    return instansi


def apply_settings(instansi: Instansi, doc: Mapping) -> None:
    """Copy the pemda's settings and the instansi's officials from the document."""
    data = doc.get("pemda") or {}
    pemda = instansi.pemda
    pemda.provinsi = short(data.get("provinsi"), ("pemda", "provinsi"))
    pemda.skala_capaian = data.get("skala_capaian") or None
    pemda.batas_capaian = _batas_capaian(data.get("batas_capaian"))
    pemda.rumus_negatif = _pilihan(
        data.get("rumus_negatif"), RumusNegatif, RumusNegatif.DUA_T_KURANG_R, "rumus_negatif"
    )
    pemda.bobot_skm = _pilihan(
        _bobot_skm(data.get("bobot_skm")), BobotSkm, BobotSkm.TEPAT, "bobot_skm"
    )
    pemda.save(
        update_fields=["provinsi", "skala_capaian", "batas_capaian", "rumus_negatif", "bobot_skm"]
    )

    data = doc.get("instansi") or {}
    instansi.jenis = short(data.get("jenis"), ("instansi", "jenis"), 100)
    fields = ["jenis"]
    for pejabat in ("kepala", "atasan"):
        orang = data.get(pejabat) or {}
        for bagian, panjang in (("nama", 255), ("jabatan", 255), ("pangkat", 255), ("nip", 50)):
            nilai = short(orang.get(bagian), ("instansi", pejabat, bagian), panjang)
            setattr(instansi, f"{pejabat}_{bagian}", nilai)
            fields.append(f"{pejabat}_{bagian}")
    instansi.save(update_fields=fields)


def _batas_capaian(value: object) -> Decimal | None:
    if value is None:
        return None
    batas = number(value)
    if batas is None:
        raise DatasetRejected(("pemda", "batas_capaian"), f"{value!r} bukan angka")
    return batas


def _bobot_skm(value: object) -> str:
    # "1/9" (and "1/14") mean the exact weight 1/n, which the engine computes
    # from the number of unsur.
    teks = text(value).strip()
    return BobotSkm.TEPAT if re.fullmatch(r"1/(n|\d+)", teks) else teks


def _pilihan(value: object, choices: type, default: str, key: str) -> str:
    teks = text(value).strip()
    if not teks:
        return default
    if teks not in choices.values:
        allowed = ", ".join(choices.values)
        raise DatasetRejected(("pemda", key), f"{teks!r} bukan salah satu dari: {allowed}")
    return teks
