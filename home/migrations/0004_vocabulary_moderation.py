"""Keywords become moderated (existing ones stay public: added as approved, new
ones default to proposed); Bundesland and Schlagwort keep revisions (the admin
refuses stale saves); the Contact snippet goes, its data now lives in the
region pages (regions 0002 copied it first)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_page_depth_path_index'),
        ('regions', '0002_contacts_inline'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='bundesland',
            name='latest_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision'),
        ),
        migrations.AddField(
            model_name='schlagwort',
            name='approved',
            field=models.BooleanField(default=True, verbose_name='freigegeben'),
        ),
        migrations.AlterField(
            model_name='schlagwort',
            name='approved',
            field=models.BooleanField(default=False, help_text='Vorgeschlagene Schlagwörter sind öffentlich nicht sichtbar.', verbose_name='freigegeben'),
        ),
        migrations.AddField(
            model_name='schlagwort',
            name='latest_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision'),
        ),
        migrations.DeleteModel(
            name='Contact',
        ),
    ]
