from django.apps import AppConfig


class RecordConfig(AppConfig):
    name = "sakip.record"
    label = "record"
    verbose_name = "rekaman kinerja"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from sakip.record.naik import naikkan_dataset_lama

        # After every migrate: datasets stored by the version before the
        # record (whole documents) become record rows, once.
        post_migrate.connect(naikkan_dataset_lama, sender=self)
