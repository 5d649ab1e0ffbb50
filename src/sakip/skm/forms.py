"""The public questionnaire as a form built from the survey's unsur set."""

from __future__ import annotations

from django import forms

from sakip.engine.skm_profil import JUDUL_PROFIL, PILIHAN_PROFIL
from sakip.engine.unsur import UnsurSet

KOMENTAR_MAKS = 2000


class KuesionerForm(forms.Form):
    """Profile, one radio question per unsur (labels 1-4), a comment, and the
    one-time token. Profile questions are optional: a respondent who skips
    one is still counted; every unsur must be answered online."""

    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: object, unsur_set: UnsurSet, layanan: str, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.unsur_set = unsur_set
        if not layanan:
            self.fields["layanan"] = forms.CharField(
                label=JUDUL_PROFIL["layanan"], max_length=100, required=False
            )
        for nama, pilihan in PILIHAN_PROFIL.items():
            self.fields[nama] = forms.ChoiceField(
                label=JUDUL_PROFIL[nama],
                choices=[("", "- pilih -"), *((p, p) for p in pilihan)],
                required=False,
            )
        for u in unsur_set.unsur:
            self.fields[u.kode] = forms.TypedChoiceField(
                label=f"{u.nama}: {u.pertanyaan}",
                choices=[(str(i), label) for i, label in enumerate(u.jawaban, start=1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Mohon pilih salah satu jawaban."},
            )
        self.fields["komentar"] = forms.CharField(
            label="Saran dan masukan",
            widget=forms.Textarea(attrs={"rows": 3}),
            max_length=KOMENTAR_MAKS,
            required=False,
        )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        # A field sent twice (a tampered or replayed form) must not be read
        # as its last value without a word: refuse the whole response.
        getlist = getattr(self.data, "getlist", None)
        if getlist is not None:
            ganda = [n for n in self.fields if len(getlist(n)) > 1]
            if ganda:
                raise forms.ValidationError(
                    f"Isian dikirim lebih dari sekali: {', '.join(ganda)}. "
                    "Mohon isi ulang formulir."
                )
        return data

    # The page renders its inputs from these plain rows rather than through
    # Django's widget templates: forty radio buttons rendered one template
    # each were most of the page's time, and the form must stay cheap under
    # a queue of respondents.
    def _nilai(self, nama: str) -> str:
        nilai = self[nama].value()
        return "" if nilai is None else str(nilai)

    def _galat(self, nama: str) -> str:
        return self.errors.get(nama, [""])[0] if self.is_bound else ""

    def pertanyaan(self) -> list[dict[str, object]]:
        out = []
        for nomor, u in enumerate(self.unsur_set.unsur, start=1):
            dipilih = self._nilai(u.kode)
            out.append(
                {
                    "kode": u.kode,
                    "judul": f"{nomor}. {u.nama}: {u.pertanyaan}",
                    "galat": self._galat(u.kode),
                    "pilihan": [
                        (str(i), label, str(i) == dipilih)
                        for i, label in enumerate(u.jawaban, start=1)
                    ],
                }
            )
        return out

    def profil(self) -> list[dict[str, object]]:
        out: list[dict[str, object]] = []
        if "layanan" in self.fields:
            out.append(
                {
                    "nama": "layanan",
                    "judul": JUDUL_PROFIL["layanan"],
                    "nilai": self._nilai("layanan"),
                    "galat": self._galat("layanan"),
                }
            )
        for nama, pilihan in PILIHAN_PROFIL.items():
            dipilih = self._nilai(nama)
            out.append(
                {
                    "nama": nama,
                    "judul": JUDUL_PROFIL[nama],
                    "pilihan": [(p, p == dipilih) for p in pilihan],
                    "galat": self._galat(nama),
                }
            )
        return out

    def jawaban(self) -> dict[str, int | None]:
        return {u.kode: self.cleaned_data.get(u.kode) for u in self.unsur_set.unsur}
