from django.urls import path

from distans.planning import planner_views, views

app_name = "planning"
urlpatterns = [
    path("", views.my_week, name="my_week"),
    path("people/<id:pk>/days/", views.day_set, name="day_set"),
    path("people/<id:pk>/pattern/", views.pattern_set, name="pattern_set"),
    path("preferences/", views.preferences_set, name="preferences_set"),
    path("team/", views.team_week, name="my_team"),
    path("team/<id:pk>/", views.team_week, name="team"),
    path("team/<id:pk>/settings/", views.unit_settings, name="unit_settings"),
    path("team/<id:pk>/planner/", planner_views.planner_start, name="planner"),
    path("planner/<id:pk>/", planner_views.planner_run, name="planner_run"),
    path("planner/<id:pk>/stop/", planner_views.planner_stop, name="planner_stop"),
    path("planner/<id:pk>/apply/", planner_views.planner_apply, name="planner_apply"),
    path("planner/offices/", planner_views.offices_planner_start, name="offices_planner"),
    path("planner/offices/<id:pk>/", planner_views.planner_batch, name="planner_batch"),
    path("planner/offices/<id:pk>/stop/", planner_views.planner_batch_stop, name="planner_batch_stop"),
    path("sites/<id:pk>/", views.site_day, name="site"),
    path("sites/<id:pk>/planner/", planner_views.site_planner_start, name="site_planner"),
    path("problems/", views.problems, name="problems"),
    path("calendar/reset/", views.feed_reset, name="feed_reset"),
    path("calendar/my-plan.ics", views.my_ics, name="my_ics"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
]
