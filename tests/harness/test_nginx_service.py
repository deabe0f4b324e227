"""nginx and Apache (harness/services/nginx.py, apache.py): a page's own file, run on loopback."""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from harness.services import apache as apache_service
from harness.services import nginx as nginx_service
from harness.services.commands import ServerError, fetch, refuses_connections
from harness.services.missing import Missing

SERVER = """\
server {
    listen 80;
    location / {
        root /srv/site;
    }
}
"""
VIRTUAL_HOST = """\
<VirtualHost *:80>
    DocumentRoot /srv/site
    <Directory /srv/site>
        Require all granted
    </Directory>
</VirtualHost>
"""


@pytest.fixture
def site():
    """A folder with a page, readable by the workers' user (pytest's tmp_path is 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="site-"))
    folder.chmod(0o755)
    (folder / "index.html").write_text("<p>served from the disk</p>\n")
    yield folder
    shutil.rmtree(folder)


def test_render_replaces_every_occurrence_in_order():
    text = "root /srv/shop/venv; root /srv/shop; listen 80;"
    replace = {"/srv/shop/venv": "/opt/venv", "/srv/shop": "/opt/app"}
    assert nginx_service.render(text, replace) == "root /opt/venv; root /opt/app; listen 80;"


def test_render_refuses_a_replacement_that_misses():
    with pytest.raises(ValueError, match="'listen 8080;' does not occur"):
        nginx_service.render("listen 80;", {"listen 8080;": "listen 127.0.0.1:1;"})


def test_nginx_runs_the_file_on_loopback_logs_to_its_folder_and_stops(tmp_path, site):
    conf = tmp_path / "site.conf"
    conf.write_text(SERVER)
    replace = {"listen 80;": "listen 127.0.0.1:{port};", "/srv/site": str(site)}
    with nginx_service.running(conf, replace=replace) as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert fetch(server.url + "/index.html")[2] == b"<p>served from the disk</p>\n"
        assert server.logged('"GET /index.html HTTP/1.1" 200')
        assert "start worker process" in server.error_log
        assert "syntax is ok" in server.check()
        folder = server.folder
        assert f"root {site};" in (folder / "site.conf").read_text()
    assert refuses_connections(server.url)
    assert not folder.exists()


def test_nginx_that_cannot_start_says_why(tmp_path):
    conf = tmp_path / "broken.conf"
    conf.write_text("server { listen 80; no_such_directive on; }\n")
    replace = {"listen 80;": "listen 127.0.0.1:{port};"}
    expected = pytest.raises(ServerError, match='unknown directive "no_such_directive"')
    with expected, nginx_service.running(conf, replace=replace):
        pass


@pytest.fixture
def closed(site):
    """``site/closed/open``: an open folder inside one only its owner may enter."""
    (site / "closed" / "open").mkdir(parents=True)
    (site / "closed").chmod(0o700)
    (site / "closed" / "open").chmod(0o755)
    (site / "closed" / "open" / "index.html").write_text("<p>out of reach</p>\n")
    return site / "closed"


def test_unreachable_names_the_first_folder_a_user_may_not_enter(site, closed):
    user = nginx_service.WORKER_USER
    assert nginx_service.unreachable(site / "index.html", user) is None
    assert nginx_service.unreachable(closed / "open", user) == closed
    assert nginx_service.unreachable(closed / "open" / "index.html", user) == closed
    assert nginx_service.unreachable(closed, user) == closed


@pytest.mark.skipif(os.geteuid() != 0, reason="only as root do nginx's workers change user")
def test_nginx_as_root_refuses_a_root_its_workers_cannot_reach(tmp_path, closed):
    conf = tmp_path / "site.conf"
    conf.write_text(SERVER)
    replace = {"listen 80;": "listen 127.0.0.1:{port};", "/srv/site": str(closed / "open")}
    message = f"www-data may not enter {closed} (mode drwx------), on the way to {closed}/open"
    expected = pytest.raises(ServerError, match=re.escape(message))
    with expected, nginx_service.running(conf, replace=replace):
        pass


def test_the_nginx_fixture_stops_what_it_started(nginx, tmp_path, site):
    conf = tmp_path / "site.conf"
    conf.write_text(SERVER)
    server = nginx(conf, replace={"listen 80;": "listen 127.0.0.1:{port};", "/srv/site": str(site)})
    assert fetch(server.url + "/index.html")[0] == 200


def test_apache_runs_the_virtual_host_on_loopback_and_stops(apache, tmp_path, site):
    conf = tmp_path / "site.conf"
    conf.write_text(VIRTUAL_HOST)
    server = apache(conf, replace={"*:80": "127.0.0.1:{port}", "/srv/site": str(site)})
    assert fetch(server.url + "/index.html")[2] == b"<p>served from the disk</p>\n"
    assert fetch(server.url + "/missing.html")[0] == 404
    assert "resuming normal operations" in server.error_log


def test_apache_that_cannot_start_says_why(tmp_path):
    conf = tmp_path / "broken.conf"
    conf.write_text("<VirtualHost *:80>\n    NoSuchDirective on\n</VirtualHost>\n")
    expected = pytest.raises(ServerError, match="Invalid command 'NoSuchDirective'")
    try:
        with expected, apache_service.running(conf, replace={"*:80": "127.0.0.1:{port}"}):
            pass
    except Missing as missing:
        pytest.skip(str(missing))


def test_a_debian_venv_runs_debians_python_with_the_runs_packages(tmp_path):
    if not apache_service.debian_python_matches():
        pytest.skip("Debian's python3 is not this interpreter's minor version")
    venv = apache_service.debian_venv(tmp_path)
    code = "import sys, flask; print(sys.base_prefix, flask.__name__)"
    python = venv / "bin" / "python"
    answer = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert answer == "/usr flask\n"
