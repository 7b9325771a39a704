"""Faults: the database restarted under load, a full disk, a read-only disk, the server killed in the middle of
writes, and a graceful shutdown with requests in flight. Each test prints one FIGURES line for docs/reliability.md.
"""
import http.client
import json
import os
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import unittest

import harness
from harness import PLAN, Api, Server, figures, request

INDICATOR, AT = "1.1.2/1", "2021-12-31"


class Writers:
    """Threads that record distinct values through the API until stopped; every 201 is an acknowledged write."""

    def __init__(self, api, threads=4, base=100000):
        self.api = api
        self.acknowledged = []
        self.failures = []
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._run, args=(base + n * 100000,), daemon=True) for n in range(threads)]

    def _run(self, first):
        value = first
        while not self.stop_event.is_set():
            value += 1
            try:
                status, _, body = self.api.record(INDICATOR, AT, str(value), timeout=10)
            except OSError as error:
                status, body = None, str(error).encode()
            with self.lock:
                if status == 201:
                    self.acknowledged.append((time.monotonic(), str(value)))
                else:
                    self.failures.append((time.monotonic(), status, body[:300]))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        for thread in self.threads:
            thread.join(30)

    def acknowledged_since(self, moment):
        with self.lock:
            return sum(1 for at, _ in self.acknowledged if at > moment)


def stored_values(api):
    return {entry["text"] for entry in api.history(INDICATOR, AT)}


class PostgresRestart(unittest.TestCase):
    def test_postgres_restart_during_writes_loses_no_acknowledged_write(self):
        database = harness.fresh_postgres_database("performa_faults")
        with Server(database=database) as server:
            api = Api(server.base)
            with Writers(api) as writers:
                harness.wait_until(lambda: writers.acknowledged_since(0) >= 20, 60, "the first acknowledged writes")
                restart_started = time.monotonic()
                harness.postgres_restart()
                restarted = time.monotonic()
                # The server must recover by itself: new writes acknowledged after the restart, without restarting it.
                harness.wait_until(lambda: writers.acknowledged_since(restarted) >= 20, 60, "writes acknowledged after the restart")
                recovered = next(at for at, _ in writers.acknowledged if at > restarted)
            self.assertIsNone(server.process.poll(), "the server kept running")
            missing = {value for _, value in writers.acknowledged} - stored_values(api)
            self.assertEqual(missing, set(), "every acknowledged write is in the database")
            statuses = sorted({str(status) for _, status, _ in writers.failures})
            # Refused writes during the restart must be clear 503s (or a cut connection), never a 500.
            self.assertNotIn("500", statuses, writers.failures[:3])
            for _, status, body in writers.failures:
                if status == 503:
                    self.assertIn("database", json.loads(body)["error"])
            figures("postgres_restart", acknowledged=len(writers.acknowledged), refused=len(writers.failures),
                    refused_statuses=statuses, restart_s=round(restarted - restart_started, 2),
                    first_ack_after_restart_s=round(recovered - restarted, 2), lost=len(missing))


