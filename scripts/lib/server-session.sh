# Sourced by scripts/dist-train-cache and .ci/smoke-release: start a clipsearch server, wait until
# it answers, search it over HTTP, stop it. Needs curl.
#   server_start LOG CLIPSEARCH_BINARY ARGS...   (sets server_pid, server_url; --port 0 is added)
#   server_wait_health SECONDS                    (0 when /health says UP)
#   server_wait_indexed N SECONDS                 (0 when the default collection holds N images)
#   server_search QUERY                           (prints the JSON answer; fails on an HTTP error)
#   server_stop                                   (SIGTERM, waits; returns the server's exit status)

server_start() {
  server_log=$1
  shift
  "$@" --port 0 >"$server_log" 2>&1 &
  server_pid=$!
  server_url=""
  local i
  for ((i = 0; i < 600; i++)); do
    server_url=$(sed -n 's/^clipsearch: serving on \(http[^ ]*\).*/\1/p' "$server_log" | head -1)
    [[ -n $server_url ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited before serving:" >&2; cat "$server_log" >&2; return 1; }
    sleep 0.1
  done
  echo "server did not start in 60 s:" >&2
  cat "$server_log" >&2
  return 1
}

server_alive() {
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:" >&2; cat "$server_log" >&2; return 1; }
}

server_wait_health() {
  local deadline=$((SECONDS + $1))
  while ((SECONDS < deadline)); do
    curl -fsS "$server_url/health" 2>/dev/null | grep -q '"status":"UP"' && return 0
    server_alive || return 1
    sleep 0.1
  done
  return 1
}

server_wait_indexed() {
  local deadline=$((SECONDS + $2)) documents
  while ((SECONDS < deadline)); do
    documents=$(curl -fsS "$server_url/api/collections/default" 2>/dev/null \
      | sed -n 's/.*"documents":\([0-9]*\).*/\1/p' || true) # 404 until the collection exists
    [[ -n $documents ]] && ((documents >= $1)) && return 0
    server_alive || return 1
    sleep 0.2
  done
  return 1
}

server_search() {
  curl -fsS --get --data-urlencode "q=$1" "$server_url/api/search"
}

server_stop() {
  kill -TERM "$server_pid" 2>/dev/null || true
  local rc=0
  wait "$server_pid" || rc=$?
  # 143 = ended by the SIGTERM sent here: a clean stop
  [[ $rc == 0 || $rc == 143 ]]
}
