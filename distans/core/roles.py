"""The roles a person holds through a group of the same name. Every app authorises with them, so they
live at the bottom of the house; `org` gives them to people."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Roles held through groups. "Manager" is not a group: anyone with reports is one."""

    HR = "hr", _("HR")
    HR_APPROVER = "hr_approver", _("HR approver")
    ADMIN = "admin", _("Administrator")
