from django.urls import path

from discussions import inbound_views, views

app_name = "discussions"

thread = "discussions/<slug:topic>/<int:pk>-<slug:slug>/"
reply = thread + "replies/<int:reply_id>/"

urlpatterns = [
    path("discussions/", views.topic_list, name="topic_list"),
    path("discussions/<slug:topic>/", views.thread_list, name="thread_list"),
    path("discussions/<slug:topic>/follow/", views.topic_follow, name="topic_follow"),
    path("discussions/<slug:topic>/new/<slug:kind>/", views.thread_create, name="thread_create"),
    path(thread, views.thread_detail, name="thread_detail"),
    path(thread + "reply/", views.reply_create, name="reply_create"),
    path(thread + "edit/", views.post_edit, name="thread_edit"),
    path(thread + "delete/", views.post_delete, name="thread_delete"),
    path(thread + "history/", views.post_history, name="thread_history"),
    path(thread + "report/", views.post_report, name="thread_report"),
    path(thread + "follow/", views.thread_follow, name="thread_follow"),
    path(thread + "moderate/", views.thread_moderate, name="thread_moderate"),
    path(reply + "edit/", views.post_edit, name="reply_edit"),
    path(reply + "delete/", views.post_delete, name="reply_delete"),
    path(reply + "history/", views.post_history, name="reply_history"),
    path(reply + "report/", views.post_report, name="reply_report"),
    path(reply + "answer/", views.reply_mark_answer, name="reply_answer"),
    path("inbound/email/", inbound_views.inbound_email, name="inbound_email"),
    path("inbound/confirm/<str:token>/", inbound_views.inbound_confirm, name="inbound_confirm"),
    path("events/", views.event_list, name="event_list"),
    path("events.ics", views.events_ics, name="events_ics"),
    path("events/<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("events/<slug:slug>/register/", views.event_register, name="event_register"),
    path("events/<slug:slug>/cancel/", views.event_cancel, name="event_cancel"),
    path("events/<slug:slug>/outcome/", views.event_outcome, name="event_outcome"),
]
