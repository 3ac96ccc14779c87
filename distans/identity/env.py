"""Reading the identity settings from the environment (imported by settings.py, so no Django models)."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

# The roles a provider's groups may grant: core.roles.Role's values (a test checks they agree).
ROLES = ("hr", "hr_approver", "admin")
PERSON_FIELDS = ("email", "employee_number")
# The sign-in backend for OpenID Connect, named here so that checking it does not load the OIDC library.
OIDC_BACKEND = "distans.identity.oidc_backend.OIDCBackend"


def env_role_groups(name: str) -> dict[str, frozenset[str]]:
    """ "hr=<group>,<group>;hr_approver=<group>;admin=<group>": the provider's groups granting each role."""
    raw = os.environ.get(name, "").strip()
    mapping: dict[str, frozenset[str]] = {}
    for part in filter(None, (piece.strip() for piece in raw.split(";"))):
        role, _, groups = part.partition("=")
        names = frozenset(group.strip() for group in groups.split(",") if group.strip())
        if role.strip() not in ROLES or not names:
            raise ImproperlyConfigured(
                f"{name} must be role=group,group pairs separated by ';' for {', '.join(ROLES)}; got {part!r}"
            )
        mapping[role.strip()] = names
    return mapping


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, "").strip() or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value


def csp_allowing_provider(csp: dict, issuer: str) -> dict:
    """The content security policy with the provider's origin added to form-action: signing out is a form
    whose answer sends the browser on to the provider's sign-out (RP-initiated logout)."""
    parts = urlsplit(issuer)
    directives = {**csp["DIRECTIVES"]}
    directives["form-action"] = [*directives["form-action"], f"{parts.scheme}://{parts.netloc}"]
    return {**csp, "DIRECTIVES": directives}
