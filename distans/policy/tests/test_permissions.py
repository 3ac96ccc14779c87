"""Who may edit the policy (`distans.policy.permissions`)."""

from distans.policy.permissions import can_edit_policy

ROLES = ("employee", "manager", "skip", "hr", "hr_approver", "admin", "outsider")


def test_everyone_reads_the_policy_only_hr_edits_it(cast):
    assert {role for role in ROLES if can_edit_policy(cast[role])} == {"hr"}
