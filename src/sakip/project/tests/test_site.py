"""The site: its URLs and the admin over imported data."""

import pytest
from django.contrib import admin
from django.urls import reverse

from sakip.datasets.models import AuditLog, DatasetVersion
from sakip.datasets.services import dataset_import
from sakip.datasets.testing import robatal

pytestmark = pytest.mark.django_db


def test_it_sends_the_root_to_the_admin(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_it_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_it_shows_every_list_and_record_of_an_imported_dataset(admin_client):
    dataset_import(doc=robatal(), source_name="robatal-2020.yaml", fmt="yaml")

    for model in admin.site._registry:
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert admin_client.get(changelist).status_code == 200, changelist
        obj = model.objects.first()
        if obj is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            assert admin_client.get(change).status_code == 200, change


def test_it_never_lets_the_admin_write_imported_records(admin_client):
    version = dataset_import(doc=robatal(), source_name="robatal-2020.yaml", fmt="yaml")

    page = admin_client.get(reverse("admin:datasets_datasetversion_change", args=[version.pk]))
    response = admin_client.post(
        reverse("admin:datasets_datasetversion_delete", args=[version.pk]), {"post": "yes"}
    )

    assert "826875.00" in page.content.decode()
    assert response.status_code == 403
    assert DatasetVersion.objects.filter(pk=version.pk, is_active=True).exists()
    assert admin_client.get(reverse("admin:datasets_auditlog_add")).status_code == 403
    assert AuditLog.objects.count() == 1


def test_it_restores_a_version_from_the_admin_as_the_user(admin_client, admin_user):
    old = dataset_import(doc=robatal(), source_name="a.yaml", fmt="yaml")
    dataset_import(doc=robatal(), source_name="b.yaml", fmt="yaml", replace=True)

    response = admin_client.post(
        reverse("admin:datasets_datasetversion_changelist"),
        {"action": "restore", "_selected_action": [old.pk]},
    )

    assert response.status_code == 302
    old.refresh_from_db()
    assert old.is_active
    log = AuditLog.objects.latest("id")
    assert (log.action, log.actor, log.object_id) == ("dataset_restore", admin_user, str(old.pk))


def test_it_lets_no_viewer_restore_a_version(client, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("bob", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_datasetversion"))
    client.force_login(viewer)
    old = dataset_import(doc=robatal(), source_name="a.yaml", fmt="yaml")
    dataset_import(doc=robatal(), source_name="b.yaml", fmt="yaml", replace=True)

    client.post(
        reverse("admin:datasets_datasetversion_changelist"),
        {"action": "restore", "_selected_action": [old.pk]},
    )

    old.refresh_from_db()
    assert not old.is_active
    assert not AuditLog.objects.filter(action="dataset_restore").exists()
