"""Who may change a person's record (`distans.org.permissions`)."""

import pytest
from django.core.exceptions import PermissionDenied

from distans.org.permissions import get_person_for_user

ROLES = ("employee", "manager", "skip", "hr", "hr_approver", "admin", "outsider")


def test_everyone_sees_a_colleague_s_card_only_an_administrator_changes_the_record(cast):
    pk = cast["employee"].pk
    assert get_person_for_user(cast["admin"], pk, for_write=True).pk == pk
    for role in ROLES:
        assert get_person_for_user(cast[role], pk).pk == pk
    for role in set(ROLES) - {"admin"}:
        with pytest.raises(PermissionDenied):
            get_person_for_user(cast[role], pk, for_write=True)
