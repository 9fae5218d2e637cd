"""Settings of the benchmark: the production settings, plus the ceiling view's URLs.

Used only by ``make bench`` (bench/run.py), never by the site: the ceiling
view exists only in bench.urls.
"""

from oim_site.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
