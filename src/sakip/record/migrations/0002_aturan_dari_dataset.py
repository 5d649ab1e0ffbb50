"""Pemda rules move from the pemda row (where the last import overwrote
them) to ``AturanPemda``: each pemda gets, from the beginning, the rules of
the first dataset imported for it, exactly as that file wrote them."""

from django.db import migrations

from sakip.dataset import json_exact as jsontext

KOLOM = ("skala_capaian", "batas_capaian", "rumus_negatif", "bobot_skm")


def salin_aturan(apps, schema_editor):
    Pemda = apps.get_model("organisasi", "Pemda")
    AturanPemda = apps.get_model("record", "AturanPemda")
    DatasetVersion = apps.get_model("datasets", "DatasetVersion")
    for pemda in Pemda.objects.all():
        if AturanPemda.objects.filter(pemda=pemda).exists():
            continue
        pertama = (
            DatasetVersion.objects.filter(instansi__pemda=pemda).order_by("imported_at", "pk").first()
        )
        data = {}
        if pertama is not None:
            data = (jsontext.loads(pertama.content) or {}).get("pemda") or {}
        AturanPemda.objects.create(
            pemda=pemda, berlaku_mulai=0, **{k: data.get(k) for k in KOLOM}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("record", "0001_initial"),
        ("organisasi", "0001_initial"),
        ("datasets", "0002_alter_auditlog_action"),
    ]

    operations = [migrations.RunPython(salin_aturan, migrations.RunPython.noop)]
