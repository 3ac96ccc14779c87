"""After writing many rows at once."""

from django.db import connection


def analyze() -> None:
    """PostgreSQL plans queries from table statistics that autovacuum gathers later; after a bulk load,
    gather them now (also inside a transaction, whose own new rows ANALYZE counts)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
