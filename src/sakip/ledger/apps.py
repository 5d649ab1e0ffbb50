from django.apps import AppConfig


class LedgerConfig(AppConfig):
    """The ledger: the files imported into the record, and the audit trail.

    Its label stays ``datasets``, the name its tables and migrations were
    made under, so that an existing database upgrades without a rename.
    """

    name = "sakip.ledger"
    label = "datasets"
    verbose_name = "berkas impor dan audit"
