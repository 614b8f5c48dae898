"""Retries: transient errors only, in the fetcher and in Prefect's task retries alike."""

from __future__ import annotations

import pytest

from criticdb.common.errors import TerminalFetchError, TransientFetchError
from criticdb.scrapers.http_status import error_for, retry_after_seconds
from criticdb.scrapers.retry_policy import RetryPolicy, retry_transient_only


def test_status_mapping_and_retry_after() -> None:
    err = error_for("http://x/", 503, {"retry-after": "7"})
    assert isinstance(err, TransientFetchError) and err.retry_after == 7.0
    assert isinstance(error_for("http://x/", 404, {}), TerminalFetchError)
    assert error_for("http://x/", 304, {}) is None
    assert retry_after_seconds("Sun, 06 Nov 1994 08:49:37 GMT") == 0.0
    assert retry_after_seconds("soon") is None


def test_policy_waits_longer_each_time_and_honours_retry_after() -> None:
    policy = RetryPolicy(retries=2, backoff_seconds=0.5)
    assert policy.should_retry(TransientFetchError("u", "timeout"), 2)
    assert not policy.should_retry(TransientFetchError("u", "timeout"), 3)
    assert not policy.should_retry(TerminalFetchError("u", "http_404"), 1)
    assert 0.5 <= policy.wait_seconds(1, None) <= 0.75
    assert 30 <= policy.wait_seconds(1, 30.0) <= 45
    assert policy.wait_seconds(1, 3600.0) <= 90  # a server asking for an hour gets 60 s


def test_prefect_retries_only_transient_failures(prefect_server) -> None:
    from prefect import flow, task

    calls = {"transient": 0, "terminal": 0}

    @task(retries=2, retry_delay_seconds=0, retry_condition_fn=retry_transient_only)
    def flaky(kind: str) -> str:
        calls[kind] += 1
        if kind == "transient" and calls[kind] < 2:
            raise TransientFetchError("http://x/", "timeout")
        if kind == "terminal":
            raise TerminalFetchError("http://x/", "robots_disallowed")
        return "ok"

    @flow
    def run(kind: str) -> str:
        return flaky(kind)

    assert run("transient") == "ok" and calls["transient"] == 2
    with pytest.raises(TerminalFetchError):
        run("terminal")
    assert calls["terminal"] == 1
