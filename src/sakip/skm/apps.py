from django.apps import AppConfig


class SkmConfig(AppConfig):
    name = "sakip.skm"
    verbose_name = "Survei kepuasan masyarakat"
