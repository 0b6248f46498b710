"""A managed Redis as operators get one: `rediss://` with TLS and a password. Web and worker
processes against a local redis-server started with TLS (Debian's build has it), decided end to end."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest
import redis

from moderation.client import ServiceClient
from moderation.localstack import spawn, wait_healthy
from moderation.redis_server import free_port
from moderation.store.connection import connect

pytestmark = pytest.mark.e2e
PASSWORD = "s3cret-redis-password"


def make_certs(folder) -> tuple:
    """A CA and a server certificate for 127.0.0.1 signed by it, with the extensions that strict
    X.509 checking (Python 3.13's default) asks for."""
    def run(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=test-ca",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        "-addext", "subjectKeyIdentifier=hash", "-keyout", "ca.key", "-out", "ca.crt")
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr")
    (folder / "san.ext").write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                                    "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
                                    "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid,issuer\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
        "-extfile", "san.ext", "-out", "server.crt")
    run("verify", "-x509_strict", "-CAfile", "ca.crt", "server.crt")
    return folder / "ca.crt", folder / "server.crt", folder / "server.key"


@pytest.fixture
def tls_redis(tmp_path):
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make the test certificates")
    ca, cert, key = make_certs(tmp_path)
    port = free_port()
    server = subprocess.Popen(["redis-server", "--port", "0", "--tls-port", str(port), "--bind", "127.0.0.1",
                               "--tls-cert-file", str(cert), "--tls-key-file", str(key), "--tls-ca-cert-file", str(ca),
                               "--tls-auth-clients", "no", "--requirepass", PASSWORD, "--dir", str(tmp_path),
                               "--save", "", "--appendonly", "no"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True)
    url = f"rediss://:{PASSWORD}@127.0.0.1:{port}/0?ssl_ca_certs={ca}&ssl_cert_reqs=required"
    try:
        _wait_for(server, url)
        yield url, port
    finally:  # also when it never answered: no redis-server outlives the test
        server.terminate()
        server.wait(10)


def _wait_for(server, url: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if server.poll() is not None:
            output = server.stdout.read()
            if "TLS" in output and ("not" in output or "support" in output):
                pytest.skip(f"this redis-server has no TLS: {output.strip()[-200:]}")
            raise RuntimeError(f"redis-server with TLS exited: {output[-500:]}")
        try:
            connect(url).ping()
            return
        except redis.RedisError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_plain_or_passwordless_connections_are_refused(tls_redis):
    url, port = tls_redis
    with pytest.raises(redis.RedisError):
        redis.Redis(host="127.0.0.1", port=port, socket_timeout=2).ping()  # no TLS
    with pytest.raises(redis.AuthenticationError):
        connect(url.replace(f":{PASSWORD}@", ":wrong@")).ping()


def test_web_and_worker_decide_over_tls_with_a_password(tls_redis, tmp_path, engine_available):
    url, _ = tls_redis
    env = {"MODERATION_REDIS_URL": url, "MODERATION_WEBHOOK_SECRET": "tls-secret",
           "MODERATION_DATA_DIR": str(tmp_path / "var")}
    port = free_port()
    web = spawn("web", ["serve", "--port", str(port)], env, tmp_path / "logs")
    worker = spawn("worker", ["worker"], env, tmp_path / "logs")
    try:
        wait_healthy(f"http://127.0.0.1:{port}", 1, 60, [web, worker])
        client = ServiceClient(f"http://127.0.0.1:{port}", "tls-secret")
        assert client.post_comments([{"id": "tls-1", "text": "Thanks for the article."}])[0] == 202
        assert client.wait_decided(["tls-1"], 30)["tls-1"]["status"] == "decided"
    finally:
        worker.stop()
        web.stop()
