"""The cache table (settings.CACHES): ``migrate`` makes it, so a new server
and the test database have it with no extra command."""

from django.core.management import call_command
from django.db import migrations


def buat(apps, schema_editor):  # noqa: ANN001, ANN201 - migration signature
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    initial = True
    dependencies = []  # type: ignore[var-annotated]
    operations = [migrations.RunPython(buat, migrations.RunPython.noop)]
