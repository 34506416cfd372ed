from django.urls import path

from members.notifications import views

app_name = "notifications"

urlpatterns = [
    path("me/notifications/", views.notification_list, name="me_notifications"),
    path(
        "me/notifications/preferences/",
        views.notification_preferences,
        name="notification_preferences",
    ),
    path(
        "me/notifications/read/",
        views.notifications_read,
        name="notifications_read",
    ),
    path(
        "me/notifications/<int:pk>/",
        views.notification_open,
        name="notification_open",
    ),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
