"""What equipment's audit entries refer to is named by reading only what each name needs
(equipment.words): a loan by its kind of equipment, not by its borrower or anything else it refers to."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from distans.core.audit import referenced_names
from distans.core.models import AuditEntry
from distans.equipment import services
from distans.equipment.models import ItemType

pytestmark = pytest.mark.django_db


def test_a_loan_is_named_with_its_kind_of_equipment_and_nothing_more(cast):
    """A query per kind of object, joining only what the name reads (a bare select_related() follows
    every foreign key)."""
    laptop = ItemType.objects.get(key="laptop")
    loan = services.loan_create(
        actor=cast["hr"], person=cast["employee"], item_type=laptop, serial_number="PF-1"
    )
    entries = list(AuditEntry.objects.filter(object_type="equipment.loan"))
    with CaptureQueriesContext(connection) as queries:
        names = referenced_names(entries)
    assert names[("equipment.loan", str(loan.pk))] == f"{laptop} PF-1"
    table = type(loan)._meta.db_table
    (sql,) = [query["sql"] for query in queries if f'FROM "{table}"' in query["sql"]]
    assert sql.count(" JOIN ") == 1, sql
