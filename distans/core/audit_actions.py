"""What core writes to the audit log: a person's own settings and API tokens, and changes made in
Django's admin site."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class CoreAudit(AuditAction):
    PERSON_PREFERENCES = "person.preferences", _("Personal settings changed")
    TOKEN_CREATE = "token.create", _("API token created")
    TOKEN_REVOKE = "token.revoke", _("API token revoked")
    ADMIN_ADD = "admin.add", _("Added in the admin site")
    ADMIN_CHANGE = "admin.change", _("Changed in the admin site")
    ADMIN_DELETE = "admin.delete", _("Deleted in the admin site")
