from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt

app_name = "scim"


def _later(name: str):
    """The views load the SCIM schema models (most of a second) when a provider first calls, not when
    Distans starts (tests/test_startup.py)."""

    @csrf_exempt  # as every SCIM view: a provider authenticates by its token, not a session
    def view(request, *args, **kwargs):
        from distans.scim import views

        return getattr(views, name)(request, *args, **kwargs)

    return view


urlpatterns = [
    path("Users", _later("users"), name="users"),
    path("Users/.search", _later("users_search"), name="users_search"),
    path("Users/<str:scim_id>", _later("user"), name="user"),
    path("Groups", _later("groups"), name="groups"),
    path("Groups/.search", _later("groups_search"), name="groups_search"),
    path("Groups/<str:scim_id>", _later("group"), name="group"),
    path("ServiceProviderConfig", _later("service_provider_config"), name="service_provider_config"),
    path("Schemas", _later("schemas"), name="schemas"),
    path("Schemas/<str:item_id>", _later("schemas"), name="schema"),
    path("ResourceTypes", _later("resource_types"), name="resource_types"),
    path("ResourceTypes/<str:item_id>", _later("resource_types"), name="resource_type"),
    path(".search", _later("root_search"), name="search"),
    re_path(r"^(?P<rest>.*)$", _later("not_found"), name="not_found"),
]