class SmallDisk:
    """A 24 MiB tmpfs holding the SQLite database, which the tests fill up or remount read-only."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="performa-disk-")

    def __enter__(self):
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", self.path], check=True)
        return self

    def remount(self, mode):
        subprocess.run(["mount", "-o", f"remount,{mode}", self.path], check=True)

    def fill(self):
        """Writes a filler file until the disk is full; returns its path."""
        filler = os.path.join(self.path, "riempitivo")
        # Unbuffered: a buffered file would try to write its rest again on close, and raise there.
        with open(filler, "wb", buffering=0) as file:
            block = b"\0" * 65536
            try:
                while True:
                    file.write(block)
            except OSError:
                pass
        return filler

    def __exit__(self, *exc):
        subprocess.run(["umount", "-l", self.path], check=False)
        os.rmdir(self.path)


def integrity(path):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


class DiskFaults(unittest.TestCase):
    def test_disk_full_refuses_writes_clearly_keeps_data_and_recovers(self):
        with SmallDisk() as disk:
            database = os.path.join(disk.path, "performa.sqlite")
            with Server(database=f"sqlite:{database}") as server:
                api = Api(server.base)
                self.assertEqual(api.record(INDICATOR, AT, "4242")[0], 201)
                before = stored_values(api)
                filler = disk.fill()
                refused = []
                for value in range(5000, 5020):
                    status, _, body = api.record(INDICATOR, AT, str(value))
                    refused.append((status, body))
                statuses = {status for status, _ in refused}
                self.assertTrue(statuses <= {503}, f"writes on a full disk: {statuses} {refused[0][1][:200]!r}")
                message = json.loads(refused[0][1])["error"]
                self.assertIn("spazio", message)
                # Reads go on; nothing half-written appears.
                status, _, _ = api.get(f"/api/plans/{PLAN}/scores")
                self.assertEqual(status, 200)
                self.assertEqual(stored_values(api), before)
                # Space freed: writes work again without restarting the server.
                os.remove(filler)
                self.assertEqual(api.record(INDICATOR, AT, "4343")[0], 201)
                self.assertIn("4343", stored_values(api))
            self.assertEqual(integrity(database), "ok")
            figures("disk_full", refused=len(refused), statuses=sorted(statuses), message=message, integrity="ok")

    def test_read_only_disk_is_refused_at_start_with_a_clear_error(self):
        # A disk cannot become read-only under an open writer (the kernel refuses the remount), so the database is
        # put on a disk mounted read-only before the server starts, as after a file-system error or a read-only volume.
        with SmallDisk() as disk:
            database = os.path.join(disk.path, "performa.sqlite")
            with Server(database=f"sqlite:{database}") as server:
                before = stored_values(Api(server.base))
            disk.remount("ro")
            try:
                # Performa must write (sessions, migrations): it refuses to start, saying why, and changes nothing.
                started = subprocess.run([harness.binary(), "serve", "--port", str(harness.free_port()), "--database", f"sqlite:{database}"],
                                         capture_output=True, text=True, timeout=60)
                status, message = started.returncode, started.stderr.strip()
                self.assertNotEqual(status, 0)
                self.assertIn("sola lettura", message)
            finally:
                disk.remount("rw")
            with Server(database=f"sqlite:{database}") as server:
                self.assertEqual(stored_values(Api(server.base)), before)
            self.assertEqual(integrity(database), "ok")
            figures("read_only_disk", exit_status=status, message=message, integrity="ok")


class Kill(unittest.TestCase):
    def test_sigkill_during_writes_keeps_every_acknowledged_write(self):
        with Server() as server:
            database = server.database[len("sqlite:"):]
            api = Api(server.base)
            with Writers(api) as writers:
                harness.wait_until(lambda: writers.acknowledged_since(0) >= 100, 120, "100 acknowledged writes")
                server.process.send_signal(signal.SIGKILL)
                server.process.wait(10)
            acknowledged = {value for _, value in writers.acknowledged}
            self.assertEqual(integrity(database), "ok")
            restarted = Server(database=server.database, workdir=server.workdir).start()
            try:
                missing = acknowledged - stored_values(Api(restarted.base))
            finally:
                restarted.stop()
            self.assertEqual(missing, set())
            figures("sigkill", acknowledged=len(acknowledged), lost=len(missing), integrity="ok")


class GracefulShutdown(unittest.TestCase):
    def test_sigterm_finishes_requests_in_flight(self):
        server = Server().start()
        try:
            api = Api(server.base)
            connections = []
            # Heavy requests (the Piano document) sent first, the signal right after: they are in flight.
            for _ in range(16):
                connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
                connection.request("GET", f"/piani/{PLAN}/documenti/piano.html", headers=api.headers)
                connections.append(connection)
            time.sleep(0.05)
            signalled = time.monotonic()
            server.process.send_signal(signal.SIGTERM)
            completed = 0
            for connection in connections:
                response = connection.getresponse()
                body = response.read()
                self.assertEqual(response.status, 200)
                self.assertIn(b"</html>", body)
                completed += 1
                connection.close()
            status = server.process.wait(60)
            stopped = time.monotonic()
            self.assertEqual(status, 0, server.log_text()[-2000:])
            self.assertIn("richieste in corso completate", server.log_text())
            with self.assertRaises(OSError):
                request(server.base, "GET", "/livez", timeout=2)
            figures("graceful_shutdown", in_flight=len(connections), completed=completed, exit_status=status,
                    shutdown_s=round(stopped - signalled, 2))
        finally:
            server.stop(signal.SIGKILL)


if __name__ == "__main__":
    unittest.main()
