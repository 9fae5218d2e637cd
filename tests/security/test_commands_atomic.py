"""Every management command of the project is all or nothing.

The database is made to fail on the Nth write statement (INSERT, UPDATE,
DELETE) a command sends, whatever the ORM path it takes; afterwards every
table must hold exactly what it held before.
"""

import contextlib
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from tests import factories


class FailingDatabase(Exception):
    pass


@contextlib.contextmanager
def fail_on_write(n):
    seen = {"writes": 0}

    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            seen["writes"] += 1
            if seen["writes"] > n:
                raise FailingDatabase(f"panne simulée à l’écriture n° {seen['writes']}")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield seen


def snapshot():
    tables = sorted(connection.introspection.table_names())
    data = {}
    with connection.cursor() as cursor:
        for table in tables:
            if table.startswith(("django_session", "sqlite_")):
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            data[table] = sorted(map(repr, cursor.fetchall()))
    return data


def redirects_csv(tmp_path):
    path = tmp_path / "redirects.csv"
    path.write_text("old_path,new_path\n" + "".join(f"/ancien-{i}.html,/fr/pages/p{i}/\n" for i in range(10)))
    return str(path)


def export_file(tmp_path):
    factories.NewsReleaseFactory.create_batch(3)
    factories.PartnerFactory()
    path = tmp_path / "export.json"
    call_command("export_content", str(path), verbosity=0)
    return str(path)


COMMANDS = {
    # name: (args builder, which may prepare the database; writes after which the database fails)
    "setup_roles": (lambda tmp: (Group.objects.all().delete(), ["setup_roles"])[1], [0, 1, 3]),
    "load_initial_content": (lambda tmp: ["load_initial_content", "--no-input"], [0, 5, 40]),
    "generate_demo_content": (lambda tmp: ["generate_demo_content", "--news", "12", "--partners", "2", "--areas", "2",
                                           "--projects-per-area", "1", "--offices", "1", "--people-per-office", "2",
                                           "--batch-size", "3"], [0, 3, 8]),
    "import_redirects": (lambda tmp: ["import_redirects", redirects_csv(tmp)], [0, 4]),
    "import_content": (lambda tmp: ["import_content", export_file(tmp), "--replace"], [0, 4, 9]),
}
CASES = [(name, n) for name, (_, ns) in COMMANDS.items() for n in ns]


@pytest.mark.parametrize(("name", "fail_after"), CASES, ids=[f"{name}-after-{n}-writes" for name, n in CASES])
def test_a_command_failing_halfway_leaves_the_database_as_it_was(db, tmp_path, name, fail_after):
    from django.core.management import get_commands

    if name not in get_commands():
        pytest.skip(f"{name} is not installed")
    args = COMMANDS[name][0](tmp_path)
    before = snapshot()
    with fail_on_write(fail_after) as seen, pytest.raises(FailingDatabase):
        call_command(*args, stdout=io.StringIO(), stderr=io.StringIO())
    assert seen["writes"] == fail_after + 1  # it failed where we said, i.e. after real writes
    assert snapshot() == before
