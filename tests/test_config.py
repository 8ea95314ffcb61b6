"""Config loading: defaults, types, unknown keys, secrets only from the environment."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bot.config import ENV_CONFIG, config_from_dict, load_config
from bot.errors import ConfigError

EXAMPLE = Path(__file__).resolve().parents[1] / "config.example.toml"


def test_example_config_is_the_defaults() -> None:
    assert load_config(EXAMPLE, env={}) == load_config(None, env={})


def test_file_from_environment(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[http]\nport = 9999\n[limits]\nmax_file_size_mb = 2.5\n")
    config = load_config(None, env={ENV_CONFIG: str(path), "GEMINI_API_KEY": "k-123"})
    assert config.http.port == 9999
    assert config.limits.max_file_size == int(2.5 * 1024 * 1024)
    assert config.extraction.gemini_api_key == "k-123"
    assert config.linking.amount_tolerance_abs == Decimal("1.00")


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"http": {"port": "80"}}, "http.port"),
        ({"http": {"port": -1}}, "http.port"),
        ({"http": {"prot": 80}}, "http.prot"),
        ({"databse": {}}, "databse"),
        ({"worker": {"concurrency": 1.5}}, "worker.concurrency"),
        ({"worker": {"lease_seconds": True}}, "worker.lease_seconds"),
        ({"extraction": {"gemini_api_key": "in-the-file"}}, "extraction.gemini_api_key"),
        ({"extraction": {"gemini": {"model": 3}}}, "extraction.gemini.model"),
        ({"extraction": {"ocr_languages": "eng"}}, "extraction.ocr_languages"),
        ({"linking": {"duplicate_policy": "maybe"}}, "linking.duplicate_policy"),
        ({"linking": {"amount_tolerance_abs": "lots"}}, "linking.amount_tolerance_abs"),
        ({"logging": "loud"}, "logging"),
    ],
)
def test_bad_values_name_the_key(table: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict(table)
    assert info.value.key == key
    assert key in str(info.value)


def test_missing_or_broken_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml", env={})
    bad = tmp_path / "bad.toml"
    bad.write_text("[http\nport=1")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad, env={})
