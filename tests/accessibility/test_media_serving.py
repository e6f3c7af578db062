"""Videos play and seek: browsers fetch them in byte ranges. In production nginx
serves MEDIA_ROOT/gebaerdensprache/ itself (docs/deploy/nginx.conf), ranges
included; the development server (`make run`) serves media through
accessibility/media.py, which answers single ranges too."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from django.conf import settings
from django.test import RequestFactory

from accessibility.media import byte_range, serve_media

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONTENT = bytes(range(256)) * 40  # 10,240 bytes


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 10239)),
        ("bytes=-100", (10140, 10239)),
        ("bytes=10000-20000", (10000, 10239)),
        ("bytes=-20000", (0, 10239)),
        ("bytes=10240-", None),
        ("bytes=50-10", None),
        ("bytes=0-1,5-9", None),
        ("items=0-1", None),
        ("bytes=-", None),
        ("bytes=-0", None),
    ],
)
def test_byte_range(header, expected):
    assert byte_range(header, len(CONTENT)) == expected


@pytest.fixture
def media(tmp_path):
    (tmp_path / "gebaerdensprache").mkdir()
    (tmp_path / "gebaerdensprache" / "clip.webm").write_bytes(CONTENT)
    return tmp_path


def get(media: Path, **headers):
    request = RequestFactory().get("/media/gebaerdensprache/clip.webm", headers=headers)
    return serve_media(request, "gebaerdensprache/clip.webm", document_root=str(media))


def test_dev_server_answers_a_range_with_206(media):
    response = get(media, Range="bytes=100-199")
    assert response.status_code == 206
    assert response.content == CONTENT[100:200]
    assert response["Content-Range"] == f"bytes 100-199/{len(CONTENT)}"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "video/webm"


def test_dev_server_answers_the_whole_file_without_a_range(media):
    response = get(media)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Accept-Ranges"] == "bytes"


def test_dev_server_refuses_a_range_beyond_the_file(media):
    response = get(media, Range=f"bytes={len(CONTENT)}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(CONTENT)}"


def needs_nginx():
    present = os.path.exists(NGINX) or shutil.which("nginx")
    return pytest.mark.skipif(
        not present and not os.environ.get("CI"), reason="nginx missing (apt-get install)"
    )


def location_block(conf: str, prefix: str) -> str:
    """The ``location ^~ <prefix> { … }`` block of ``conf``, braces balanced."""
    start = conf.index(f"location ^~ {prefix} {{")
    depth = 0
    for index in range(start, len(conf)):
        if conf[index] == "{":
            depth += 1
        elif conf[index] == "}":
            depth -= 1
            if depth == 0:
                return conf[start : index + 1]
    raise AssertionError("unbalanced location block")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@needs_nginx()
def test_nginx_serves_the_videos_with_ranges_and_nothing_else_of_media(tmp_path, media):
    conf = (Path(settings.BASE_DIR) / "docs" / "deploy" / "nginx.conf").read_text()
    block = location_block(conf, "/media/gebaerdensprache/")
    assert "/srv/gesunde-kommune/media/gebaerdensprache/" in block
    block = block.replace("/srv/gesunde-kommune/media/", f"{media}/")
    (media / "documents").mkdir()
    (media / "documents" / "intern.pdf").write_bytes(b"%PDF-1.4 intern")
    os.chmod(tmp_path, 0o755)  # noqa: S103 - the worker (nobody) reads the test files
    port = free_port()
    user = "user root root;\n" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"{user}pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events {}\nhttp {\n"
        f"  access_log off;\n  client_body_temp_path {tmp_path};\n"
        f"  server {{\n    listen 127.0.0.1:{port};\n    {block}\n  }}\n}}\n"
    )
    started = subprocess.run(  # noqa: S603
        [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert started.returncode == 0, started.stderr
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(50):
            try:
                urllib.request.urlopen(base + "/", timeout=1)  # noqa: S310
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        request = urllib.request.Request(  # noqa: S310
            base + "/media/gebaerdensprache/clip.webm", headers={"Range": "bytes=100-199"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            assert response.status == 206
            assert response.read() == CONTENT[100:200]
            assert response.headers["Content-Range"] == f"bytes 100-199/{len(CONTENT)}"
            assert response.headers["Content-Type"] == "video/webm"
            assert response.headers["X-Content-Type-Options"] == "nosniff"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + "/media/documents/intern.pdf", timeout=5)  # noqa: S310
        assert refused.value.code == 404
    finally:
        subprocess.run(  # noqa: S603
            [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-s", "stop"],
            capture_output=True, check=False,
        )  # fmt: skip
        assert re.search("emerg", (tmp_path / "error.log").read_text()) is None
