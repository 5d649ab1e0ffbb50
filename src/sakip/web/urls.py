"""The application's own pages (the home page for now)."""

from django.urls import path

from sakip.web import views

app_name = "web"

urlpatterns = [
    path("", views.beranda, name="beranda"),
]
