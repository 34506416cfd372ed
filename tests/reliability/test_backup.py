"""Backup and restore: a restored copy has every row, every file, and serves the portal."""

import json

import psycopg
import pytest

from tests.reliability.stack import AppServer, Client, manage, production_env

pytestmark = pytest.mark.reliability


def counts(url):
    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_backup_restores_into_an_empty_database_with_identical_rows(
    postgres, portal_database, tmp_path
):
    media = tmp_path / "media"
    (media / "library").mkdir(parents=True)
    (media / "library" / "report.txt").write_bytes(b"An uploaded report.\n")
    source = production_env(database_url=portal_database, redis_url="", media_root=media)
    manage(source, "seed_demo", debug=True)
    before = counts(portal_database)
    assert before["members_user"] > 0 and before["library_resource"] > 0

    backup = tmp_path / "backup"
    manage(source, "backup", str(backup))
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["tables"] == before

    restored_url = postgres.create_database("restored")
    restored_media = tmp_path / "restored-media"
    target = production_env(database_url=restored_url, redis_url="", media_root=restored_media)
    output = manage(target, "restore", str(backup))
    assert "every row count matches" in output
    assert counts(restored_url) == before
    assert (restored_media / "library" / "report.txt").read_bytes() == b"An uploaded report.\n"

    refused = manage_fails(target, "restore", str(backup))
    assert "not empty" in refused

    server = AppServer(target, tmp_path / "restored.log")
    try:
        client = Client(server.url)
        for path in ["/healthz", "/", "/library/", "/pledge/", "/events/", "/discussions/"]:
            assert client.get(path)[0] in {200, 302}, path
        client.log_in("member@example.org", "demo-member-2026")
        assert client.get("/discussions/")[0] == 200
    finally:
        server.stop()


def manage_fails(env, *args):
    import subprocess
    import sys

    from tests.reliability.stack import ROOT

    result = subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0
    return result.stderr
