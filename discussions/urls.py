app_name = "discussions"

urlpatterns: list = []
