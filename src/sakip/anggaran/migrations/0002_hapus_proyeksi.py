"""The projection tables of the version before the record go: the record
(sakip.record) holds the budget now."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("anggaran", "0001_initial"),
        ("perencanaan", "0002_hapus_proyeksi"),
    ]

    operations = [
        migrations.DeleteModel(name="RincianBelanja"),
        migrations.DeleteModel(name="AnggaranNode"),
    ]
