"""The files in deploy/ parse and say what the operations guide says they say, without a network or a
Docker daemon: the compose file (bot + postgres:15 with a volume, the bot's health check on /readyz,
no secret written in it), the Dockerfile (python:3.11-slim, a non-root user, no token baked in), the
systemd unit (every key known to systemd where systemd-analyze is installed, and hardened), and the
settings example (only settings the bot reads)."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import PROJECT_ROOT, Settings

DEPLOY = PROJECT_ROOT / "deploy"
SECRET_WORDS = re.compile(r"TOKEN|SECRET|PASSWORD", re.IGNORECASE)


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_compose_runs_the_bot_beside_postgres_15_with_volumes_and_a_readiness_health_check() -> None:
    spec = compose()
    services = spec["services"]
    assert set(services) == {"bot", "postgres"}
    postgres, bot = services["postgres"], services["bot"]
    assert postgres["image"] == "postgres:15"
    assert "ports" not in postgres  # the database is reached over the compose network only
    named = set(spec["volumes"])
    for service in (postgres, bot):
        for mount in service["volumes"]:
            assert mount.split(":")[0] in named, mount
    assert any(m.endswith(":/var/lib/postgresql/data") for m in postgres["volumes"])
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"

    check = " ".join(bot["healthcheck"]["test"])
    port = bot["environment"]["HEALTH_PORT"]
    assert f"http://127.0.0.1:{port}/readyz" in check
    assert bot["environment"]["DATABASE_URL"].startswith("postgresql://")
    assert (DEPLOY / bot["build"]["context"] / bot["build"]["dockerfile"]).resolve() == DEPLOY / "Dockerfile"
    assert bot["env_file"] == ["diemtuvan.env"] and bot["read_only"] is True and bot["cap_drop"] == ["ALL"]
    # Secrets come from outside: no value in the file is a literal token or password.
    for service in services.values():
        for key, value in (service.get("environment") or {}).items():
            if SECRET_WORDS.search(key):
                assert str(value).startswith("${"), key
    assert "${POSTGRES_PASSWORD}" in bot["environment"]["DATABASE_URL"]


def test_the_dockerfile_runs_as_a_dedicated_user_with_no_secret_inside() -> None:
    lines = [line.strip() for line in (DEPLOY / "Dockerfile").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert lines[0] == "FROM python:3.11-slim"
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    for line in lines:
        if line.startswith(("ENV ", "ARG ")):
            assert not SECRET_WORDS.search(line), line
    assert any("/readyz" in line for line in lines if line.startswith(("HEALTHCHECK", "CMD")))
    ignore = [line.strip() for line in (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    assert ignore[0] == "*"  # everything is left out unless named
    assert not any(entry.startswith("!") and (".env" in entry or "data" in entry) for entry in ignore)


def unit() -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False, delimiters=("=",), comment_prefixes=("#", ";"))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    parser.read_string((DEPLOY / "diemtuvan.service").read_text(encoding="utf-8"))
    return parser


def test_the_systemd_unit_is_hardened_and_restarts_on_failure() -> None:
    service = unit()["Service"]
    assert (service.get("DynamicUser") == "yes" or service.get("User") not in (None, "root", "0"))
    assert service["StateDirectory"] == "diemtuvan" and service["StateDirectoryMode"] == "0700"
    assert service["ProtectSystem"] == "strict" and service["Restart"] == "on-failure"
    assert service["EnvironmentFile"].startswith("/etc/")
    assert service["NoNewPrivileges"] == "yes" and service["CapabilityBoundingSet"] == ""
    assert service["ExecStart"].split()[-1] == "run"
    assert "HEALTH_PORT=" in service["Environment"] and "DATA_DIR=/var/lib/diemtuvan" in service["Environment"]
    assert unit()["Install"]["WantedBy"] == "multi-user.target"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_systemd_knows_every_key_of_the_unit(tmp_path: Path) -> None:
    """systemd's own parser: an unknown or misspelt key is only a warning to systemd, so it is an error here."""
    text = (DEPLOY / "diemtuvan.service").read_text(encoding="utf-8")
    # verify also checks that the program exists; the checkout is not installed in /opt here.
    copy = tmp_path / "diemtuvan.service"
    copy.write_text(text.replace("/opt/diemtuvan/.venv/bin/diemtuvan", shutil.which("true") or "/bin/true"),
                    encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60,
                            check=False)
    complaints = [line for line in (result.stdout + result.stderr).splitlines()
                  if copy.name in line and re.search(r"Unknown|Failed to parse|Invalid|ignoring", line)]
    assert complaints == [] and result.returncode == 0, result.stderr


def test_the_settings_example_names_only_settings_the_bot_reads() -> None:
    known = {name.upper() for name in Settings.model_fields}
    named = re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (DEPLOY / "diemtuvan.env.example").read_text(encoding="utf-8"),
                       flags=re.MULTILINE)
    assert named and set(named) <= known, set(named) - known
    assert all(not line.split("=", 1)[1] for line in (DEPLOY / "diemtuvan.env.example").read_text(
        encoding="utf-8").splitlines() if SECRET_WORDS.search(line.split("=", 1)[0]) and "=" in line)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here")
def test_systemd_knows_every_key_of_the_template_unit_for_several_processes(tmp_path: Path) -> None:
    text = (DEPLOY / "diemtuvan@.service").read_text(encoding="utf-8")
    assert "EnvironmentFile=/etc/diemtuvan/instance-%i.env" in text
    copy = tmp_path / "diemtuvan@1.service"
    copy.write_text(text.replace("/opt/diemtuvan/.venv/bin/diemtuvan", shutil.which("true") or "/bin/true"),
                    encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60,
                            check=False)
    complaints = [line for line in (result.stdout + result.stderr).splitlines()
                  if "diemtuvan@" in line and re.search(r"Unknown|Failed to parse|Invalid|ignoring", line)]
    assert complaints == [] and result.returncode == 0, result.stderr
