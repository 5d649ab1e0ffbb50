"""The site: its URLs and the admin over imported data."""

from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse

from sakip.ledger.models import AuditLog, DatasetVersion
from sakip.ledger.testing import robatal
from sakip.record.impor import impor_rencana
from sakip.record.models import AnggaranNode
from sakip.record.testing import impor_uji

pytestmark = pytest.mark.django_db


def test_it_sends_an_anonymous_visitor_from_the_root_to_the_login_page(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('akun:masuk')}?next=/"


def test_it_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_it_shows_every_list_and_record_of_an_imported_dataset(admin_client):
    impor_uji()

    for model in admin.site._registry:
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert admin_client.get(changelist).status_code == 200, changelist
        obj = model.objects.first()
        if obj is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            assert admin_client.get(change).status_code == 200, change


def _dua_berkas():
    """Robatal imported, then a revised file; returns the first file's row."""
    impor_rencana(doc=robatal(), aktor=None, source_name="a.yaml")
    revisi = robatal()
    revisi["anggaran"]["program"][4]["kegiatan"][4]["pagu"] = Decimal("826875.5")
    impor_rencana(doc=revisi, aktor=None, source_name="b.yaml")
    return DatasetVersion.objects.get(source_name="a.yaml")


def _pagu() -> object:
    return AnggaranNode.objects.get(uraian="Fasilitasi administrasi pelayanan umum").pagu


def test_it_never_lets_the_admin_write_imported_records(admin_client):
    impor_rencana(doc=robatal(), aktor=None, source_name="robatal-2020.yaml")
    version = DatasetVersion.objects.get()
    node = AnggaranNode.objects.get(uraian="Fasilitasi administrasi pelayanan umum")
    audit = AuditLog.objects.count()

    page = admin_client.get(reverse("admin:datasets_datasetversion_change", args=[version.pk]))
    response = admin_client.post(
        reverse("admin:datasets_datasetversion_delete", args=[version.pk]), {"post": "yes"}
    )
    ubah = admin_client.post(
        reverse("admin:record_anggarannode_change", args=[node.pk]), {"pagu": "1"}
    )

    assert "826875.00" in page.content.decode()
    assert response.status_code == 403 and ubah.status_code == 403
    assert DatasetVersion.objects.filter(pk=version.pk, is_active=True).exists()
    assert admin_client.get(reverse("admin:datasets_auditlog_add")).status_code == 403
    assert AuditLog.objects.count() == audit
    assert _pagu() == node.pagu


def test_it_applies_an_earlier_file_again_from_the_admin_as_the_user(admin_client, admin_user):
    old = _dua_berkas()

    response = admin_client.post(
        reverse("admin:datasets_datasetversion_changelist"),
        {"action": "restore", "_selected_action": [old.pk]},
    )

    assert response.status_code == 302
    assert str(_pagu()) == "826875.00"
    log = AuditLog.objects.filter(bidang="pagu").latest("id")
    assert (log.action, log.actor) == ("rekam_impor", admin_user)


def test_it_lets_no_viewer_apply_a_file_again(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("bob", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_datasetversion"))
    client.force_login(viewer)
    old = _dua_berkas()
    audit = AuditLog.objects.count()

    client.post(
        reverse("admin:datasets_datasetversion_changelist"),
        {"action": "restore", "_selected_action": [old.pk]},
    )

    assert str(_pagu()) == "826875.5"
    assert AuditLog.objects.count() == audit
