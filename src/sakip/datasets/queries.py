"""Finding an instansi and its datasets, with errors that say what does exist."""

from __future__ import annotations

from sakip.datasets import jsontext
from sakip.datasets.errors import DatasetNotFound
from sakip.datasets.models import DatasetVersion
from sakip.organisasi.models import Instansi

_MAX_LISTED = 20


def find_instansi(nama: str, *, pemda: str | None = None) -> Instansi:
    """The instansi of that name (case-insensitive), in ``pemda`` when given."""
    nama = nama.strip()
    found = Instansi.objects.select_related("pemda").filter(nama__iexact=nama)
    if pemda:
        found = found.filter(pemda__nama__iexact=pemda.strip())
    matches = list(found[:_MAX_LISTED])
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = "; ".join(f"{i.nama} ({i.pemda.nama})" for i in matches)
        raise DatasetNotFound(
            f"nama instansi {nama!r} ada di lebih dari satu pemda: {listed}; sebutkan pemdanya"
        )
    mirip = list(Instansi.objects.filter(nama__icontains=nama)[:_MAX_LISTED])
    semua = mirip or list(Instansi.objects.all()[:_MAX_LISTED])
    if not semua:
        raise DatasetNotFound(f"instansi {nama!r} tidak ditemukan: belum ada dataset yang diimpor")
    kata = "yang mirip" if mirip else "yang ada"
    listed = ", ".join(repr(i.nama) for i in semua)
    raise DatasetNotFound(f"instansi {nama!r} tidak ditemukan; {kata}: {listed}")


def active_version(*, instansi: Instansi, tahun: int) -> DatasetVersion:
    """The active dataset of an instansi-year."""
    version = DatasetVersion.objects.filter(instansi=instansi, tahun=tahun, is_active=True).first()
    if version is None:
        years = sorted(
            set(
                DatasetVersion.objects.filter(instansi=instansi, is_active=True).values_list(
                    "tahun", flat=True
                )
            )
        )
        ada = ", ".join(str(y) for y in years) if years else "belum ada"
        raise DatasetNotFound(
            f"tidak ada dataset aktif {instansi.nama} tahun {tahun}; tahun yang tersedia: {ada}"
        )
    return version


def dataset_export(*, instansi: Instansi, tahun: int) -> dict:
    """The document of the active version, exactly as it was imported."""
    doc = jsontext.loads(active_version(instansi=instansi, tahun=tahun).content)
    assert isinstance(doc, dict)
    return doc
