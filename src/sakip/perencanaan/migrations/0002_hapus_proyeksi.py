"""The projection tables of the version before the record go: the record
(sakip.record) holds the plans and agreements now."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("perencanaan", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="PerjanjianIndikator"),
        migrations.DeleteModel(name="PerjanjianProgram"),
        migrations.DeleteModel(name="PerjanjianKinerja"),
        migrations.DeleteModel(name="RencanaAksi"),
        migrations.DeleteModel(name="RealisasiTriwulan"),
        migrations.DeleteModel(name="NilaiIndikator"),
        migrations.DeleteModel(name="Indikator"),
        migrations.DeleteModel(name="Sasaran"),
        migrations.DeleteModel(name="Tujuan"),
        migrations.DeleteModel(name="Renstra"),
        migrations.DeleteModel(name="MisiRpjmd"),
        migrations.DeleteModel(name="TujuanRpjmd"),
        migrations.DeleteModel(name="SasaranRpjmd"),
        migrations.DeleteModel(name="Rpjmd"),
    ]
