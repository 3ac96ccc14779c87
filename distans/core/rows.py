"""One model row by its primary key, for what every request reads (the signed-in person, the unit of a
page): the ORM's query is compiled once per model and database and kept, and the row is read with it.
Compiling `Model.objects.get(pk=…)` cost several times running it. The row goes through the database's
converters and `Model.from_db`, as the ORM's own reads do, so the object is the one `get` returns; further
columns asked for in the same query are set on it as the ORM sets annotations."""

import functools

from django.db import connections, router
from django.db.models import Expression


def row_by_pk(model, pk, extra: tuple[tuple[str, Expression], ...] = ()):
    """The model's row with this primary key as an instance (all its fields loaded), or None; with
    `extra`, (attribute, expression) pairs, each expression's value set on it as that attribute."""
    alias = router.db_for_read(model)
    query, sql, columns, names = _compiled(model, alias, extra)
    pk = model._meta.pk.to_python(pk)  # "12" from a session is 12, as the ORM takes it
    bounds = connections[alias].ops.integer_field_ranges.get(model._meta.pk.get_internal_type())
    if bounds and not bounds[0] <= pk <= bounds[1]:  # no such row, as the ORM answers (SQLite would fail)
        return None
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    compiler = query.get_compiler(alias)  # per call: its connection belongs to this thread
    converters = compiler.get_converters(columns)
    if converters:
        row = next(compiler.apply_converters([row], converters))
    instance = model.from_db(alias, names, row[: len(names)])
    for (name, _expression), value in zip(extra, row[len(names) :], strict=True):
        setattr(instance, name, value)
    return instance


@functools.cache
def _compiled(model, alias: str, extra: tuple[tuple[str, Expression], ...]):
    """The default manager's query for one primary key: its SQL, selected columns and field names."""
    query = model._default_manager.filter(pk=0).annotate(**dict(extra)).query
    compiler = query.get_compiler(alias)
    sql, params = compiler.as_sql()
    if list(params) != [0]:  # anything but the one key would be filled in wrongly
        raise ValueError(f"{model.__name__}'s default query has parameters of its own: {params}")
    columns = [column for column, _sql, _alias in compiler.select]
    fields = columns[: len(columns) - len(extra)]  # the annotations come after the fields
    return query, sql, columns, [column.target.attname for column in fields]
