from django.urls import path

from distans.planning import views

app_name = "planning"
urlpatterns = [
    path("", views.my_week, name="my_week"),
    path("people/<int:pk>/days/", views.day_set, name="day_set"),
    path("people/<int:pk>/pattern/", views.pattern_set, name="pattern_set"),
    path("team/", views.team_week, name="my_team"),
    path("team/<int:pk>/", views.team_week, name="team"),
    path("team/<int:pk>/settings/", views.unit_settings, name="unit_settings"),
    path("sites/<int:pk>/", views.site_day, name="site"),
    path("problems/", views.problems, name="problems"),
    path("calendar/reset/", views.feed_reset, name="feed_reset"),
    path("calendar/my-plan.ics", views.my_ics, name="my_ics"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
]
