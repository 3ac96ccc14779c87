from django.urls import path

from distans.checklists import views

app_name = "checklists"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("people/<id:pk>/", views.person_checklists, name="person"),
    path("people/<id:pk>/assign/", views.assign, name="assign"),
    path("assignments/<id:pk>/", views.assignment_detail, name="assignment"),
    path("assignments/<id:pk>/answer/<str:role>/", views.answer, name="answer"),
    path("assignments/<id:pk>/cancel/", views.assignment_cancel, name="assignment_cancel"),
    path("actions/<id:pk>/done/", views.action_done, name="action_done"),
    path("templates/", views.template_list, name="template_list"),
    path("templates/assign/", views.assign_unit, name="assign_unit"),
    path("templates/<id:pk>/draft/", views.draft_create, name="draft_create"),
    path("templates/versions/<id:pk>/", views.version_detail, name="version"),
    path("templates/versions/<id:pk>/preview/", views.version_preview, name="version_preview"),
    path("templates/versions/<id:pk>/publish/", views.version_publish, name="version_publish"),
    path("templates/versions/<id:pk>/items/new/", views.item_edit, name="item_add"),
    path("templates/versions/<id:pk>/items/<id:item_pk>/", views.item_edit, name="item_edit"),
    path("templates/versions/<id:pk>/items/<id:item_pk>/change/", views.item_change, name="item_change"),
    path("reports/", views.reports, name="reports"),
]
