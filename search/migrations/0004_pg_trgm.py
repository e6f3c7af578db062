"""PostgreSQL's pg_trgm extension for the spelling suggestions (search.spelling).
Nothing on other databases. pg_trgm is a trusted extension: the database's owner
may create it."""

from django.db import migrations


def create_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_searchentry")]

    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop)]
