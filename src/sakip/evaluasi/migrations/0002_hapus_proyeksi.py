"""The projection tables of the version before the record go: the record
(sakip.record) holds the evaluation results now."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("evaluasi", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="Rekomendasi"),
        migrations.DeleteModel(name="HasilEvaluasi"),
    ]
