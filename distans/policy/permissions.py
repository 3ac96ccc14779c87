"""Who may do what with the remote work policy: everyone signed in reads the version in force; HR
drafts, previews and publishes versions."""

from distans.core.permissions import is_hr


def can_edit_policy(user) -> bool:
    return is_hr(user)
