"""The Redis cache backend of settings.CACHES when REDIS_URL is set."""

from django.core.cache.backends import redis as redis_backend
from django.core.cache.backends.base import DEFAULT_TIMEOUT


class _RedisCacheClient(redis_backend.RedisCacheClient):
    """Django's Redis client, keeping one redis.Redis object per connection pool.

    Django builds a new redis.Redis for every cache call; with redis-py 5+
    that construction costs more than the round trip itself, and a cached
    page is one round trip. redis.Redis is thread-safe over its pool.
    """

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if pool not in clients:
            clients[pool] = self._client(connection_pool=pool)
        return clients[pool]


class RedisCache(redis_backend.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _RedisCacheClient

    def add_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        """add() of each key in one round trip (a pipeline of SET NX): the page cache's first stamps."""
        if not data:
            return
        client = self._cache.get_client(None, write=True)
        timeout = self.get_backend_timeout(timeout)
        pipeline = client.pipeline(transaction=False)
        for key, value in data.items():
            pipeline.set(self.make_and_validate_key(key, version=version), self._cache._serializer.dumps(value),
                         ex=timeout, nx=True)
        pipeline.execute()
