"""Every app that keeps data about a person says how to export and anonymise it.

An app registers a provider with the `register_privacy_provider` Wagtail hook
in its own `wagtail_hooks.py`: a function returning an object (usually the
app's `privacy` module) with `SECTION`, `export_user_data(user) -> dict` and
`anonymise_user(user) -> None`. The export is the union of their dicts under
each `SECTION`; erasure runs them in the hooks' order, people last (order 100),
so an app can still read the person's details while it clears its own records.
Adding an app needs no change here.
"""

from __future__ import annotations

from typing import Any, Protocol

from wagtail import hooks

PRIVACY_PROVIDER_HOOK = "register_privacy_provider"


class PrivacyProvider(Protocol):
    SECTION: str

    def export_user_data(self, user: Any) -> dict[str, Any]: ...

    def anonymise_user(self, user: Any) -> None: ...


def providers() -> list[PrivacyProvider]:
    return [provide() for provide in hooks.get_hooks(PRIVACY_PROVIDER_HOOK)]


def export_user_data(user: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for provider in providers():
        data[provider.SECTION] = provider.export_user_data(user)
    return data


def anonymise_user(user: Any) -> None:
    for provider in providers():
        provider.anonymise_user(user)
