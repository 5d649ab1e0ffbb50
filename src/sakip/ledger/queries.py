"""Finding an instansi by name, with errors that say what does exist."""

from __future__ import annotations

from sakip.common.errors import DatasetNotFound
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
