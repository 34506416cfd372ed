from django.urls import path

from discussions.plan import views

app_name = "plan"

urlpatterns = [
    path("", views.plan_detail, name="plan"),
    path("pulse/", views.pulse, name="pulse"),
    path("pulse.csv", views.pulse_csv, name="pulse_csv"),
    path("proposals/", views.proposal_list, name="proposal_list"),
    path("proposals/new/", views.proposal_create, name="proposal_create"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/support/", views.proposal_support, name="proposal_support"),
    path("proposals/<int:pk>/comment/", views.proposal_comment, name="proposal_comment"),
    path("proposals/<int:pk>/triage/", views.proposal_triage, name="proposal_triage"),
    path("champions/", views.champion_list, name="champion_list"),
    path("champions/nominate/", views.champion_nominate, name="champion_nominate"),
    path("champions/<int:pk>/ask/", views.champion_ask, name="champion_ask"),
    path("<slug:slug>/", views.plan_detail, name="plan_period"),
    path("<slug:slug>/progress/", views.plan_progress, name="plan_progress"),
    path("<slug:slug>/plan.csv", views.plan_csv, name="plan_csv"),
]
