# Sourced by the test scripts that need a running `performa serve --demo` (tests/browser/run.sh,
# tests/api/run-schemathesis.sh): starts BINARY on a free port of 127.0.0.1 with a temporary database, waits until
# it answers, and stops it (and removes its folder) when the sourcing script exits.
#
#   source tests/lib/demo-server.sh
#   start_demo_server "$binary"      # sets $port, $server (its pid) and $work (its folder; the log is $work/server.log)

start_demo_server() {
  local binary="$1"
  work="$(mktemp -d)"
  port="$(free_port)"
  # The server's mail goes to 127.0.0.1:$PERFORMA_TEST_SMTP_PORT, where a test starts an SMTP server when it wants
  # to read it (tests/browser/test_administration.py); until then the outbox keeps the notices and retries.
  export PERFORMA_TEST_SMTP_PORT="$(free_port)"
  PERFORMA_SMTP_HOST=127.0.0.1 PERFORMA_SMTP_PORT="$PERFORMA_TEST_SMTP_PORT" PERFORMA_SMTP_SECURITY=none \
  PERFORMA_MAIL_FROM="Performa <performa@cciaa-brescia.example>" PERFORMA_MAIL_INTERVAL=1 PERFORMA_PUBLIC_URL="http://127.0.0.1:$port" \
    "$binary" serve --demo --port "$port" --database "sqlite:$work/performa.sqlite" > "$work/server.log" 2>&1 &
  server=$!
  trap stop_demo_server EXIT
  # Up to two minutes for the demo data (seven bcrypt hashes) and the first answer.
  for _ in $(seq 1 240); do
    if demo_server_healthy; then break; fi
    kill -0 "$server" 2> /dev/null || { echo "Il server si è fermato:"; cat "$work/server.log"; exit 1; }
    sleep 0.5
  done
  demo_server_healthy || { echo "Il server non risponde:"; cat "$work/server.log"; exit 1; }
  echo "performa serve --demo in ascolto sulla porta $port"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

demo_server_healthy() {
  python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "http://127.0.0.1:$port/healthz" > /dev/null 2>&1
}

stop_demo_server() {
  kill "$server" 2> /dev/null && wait "$server" 2> /dev/null || true
  rm -rf "$work"
}
