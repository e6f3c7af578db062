"""`manage.py restore` purges the page cache: every page cached before shows the
replaced content (a real restore in a process of its own, a real Redis shared
with this process)."""

import io

import pytest

from django.core.management import call_command

from config.settings.base import redis_cache
from ops.cache import GENERATION_KEY, cache_get, current_generation
from tests.ops.test_backup import restore_target, run_manage, small_site  # noqa: F401 - fixtures
from tests.ops.test_cache_redis import RedisServer, pytestmark  # noqa: F401 - same skip rule


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def test_restore_purges_the_page_cache(
    small_site,  # noqa: F811
    restore_target,  # noqa: F811
    redis_server,
    settings,
    tmp_path,
):
    archive = tmp_path / "sicherung.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    settings.CACHES = {"default": redis_cache(redis_server.url)}
    assert current_generation() is not None  # pages of this generation are being served
    assert cache_get(GENERATION_KEY) is not None

    restored = run_manage(
        {**restore_target, "REDIS_URL": redis_server.url}, "restore", str(archive)
    )
    assert restored.returncode == 0, restored.stderr

    assert cache_get(GENERATION_KEY) is None
