from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "sakip.datasets"
    verbose_name = "Dataset dan audit"
