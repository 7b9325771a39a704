"""Schemathesis hooks for Performa's API contract test (tests/api/run-schemathesis.sh).

Authentication: every case is sent with `Authorization: Bearer TOKEN` of the demo administrator. The tokens are
taken at start-up, before the first case: the fuzzer's own calls to `POST /api/session` fail on purpose, and after a
few failures the login throttle (5 per address in 15 minutes) refuses this address, so no login may be needed later.
`DELETE /api/session` ends the session it is sent with; it gets a token of its own from a pool, so that the shared
token stays valid for every other operation. When the pool is used up it gets an ended token (401, documented).
"""

import json
import os
import threading
import urllib.request

import schemathesis

BASE_URL = os.environ["PERFORMA_API_URL"].rstrip("/")
# Not the account of the document's login example: the fuzzer mutates that example (wrong passwords) and may lock it.
CREDENTIALS = {"organization": "cciaa-brescia", "username": "admin", "password": "demo-admin"}
CLOSE_POOL_SIZE = int(os.environ.get("PERFORMA_SCHEMATHESIS_CLOSE_TOKENS", "8"))


def log_in() -> str:
    request = urllib.request.Request(
        BASE_URL + "/api/session",
        data=json.dumps(CREDENTIALS).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["token"]


SHARED_TOKEN = log_in()
CLOSE_TOKENS = [log_in() for _ in range(CLOSE_POOL_SIZE)]
_lock = threading.Lock()
_last_closed = CLOSE_TOKENS[-1] if CLOSE_TOKENS else "nessuno"


@schemathesis.auth(refresh_interval=None, retry_on=[])
class PerformaBearer:
    def get(self, case, context):
        global _last_closed
        if case.operation.method.upper() == "DELETE" and case.operation.path == "/api/session":
            with _lock:
                if CLOSE_TOKENS:
                    _last_closed = CLOSE_TOKENS.pop()
                return _last_closed
        return SHARED_TOKEN

    def set(self, case, data, context):
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"
