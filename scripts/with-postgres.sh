#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a throw-away PostgreSQL server:
#   bash scripts/with-postgres.sh <command...>
# The server listens on a loopback port, keeps its data in a temporary folder (fsync off, since
# nothing here must survive a power cut; WITH_POSTGRES_FSYNC=on for benchmarks) and is stopped and
# deleted when the command ends, however it ends.
# Debian's postgresql package is installed with apt when missing and this runs as root.
# TEST_DATABASE_URL, when set, is used instead, and no server is started.
set -euo pipefail

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  DATABASE_URL="$TEST_DATABASE_URL" exec "$@"
fi

if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is needed for the storage tests but is not installed." >&2
    echo "Install it (Debian/Ubuntu: sudo apt-get install postgresql), or set TEST_DATABASE_URL to a database the tests may fill." >&2
    exit 1
  fi
  echo "Installing PostgreSQL for the storage tests (apt-get install postgresql)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Without a main cluster: the package would otherwise create one and try to start it as a service.
  apt-get install -y -qq --no-install-recommends postgresql-common >/dev/null
  mkdir -p /etc/postgresql-common
  if grep -q '^ *create_main_cluster' /etc/postgresql-common/createcluster.conf 2>/dev/null; then
    sed -i 's/^ *create_main_cluster.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
  else
    echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
  fi
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
PGTMP="$(mktemp -d /tmp/viewer-pg.XXXXXX)"
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root: the server runs as the postgres user.
  chown postgres:postgres "$PGTMP"
  as_pg() { (cd "$PGTMP" && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd "$PGTMP" && "$@"); }
fi
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT

as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=scram-sha-256 >"$PGTMP/initdb.log" 2>&1 || { cat "$PGTMP/initdb.log" >&2; exit 1; }
first_port="${PGPORT:-55432}"
port="$first_port"
until as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
  -o "-p $port -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=${WITH_POSTGRES_FSYNC:-off} -c max_connections=200" start >/dev/null 2>&1; do
  # Port taken by another process: try the next one.
  if grep -q 'could not create any TCP/IP sockets' "$PGTMP/server.log" && ((port < first_port + 20)); then
    port=$((port + 1))
  else
    cat "$PGTMP/server.log" >&2
    exit 1
  fi
done
as_pg "$PGBIN/psql" -h "$PGTMP" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE viewer LOGIN PASSWORD 'viewer'" -c "CREATE DATABASE viewer OWNER viewer"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throw-away)"
export DATABASE_URL="postgres://viewer:viewer@127.0.0.1:$port/viewer"
"$@"
