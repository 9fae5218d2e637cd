"""Standalone pages move from the oim_site app to this one: the model moves, the table stays.

The table ``oim_site_page`` (with its rows, its PostgreSQL search columns and
indexes) was made by oim_site 0001-0003. This migration only tells Django's
state that the model now lives here, on that table; oim_site 0004 removes it
from oim_site's state, and pages 0002 renames the table and moves the
content type, so that history, preview links and permissions follow.
"""

import core.fields
import core.registry
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("oim_site", "0003_translation_dates"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='Page',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='créé le')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='modifié le')),
                ('status', models.CharField(choices=[('draft', 'Brouillon'), ('published', 'Publié')], db_index=True, default='draft', max_length=10, verbose_name='statut')),
                ('publication_date', models.DateTimeField(db_index=True, default=django.utils.timezone.now, help_text='Une date future programme la publication : le contenu reste masqué jusque-là.', verbose_name='date de publication')),
                ('fr_updated_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='français modifié le')),
                ('en_updated_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='anglais modifié le')),
                ('title', models.CharField(max_length=200, verbose_name='titre')),
                ('title_fr', models.CharField(max_length=200, null=True, verbose_name='titre')),
                ('title_en', models.CharField(max_length=200, null=True, verbose_name='titre')),
                ('slug', models.SlugField(blank=True, help_text='Partie de l’adresse de la page ; remplie depuis le titre.', max_length=200, unique=True, verbose_name='slug')),
                ('slug_fr', models.SlugField(blank=True, help_text='Partie de l’adresse de la page ; remplie depuis le titre.', max_length=200, null=True, unique=True, verbose_name='slug')),
                ('slug_en', models.SlugField(blank=True, help_text='Partie de l’adresse de la page ; remplie depuis le titre.', max_length=200, null=True, unique=True, verbose_name='slug')),
                ('summary', models.CharField(blank=True, help_text='Une ou deux phrases, reprises par les moteurs de recherche.', max_length=300, verbose_name='résumé')),
                ('summary_fr', models.CharField(blank=True, help_text='Une ou deux phrases, reprises par les moteurs de recherche.', max_length=300, null=True, verbose_name='résumé')),
                ('summary_en', models.CharField(blank=True, help_text='Une ou deux phrases, reprises par les moteurs de recherche.', max_length=300, null=True, verbose_name='résumé')),
                ('body', core.fields.RichTextField(blank=True, verbose_name='contenu')),
                ('body_fr', core.fields.RichTextField(blank=True, null=True, verbose_name='contenu')),
                ('body_en', core.fields.RichTextField(blank=True, null=True, verbose_name='contenu')),
                ('order', models.PositiveIntegerField(default=0, verbose_name='ordre')),
                ('show_in_menu', models.BooleanField(default=False, verbose_name='dans le menu')),
                ('section', models.CharField(blank=True, choices=core.registry.section_choices, default=None, help_text='Si la page représente une rubrique du site (actualités, partenaires…), son titre et son texte introduisent cette rubrique et le menu y mène.', max_length=30, null=True, unique=True, verbose_name='rubrique')),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='pages.page', verbose_name='page parente')),
            ],
            options={
                'verbose_name': 'page',
                'verbose_name_plural': 'pages',
                'ordering': ['order', 'title'],
                'permissions': [('publish_page', 'Peut publier et dépublier des pages')],
                'db_table': 'oim_site_page',
            },
        )]),
    ]
