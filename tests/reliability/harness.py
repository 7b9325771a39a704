"""Shared pieces of the reliability tests and the HTTP load runs: a `performa serve` process, an API client,
wrk with a JSON report, nginx in front of several servers, and the throw-away PostgreSQL of .ci/postgres.sh.

Standard library only (the tests run on a fresh machine with nothing but Debian's python3). The binary comes
from PERFORMA_BIN (set by run.sh); PostgreSQL from PERFORMA_TEST_POSTGRES_URL (set by `.ci/postgres.sh start`).
"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PLAN = "cciaa-brescia-2021-2023"
ORGANIZATION = "cciaa-brescia"
LUA = os.path.join(os.path.dirname(__file__), "lua")


def binary():
    path = os.environ.get("PERFORMA_BIN")
    if not path or not os.access(path, os.X_OK):
        raise RuntimeError("PERFORMA_BIN must name a built performa binary (see tests/reliability/run.sh)")
    return path


def postgres_url():
    url = os.environ.get("PERFORMA_TEST_POSTGRES_URL")
    if not url:
        raise RuntimeError("PERFORMA_TEST_POSTGRES_URL is not set: eval \"$(bash .ci/postgres.sh start)\" first")
    return url


def fresh_postgres_database(name):
    """A new, empty database on the throw-away server, owned by the test role; returns its URL."""
    url = urllib.parse.urlsplit(postgres_url())
    admin = ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", url.hostname, "-p", str(url.port), "-U", "postgres", "-d", "postgres"]
    subprocess.run(admin + ["-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True, capture_output=True)
    subprocess.run(admin + ["-c", f"CREATE DATABASE {name} OWNER {url.username}"], check=True, capture_output=True)
    return urllib.parse.urlunsplit((url.scheme, url.netloc, "/" + name, "", ""))


def postgres_restart():
    """Restarts the throw-away PostgreSQL (fast shutdown: open connections are cut, as in a real failover)."""
    subprocess.run(["bash", os.path.join(ROOT, ".ci", "postgres.sh"), "restart"], check=True, capture_output=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Server:
    """One `performa serve --demo` on 127.0.0.1 and a free port, with its log in a temporary folder."""

    def __init__(self, database=None, port=None, demo=True, workdir=None):
        self.workdir = workdir or tempfile.mkdtemp(prefix="performa-reliability-")
        self.database = database or f"sqlite:{self.workdir}/performa.sqlite"
        self.port = port or free_port()
        self.demo = demo
        self.process = None
        self.log_path = os.path.join(self.workdir, f"server-{self.port}.log")

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=180):
        arguments = [binary(), "serve", "--port", str(self.port), "--database", self.database,
                     "--examples", os.path.join(ROOT, "examples"), "--assets", os.path.join(ROOT, "vendor", "bootstrap-italia")]
        if self.demo:
            arguments.append("--demo")
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(arguments, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        wait_until(lambda: self.process.poll() is not None or self.healthy(), timeout, f"performa serve on port {self.port}")
        if self.process.poll() is not None:
            raise AssertionError(f"performa serve stopped at start-up:\n{self.log_text()}")
        return self

    def healthy(self):
        try:
            return request(self.base, "GET", "/healthz", timeout=2)[0] == 200
        except OSError:
            return False

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Stops the server and returns its exit status."""
        if self.process is None:
            return None
        if self.process.poll() is not None:
            self.log.close()
            return self.process.returncode
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            # The server's last lines say what it was doing when it did not stop (a store call, the mail service…).
            tail = "\n".join(self.log_text().splitlines()[-40:])
            raise AssertionError(f"performa serve did not stop within {timeout} s after {sig!r}; its log ends with:\n{tail}")
        finally:
            self.log.close()

    def rss_mb(self):
        """Resident memory of the server process, in MiB (VmRSS of /proc)."""
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        raise AssertionError("no VmRSS in /proc status")

    def log_text(self):
        with open(self.log_path, "rb") as log:
            return log.read().decode("utf-8", "replace")

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


def request(base, method, path, body=None, headers=None, timeout=30):
    """One HTTP request on a new connection; returns (status, headers, body bytes). Connection errors raise."""
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    try:
        data = None
        headers = dict(headers or {})
        if body is not None:
            data = json.dumps(body).encode() if not isinstance(body, (bytes, str)) else (body.encode() if isinstance(body, str) else body)
            headers.setdefault("Content-Type", "application/json")
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class Api:
    """The JSON API with a bearer token of a demo user."""

    def __init__(self, base, username="admin", password=None):
        self.base = base
        status, _, body = request(base, "POST", "/api/session",
                                  {"organization": ORGANIZATION, "username": username, "password": password or f"demo-{username}"})
        if status != 201:
            raise AssertionError(f"login of {username} failed: {status} {body[:200]!r}")
        self.token = json.loads(body)["token"]

    @property
    def headers(self):
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path, timeout=30):
        return request(self.base, "GET", path, headers=self.headers, timeout=timeout)

    def post(self, path, body, timeout=30):
        return request(self.base, "POST", path, body=body, headers=self.headers, timeout=timeout)

    def record(self, indicator, at, value, note=None, timeout=30):
        body = {"indicator": indicator, "at": at, "value": value}
        if note:
            body["note"] = note
        return self.post(f"/api/plans/{PLAN}/measurements", body, timeout=timeout)

    def history(self, indicator, at):
        status, _, body = self.get(f"/api/plans/{PLAN}/measurements?indicator={urllib.parse.quote(indicator)}&at={at}")
        if status != 200:
            raise AssertionError(f"history of {indicator}@{at}: {status} {body[:200]!r}")
        return json.loads(body)


