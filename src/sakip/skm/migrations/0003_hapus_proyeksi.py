"""The projection tables of the version before the record go: the record
(sakip.record) holds the surveys a dataset reports now."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("skm", "0002_kuesioner_responden"),
    ]

    operations = [
        migrations.DeleteModel(name="UnsurSurvei"),
        migrations.DeleteModel(name="Survei"),
    ]
