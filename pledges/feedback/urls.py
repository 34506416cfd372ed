from django.urls import path

from pledges.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.feedback_home, name="home"),
    path("new/", views.round_create, name="round_create"),
    path("rounds/<int:pk>/", views.round_results, name="round_results"),
    path("rounds/<int:pk>/questions/", views.round_questions, name="round_questions"),
    path("rounds/<int:pk>/results.csv", views.round_csv, name="round_csv"),
    path("rounds/<int:pk>/qr.svg", views.round_qr, name="round_qr"),
    path("rounds/<int:pk>/closing-note/", views.round_loop, name="round_loop"),
    path("rounds/<int:pk>/evidence/", views.round_evidence, name="round_evidence"),
    path("r/<str:token>/", views.respond, name="respond"),
    path("r/<str:token>/thanks/", views.respond_thanks, name="respond_thanks"),
]
