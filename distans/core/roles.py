"""The roles a person holds through a group of the same name. Every app authorises with them, so they
live at the bottom of the house; `org` gives them to people."""

from django.conf import settings
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _


def _approver_title() -> str:
    """The organisation's own name for the role (setting `HR_APPROVER_TITLE`), else Distans's."""
    return settings.HR_APPROVER_TITLE.get(get_language() or "", "") or gettext("HR approver")


# Lazy, like every label: read in the language of the page or e-mail that shows it.
APPROVER_TITLE = lazy(_approver_title, str)()


class Role(models.TextChoices):
    """Roles held through groups. "Manager" is not a group: anyone with reports is one."""

    HR = "hr", _("HR")
    HR_APPROVER = "hr_approver", APPROVER_TITLE
    ADMIN = "admin", _("Administrator")
