"""The search's own table (search.models.SearchEntry) and, on PostgreSQL, its
full-text indexes: GIN on ``title || body`` (what a search matches) and on
``title`` (title matches rank first). The table is filled when modelsearch
indexes an object; after this migration run ``manage.py update_index`` once
(README, "Suche")."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

INDEXES = {
    "search_entry_document_gin": "USING gin ((title || body))",
    "search_entry_title_gin": "USING gin (title)",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON search_searchentry {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('search', '0002_exact_title_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.IntegerField()),
                ('is_material', models.BooleanField()),
                ('locale_id', models.IntegerField(null=True)),
                ('live', models.BooleanField(default=True)),
                ('expire_at', models.DateTimeField(null=True)),
                ('path', models.CharField(blank=True, max_length=255)),
                ('collection_id', models.IntegerField(null=True)),
                ('bundesland', models.CharField(max_length=100, null=True)),
                ('year', models.IntegerField(null=True)),
                ('tags', models.TextField(blank=True)),
                ('title_text', models.TextField()),
                ('title', django.contrib.postgres.search.SearchVectorField()),
                ('body', django.contrib.postgres.search.SearchVectorField()),
                ('title_norm', models.FloatField(default=1.0)),
                ('content_type', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='search_entry_unique_object')],
            },
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
