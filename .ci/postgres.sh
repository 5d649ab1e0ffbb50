# Install (if needed) and start a throwaway PostgreSQL cluster on loopback.
# Sourced by .ci/run and bench/; sets PG_URL.
PG_PORT=${PG_PORT:-54329}
PG_DIR=${PG_DIR:-/tmp/sakip-pg-$$}

_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

_as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "cd / && $*"; else sh -c "$*"; fi
}

start_postgres() {
  if [ -z "$(_pg_bin)" ]; then
    echo "installing postgresql"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin; bin=$(_pg_bin)
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  _as_pg "$bin/initdb -D $PG_DIR/data -A trust -U sakip -E UTF8 >/dev/null"
  _as_pg "$bin/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w -o '-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -F' start >/dev/null"
  _as_pg "$bin/createdb -h 127.0.0.1 -p $PG_PORT -U sakip sakip"
  PG_URL="postgres://sakip@127.0.0.1:$PG_PORT/sakip"
  export PG_URL
}

stop_postgres() {
  local bin; bin=$(_pg_bin)
  _as_pg "$bin/pg_ctl -D $PG_DIR/data -m fast stop >/dev/null" || true
  rm -rf "$PG_DIR"
}