def browser_session(base, username="admin"):
    """Logs in through the form like a browser and returns the Cookie header of the session."""
    status, headers, page = request(base, "GET", "/accesso")
    cookies = _cookies(headers)
    token = re.search(rb'name="_csrf" value="([^"]+)"', page)
    if status != 200 or token is None:
        raise AssertionError(f"login form: {status}, no CSRF field")
    form = urllib.parse.urlencode({"_csrf": token.group(1).decode(), "ente": ORGANIZATION,
                                   "utente": username, "password": f"demo-{username}"})
    status, headers, body = request(base, "POST", "/accesso", body=form.encode(),
                                    headers={"Content-Type": "application/x-www-form-urlencoded",
                                             "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
    cookies.update(_cookies(headers))
    if status != 303 or "performa_sessione" not in cookies:
        raise AssertionError(f"form login of {username} failed: {status} {body[:300]!r}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def _cookies(headers):
    found = {}
    for name, value in headers.items():
        if name.lower() == "set-cookie":
            for part in value.split("\n"):
                pair = part.split(";", 1)[0]
                if "=" in pair:
                    key, val = pair.split("=", 1)
                    found[key.strip()] = val.strip()
    return found


def wrk(url, connections, seconds, script="report.lua", headers=None, threads=2, env=None, timeout_s=5):
    """Runs wrk with a Lua script that prints a JSON summary; returns it as a dict with `rps` added."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is missing: apt-get install wrk")
    arguments = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout_s}s", "--latency",
                 "-s", os.path.join(LUA, script)]
    for name, value in (headers or {}).items():
        arguments += ["-H", f"{name}: {value}"]
    arguments.append(url)
    result = subprocess.run(arguments, capture_output=True, text=True, env={**os.environ, "PERFORMA_LUA": LUA, **(env or {})},
                            timeout=seconds + 60, check=True)
    summary = None
    for line in result.stdout.splitlines():
        if line.startswith("PERFORMA_WRK "):
            summary = json.loads(line[len("PERFORMA_WRK "):])
    if summary is None:
        raise AssertionError(f"wrk printed no summary:\n{result.stdout}\n{result.stderr}")
    summary["rps"] = summary["requests"] / (summary["duration_us"] / 1e6)
    summary["errors_total"] = sum(summary["errors"].values())
    return summary


def wrk_mixed(base, api, connections, seconds, timeout_s):
    """The mixed load of measurement entry (lua/mixed.lua): every fifth request of a connection records a value
    through the API as `api`'s user, the others read the scorecard."""
    return wrk(base, connections, seconds, script="mixed.lua", timeout_s=timeout_s,
               env={"PERFORMA_TOKEN": api.token, "PERFORMA_PLAN": PLAN, "WRITE_EVERY": "5"})


def figures(name, **values):
    """One FIGURES line for docs/reliability.md."""
    print(f"\nFIGURES {name} {json.dumps(values, ensure_ascii=False)}", flush=True)


class Nginx:
    """nginx (Debian) on a free port, balancing round-robin over the given backends; config in a temp folder."""

    def __init__(self, backends):
        self.backends = backends
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="performa-nginx-")

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        upstream = "\n".join(f"    server 127.0.0.1:{port};" for port in self.backends)
        config = f"""
worker_processes 1;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {self.dir}/body;
  proxy_temp_path {self.dir}/proxy;
  upstream performa {{
{upstream}
    keepalive 128;
  }}
  server {{
    listen 127.0.0.1:{self.port};
    client_max_body_size 30m;
    location / {{
      proxy_pass http://performa;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
    }}
  }}
}}
"""
        with open(os.path.join(self.dir, "nginx.conf"), "w") as file:
            file.write(config)
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run([binary, "-c", os.path.join(self.dir, "nginx.conf"), "-p", self.dir, "-e", os.path.join(self.dir, "error.log")],
                       check=True, capture_output=True)
        wait_until(lambda: _port_open(self.port), 10, "nginx")
        return self

    def __exit__(self, *exc):
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run([binary, "-c", os.path.join(self.dir, "nginx.conf"), "-p", self.dir, "-s", "stop"], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


def _port_open(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0
