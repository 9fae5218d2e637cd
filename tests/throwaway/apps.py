from django.apps import AppConfig


class ThrowawayConfig(AppConfig):
    """Installed in the test settings only; registered with the site by tests/core/test_registry.py."""

    name = "tests.throwaway"
    label = "throwaway"
