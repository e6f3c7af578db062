"""The words of the indexed text (search.models.SearchWord), the candidates for
the spelling suggestions (search.spelling), and on PostgreSQL a GIN trigram
index on them (pg_trgm, migration 0004) for ``word % 'query'``. The table is
filled when modelsearch indexes objects; for an existing index this migration
fills it from the index's plain text on PostgreSQL
(search.spelling.fill_from_index), on SQLite ``manage.py update_index`` does
(README, "Suche")."""

from django.db import migrations, models

INDEX = "search_word_trgm_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON search_searchword USING gin (word gin_trgm_ops)"
        )


def fill_words(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from search.spelling import fill_from_index

        fill_from_index()


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0004_pg_trgm'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=100, unique=True)),
                ('spelling', models.CharField(max_length=100)),
            ],
        ),
        migrations.RunPython(create_index, drop_index),
        migrations.RunPython(fill_words, migrations.RunPython.noop),
    ]
