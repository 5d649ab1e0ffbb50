"""Forms of the account pages; Django's own where it has one."""

from __future__ import annotations

from django import forms


class SandiAturForm(forms.Form):
    """A new password typed twice; the rules are checked by the service."""

    sandi1 = forms.CharField(
        label="Sandi baru",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    sandi2 = forms.CharField(
        label="Ulangi sandi baru",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("sandi1") and data.get("sandi1") != data.get("sandi2"):
            raise forms.ValidationError("Kedua sandi tidak sama.")
        return data


class PenggunaTambahForm(SandiAturForm):
    """A new user: name, email, first password; the role is chosen beside it."""

    username = forms.CharField(label="Nama pengguna", max_length=150)
    email = forms.EmailField(label="Email (boleh kosong)", required=False)
    field_order = ["username", "email", "sandi1", "sandi2"]
