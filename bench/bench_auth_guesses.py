"""Measure how fast a stranger can guess moderator tokens against a real `moderation serve`.

Usage: PYTHONPATH=<checkout> .venv/bin/python bench/bench_auth_guesses.py [--bearer 300] [--sign-ins 200]

Starts its own redis-server and `moderation serve` (gunicorn, 2 workers) from the checkout on
PYTHONPATH (so the same script measures an older checkout too), then, from one client on loopback,
sends wrong bearer tokens to GET /v1/review and wrong tokens to the page's sign-in form as fast as
it can. A guess is *evaluated* when the answer is 401 (the token was compared and refused); 429
means the throttle refused it unread. Prints, per kind: attempts, evaluated guesses, seconds, and
evaluated guesses per second; then how many guesses an hour the backoff allows (computed).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import re
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import redis as redis_lib

from moderation.processes import spawn, wait_healthy
from moderation.redis_server import RedisServer, free_port

TOKEN = "bench-moderator-Zr8k2Pq9Xv4Lm7T"


def status_of(request, opener=None) -> int:
    open_url = opener.open if opener else urllib.request.urlopen
    try:
        with open_url(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def bearer_guesses(url: str, count: int) -> list[int]:
    return [status_of(urllib.request.Request(f"{url}/v1/review", headers={"Authorization": f"Bearer guess-{i}"}))
            for i in range(count)]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in_guesses(url: str, count: int) -> list[int]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    with opener.open(f"{url}/review", timeout=10) as response:
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', response.read().decode()).group(1)
    statuses = []
    for i in range(count):
        body = urllib.parse.urlencode({"csrf_token": csrf, "token": f"guess-{i}"}).encode()
        statuses.append(status_of(urllib.request.Request(f"{url}/review/sign-in", data=body), opener))
    return statuses


def report(kind: str, statuses: list[int], seconds: float) -> dict:
    evaluated = statuses.count(401)
    return {"kind": kind, "attempts": len(statuses), "evaluated": evaluated, "refused_unread": statuses.count(429),
            "seconds": round(seconds, 2), "evaluated_per_second": round(evaluated / seconds, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bearer", type=int, default=300)
    parser.add_argument("--sign-ins", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        redis = RedisServer(Path(tmp) / "redis").start()
        port = free_port()
        env = {"MODERATION_REDIS_URL": redis.url, "MODERATION_WEBHOOK_SECRET": "bench-secret-0123456789",
               "MODERATION_REVIEW_TOKENS": f"alice:{TOKEN}", "MODERATION_DATA_DIR": tmp}
        web = spawn("web", ["serve", "--port", str(port)], env, Path(tmp) / "logs")
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, 0, 60, [web])
            results = []
            for kind, run, count in (("bearer", bearer_guesses, args.bearer), ("sign-in", sign_in_guesses,
                                                                                args.sign_ins)):
                started = time.perf_counter()
                statuses = run(url, count)
                results.append(report(kind, statuses, time.perf_counter() - started))
                client = redis_lib.Redis.from_url(redis.url)
                for key in client.scan_iter("mod:authfail:*"):  # each kind starts unthrottled
                    client.delete(key)
                client.close()
            for line in results:
                print(json.dumps(line))
        finally:
            web.stop()
            redis.stop()
    try:
        from moderation.web.auth_throttle import FREE_FAILURES, MAX_LOCK_SECONDS
    except ImportError:
        return 0
    locks, elapsed = [], 0.0
    over = 1
    while elapsed < 3600:
        lock = min(2 ** over, MAX_LOCK_SECONDS)
        locks.append(lock)
        elapsed += lock
        over += 1
    print(json.dumps({"throttled_guesses_per_hour_per_client": FREE_FAILURES["addr"] + len(locks)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
