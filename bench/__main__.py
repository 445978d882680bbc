"""Seed a tier into the bench's own database, request every registered URL many
times in-process, and print URL, queries, p50 ms, p95 ms and response bytes.

    python -m bench                 # tier demo, SQLite file bench/bench-demo.sqlite3
    python -m bench --tier S        # the benchmark data set (DESIGN.md §6)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/innohub python -m bench
        # PostgreSQL: uses (and creates) the database innohub_bench_<tier>
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent


def bench_database_url(tier: str) -> str:
    """The bench's own database, never the one you develop in."""
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(base)
        name = (parts.path.lstrip("/") or "innohub") + f"_bench_{tier.lower()}"
        return urlunsplit(parts._replace(path=f"/{name}"))
    return f"sqlite:///{BENCH_DIR / f'bench-{tier.lower()}.sqlite3'}"


def configure_environment(tier: str) -> str:
    database_url = bench_database_url(tier)
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Production settings, as the bench measures what production serves, minus
    # HTTPS (the test client speaks plain HTTP) and the hashed static manifest.
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["STATIC_MANIFEST"] = "0"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # Registrations the bench sends email; keep it in memory, not on the console.
    os.environ["EMAIL_URL"] = "memorymail://"
    return database_url


def create_postgres_database(database_url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(target, repeat: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    email = target.resolve_user_email()
    if email:
        client.force_login(get_user_model().objects.get(email=email))
    path = target.resolve_path()
    send = getattr(client, target.method.lower())

    def request(data):
        return send(path, data) if target.method != "GET" else send(path)

    response = request(target.resolve_data())  # warm caches and imports; not counted
    timings, queries = [], []
    for _ in range(repeat):
        # Preparing the form (a fresh email, a slot set free again) is not part
        # of the request being measured.
        data = target.resolve_data()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = request(data)
            timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured.captured_queries))
    return {
        "name": target.name,
        "method": target.method,
        "path": path,
        "status": response.status_code,
        "ok": response.status_code == target.expected_status,
        "queries": max(queries),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "bytes": len(response.content),
    }


def print_table(rows: list[dict], out=sys.stdout) -> None:
    headers = ["URL", "status", "queries", "p50 ms", "p95 ms", "bytes"]
    lines = [
        [
            f"{row['method']} {row['path']}",
            str(row["status"]) + ("" if row["ok"] else " !"),
            str(row["queries"]),
            f"{row['p50_ms']:.1f}",
            f"{row['p95_ms']:.1f}",
            str(row["bytes"]),
        ]
        for row in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    out.write("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |\n")
    out.write("|" + "|".join("-" * (w + 2) for w in widths) + "|\n")
    for line in lines:
        cells = [line[0].ljust(widths[0])] + [
            cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)
        ]
        out.write("| " + " | ".join(cells) + " |\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--tier", choices=["demo", "S"], default="demo")
    parser.add_argument("--repeat", type=int, default=30, help="requests per URL (default 30)")
    parser.add_argument("--only", help="measure only targets whose name contains this text")
    parser.add_argument("--json", type=Path, help="where to write the results as JSON")
    parser.add_argument(
        "--no-seed", action="store_true", help="skip migrate and seed_demo (already done)"
    )
    args = parser.parse_args(argv)

    database_url = configure_environment(args.tier)
    if database_url.startswith("postgres"):
        create_postgres_database(database_url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.targets import TARGETS
    from config.runtime import tune_garbage_collector

    if not args.no_seed:
        started = time.monotonic()
        call_command("migrate", verbosity=0)
        call_command("seed_demo", tier=args.tier, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
        sys.stdout.write(f"Seeded tier {args.tier} in {time.monotonic() - started:.1f} s.\n")

    # As config/wsgi.py does in production.
    tune_garbage_collector()
    targets = [t for t in TARGETS if not args.only or args.only in t.name]
    rows = [measure(target, args.repeat) for target in targets]

    sys.stdout.write(
        f"\ninnohub bench · tier {args.tier} · {connection.vendor} · {args.repeat} requests per URL"
        f" · Python {platform.python_version()}\n\n"
    )
    print_table(rows)

    json_path = args.json or BENCH_DIR / "results" / f"{args.tier.lower()}-{connection.vendor}.json"
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(
        json.dumps(
            {
                "tier": args.tier,
                "database": connection.vendor,
                "repeat": args.repeat,
                "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "results": rows,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    sys.stdout.write(f"\nJSON: {json_path}\n")
    return 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
