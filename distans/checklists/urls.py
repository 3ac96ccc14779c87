from django.urls import path

from distans.checklists import views

app_name = "checklists"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("people/<int:pk>/", views.person_checklists, name="person"),
    path("people/<int:pk>/assign/", views.assign, name="assign"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment"),
    path("assignments/<int:pk>/answer/<str:role>/", views.answer, name="answer"),
    path("assignments/<int:pk>/cancel/", views.assignment_cancel, name="assignment_cancel"),
    path("actions/<int:pk>/done/", views.action_done, name="action_done"),
    path("templates/", views.template_list, name="template_list"),
    path("templates/assign/", views.assign_unit, name="assign_unit"),
    path("templates/<int:pk>/draft/", views.draft_create, name="draft_create"),
    path("templates/versions/<int:pk>/", views.version_detail, name="version"),
    path("templates/versions/<int:pk>/preview/", views.version_preview, name="version_preview"),
    path("templates/versions/<int:pk>/publish/", views.version_publish, name="version_publish"),
    path("templates/versions/<int:pk>/items/new/", views.item_edit, name="item_add"),
    path("templates/versions/<int:pk>/items/<int:item_pk>/", views.item_edit, name="item_edit"),
    path("templates/versions/<int:pk>/items/<int:item_pk>/change/", views.item_change, name="item_change"),
    path("reports/", views.reports, name="reports"),
]
