"""The process refuses to start without a secret, and production settings pass
Django's deployment checklist without a single warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env):
    # A clean slate: nothing from the test run's own environment leaks in.
    dropped = {"SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(**extra):
    return {
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "innohub.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://innohub.example.org",
        "SECURE_SSL_REDIRECT": "1",
        "STATIC_MANIFEST": "1",
        **extra,
    }


def test_debug_off_without_secret_key_refuses_to_start():
    result = run_manage("check", env={"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "SECRET_KEY" in lines[0]


def test_debug_on_starts_without_secret_key():
    result = run_manage("check", env={"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_check_deploy_has_no_warnings_with_production_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_behind_tls_proxy_has_no_warnings():
    env = production_env(SECURE_SSL_REDIRECT="0", BEHIND_TLS_PROXY="1")
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_tasks_backend_is_chosen_by_the_environment():
    code = "from django_tasks import task_backends; print(task_backends['default'])"
    show = ["shell", "-c", code]
    immediate = run_manage(*show, env={"DJANGO_DEBUG": "1"})
    database = run_manage(*show, env={"DJANGO_DEBUG": "1", "TASKS_BACKEND": "database"})
    assert "ImmediateBackend" in immediate.stdout, immediate.stderr
    assert "DatabaseBackend" in database.stdout, database.stderr


def test_unknown_tasks_backend_is_a_clear_error():
    result = run_manage("check", env={"DJANGO_DEBUG": "1", "TASKS_BACKEND": "celery"})
    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of immediate, database" in result.stderr
