from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("join/", views.join, name="join"),
    path("join/status/", views.application_status, name="application_status"),
    path("join/edit/", views.application_edit, name="application_edit"),
    path(
        "join/requests/<int:pk>/<slug:decision>/",
        views.application_review,
        name="application_review",
    ),
    path("members/", views.directory, name="directory"),
    path("members/<slug:slug>/", views.person_detail, name="person_detail"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("me/", views.me, name="me"),
    path("me/data.json", views.me_data, name="me_data"),
    path("me/delete/", views.me_delete, name="me_delete"),
    path("surveys/<slug:slug>/", views.survey_detail, name="survey_detail"),
    path("surveys/<slug:slug>/results/", views.survey_results, name="survey_results"),
]
