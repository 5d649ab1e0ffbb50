"""The demo pemda for the web's tests: Robatal 2020 and Torjun 2022 of
Kabupaten Sampang in the record, a user per role, and a stranger of another
pemda. Every persona logs in with ``client.force_login(dunia.user[nama])``."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from sakip.akun.models import Keanggotaan, Peran
from sakip.ledger.testing import ROBATAL, load_yaml
from sakip.organisasi.models import Instansi, Pemda
from sakip.record.models import TahunKinerja
from sakip.record.testing import impor_uji

#: persona -> (peran, "instansi" or "pemda" it belongs to)
PERSONA: dict[str, tuple[Peran, str]] = {
    "operator-robatal": (Peran.OPERATOR, "robatal"),
    "pimpinan-robatal": (Peran.PIMPINAN, "robatal"),
    "operator-torjun": (Peran.OPERATOR, "torjun"),
    "pimpinan-torjun": (Peran.PIMPINAN, "torjun"),
    "admin-sampang": (Peran.ADMIN_PEMDA, "sampang"),
    "evaluator-sampang": (Peran.EVALUATOR, "sampang"),
    "admin-lain": (Peran.ADMIN_PEMDA, "lain"),
}


@dataclass
class DuniaWeb:
    robatal: TahunKinerja
    torjun: TahunKinerja
    lain: Pemda
    user: dict[str, User] = field(default_factory=dict)

    @property
    def sampang(self) -> Pemda:
        return self.robatal.instansi.pemda


def torjun_doc() -> dict:
    return load_yaml((ROBATAL.parent / "torjun-2022.yaml").read_text(encoding="utf-8"))


def dunia_web() -> DuniaWeb:
    """Build the demo pemda and its personas (needs the database)."""
    robatal = impor_uji()
    torjun = impor_uji(torjun_doc())
    lain = Pemda.objects.create(nama="Kabupaten Bangkalan")
    Instansi.objects.create(pemda=lain, nama="Kecamatan Arosbaya")
    dunia = DuniaWeb(robatal=robatal, torjun=torjun, lain=lain)
    lingkup: dict[str, dict[str, object]] = {
        "robatal": {"instansi": robatal.instansi},
        "torjun": {"instansi": torjun.instansi},
        "sampang": {"pemda": robatal.instansi.pemda},
        "lain": {"pemda": lain},
    }
    for nama, (peran, letak) in PERSONA.items():
        user = get_user_model().objects.create_user(nama)
        Keanggotaan.objects.create(user=user, peran=peran, **lingkup[letak])
        dunia.user[nama] = user
    return dunia
