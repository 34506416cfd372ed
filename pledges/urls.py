from django.urls import path

from pledges import views

app_name = "pledges"

urlpatterns = [
    path("pledge/", views.pledge_detail, name="pledge_detail"),
    path("pledge/sign/", views.pledge_sign, name="pledge_sign"),
    path("pledge/versions/<int:number>/", views.version_detail, name="version_detail"),
    path("pledge/signatures.csv", views.signatures_csv, name="signatures_csv"),
    path("pledge/signatures.json", views.signatures_json, name="signatures_json"),
    path(
        "pledge/signatures/<int:pk>/withdraw/",
        views.signature_withdraw,
        name="signature_withdraw",
    ),
    path("pledge/signatures/<int:pk>/renew/", views.signature_renew, name="signature_renew"),
    path("accountability/", views.accountability, name="accountability"),
    path("accountability/radar.csv", views.radar_csv, name="radar_csv"),
    path("accountability/commitments/", views.commitment_list, name="commitment_list"),
    path(
        "accountability/commitments/<slug:slug>/",
        views.commitment_detail,
        name="commitment_detail",
    ),
    path("accountability/assessments/", views.assessment_list, name="assessment_list"),
    path("accountability/assessments/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path(
        "accountability/assessments/<int:pk>/edit/", views.assessment_edit, name="assessment_edit"
    ),
    path(
        "accountability/assessments/<int:pk>/submit/",
        views.assessment_submit,
        name="assessment_submit",
    ),
    path(
        "accountability/assessments/<int:pk>/peer-review/",
        views.peer_review_request,
        name="peer_review_request",
    ),
    path("accountability/reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("accountability/reviews/<int:pk>/done/", views.review_done, name="review_done"),
    path(
        "accountability/organisations/<slug:slug>/",
        views.organisation_accountability,
        name="organisation_accountability",
    ),
]
