import pytest


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client
