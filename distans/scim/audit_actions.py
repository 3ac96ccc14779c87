"""What provisioning writes to the audit log; each row names the client (its token) as its actor."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class ScimAudit(AuditAction):
    TOKEN_CREATE = "scim.token_create", _("Provisioning token created")
    TOKEN_REVOKE = "scim.token_revoke", _("Provisioning token revoked")
    USER_CREATE = "scim.user_create", _("Person provisioned")
    USER_UPDATE = "scim.user_update", _("Person updated by provisioning")
    USER_DELETE = "scim.user_delete", _("Person removed by provisioning")
    GROUP_CREATE = "scim.group_create", _("Group provisioned")
    GROUP_UPDATE = "scim.group_update", _("Group updated by provisioning")
    GROUP_DELETE = "scim.group_delete", _("Group removed by provisioning")
