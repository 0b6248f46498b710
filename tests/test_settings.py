from pathlib import Path

import pytest

from moderation.settings import SettingsError, load_settings


def test_defaults_without_environment(tmp_path):
    settings = load_settings(environ={"MODERATION_CONFIG_DIR": str(tmp_path)})
    assert settings.redis_url is None
    assert settings.scorer == "auto"
    assert settings.resolved_policy_path == tmp_path / "policy.toml"


def test_environment_overrides_file_and_parses_types(tmp_path):
    (tmp_path / "moderation.toml").write_text('worker_batch_size = 16\nscorer = "linear"\n')
    settings = load_settings(environ={
        "MODERATION_CONFIG_DIR": str(tmp_path),
        "MODERATION_WORKER_BATCH_SIZE": "32",
        "MODERATION_REVIEW_TOKENS": "alpha, beta,,",
        "MODERATION_REDIS_URL": "redis://127.0.0.1:6399/0",
    })
    assert settings.worker_batch_size == 32
    assert settings.scorer == "linear"
    assert settings.review_tokens == ("alpha", "beta")
    assert settings.redis_url == "redis://127.0.0.1:6399/0"


@pytest.mark.parametrize("name, value, fragment", [
    ("MODERATION_WORKER_BATCH_SIZE", "many", "worker_batch_size"),
    ("MODERATION_WORKER_BATCH_SIZE", "0", "must be positive"),
    ("MODERATION_SCORER", "magic", "scorer"),
    ("MODERATION_REDIS_URL", "localhost:6379", "redis_url"),
    ("MODERATION_CALLBACK_URL", "ftp://example", "callback_url"),
])
def test_bad_values_name_the_setting(tmp_path, name, value, fragment):
    with pytest.raises(SettingsError, match=fragment):
        load_settings(environ={"MODERATION_CONFIG_DIR": str(tmp_path), name: value})


def test_unknown_key_in_config_file_is_refused(tmp_path):
    (tmp_path / "moderation.toml").write_text("worker_batchsize = 3\n")
    with pytest.raises(SettingsError, match="unknown setting 'worker_batchsize'"):
        load_settings(environ={"MODERATION_CONFIG_DIR": str(tmp_path)})


def test_overrides_win(tmp_path):
    settings = load_settings({"linear_model_path": "/x/y"}, environ={"MODERATION_CONFIG_DIR": str(tmp_path)})
    assert settings.linear_model_path == Path("/x/y")
