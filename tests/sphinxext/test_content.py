"""peksos.sphinxext.content: every content kind through the same directive, loading and page tracking."""
from __future__ import annotations

from types import SimpleNamespace

from peksos.sphinxext import content


def test_every_kind_is_one_registry_entry():
    assert set(content.KINDS) == {"quiz", "vignette"}
    for name, kind in content.KINDS.items():
        assert kind.name == name and kind.folder().is_dir() and kind.files(kind.folder())


def test_pages_of_every_kind_are_purged_and_merged():
    env = SimpleNamespace(peksos_pages={"quiz": {"a": {"q.yml"}, "b": {"q.yml"}}, "vignette": {"a": {"v.yml"}}})
    content._purge_pages(None, env, "a")
    assert env.peksos_pages == {"quiz": {"b": {"q.yml"}}, "vignette": {}}
    other = SimpleNamespace(peksos_pages={"vignette": {"c": {"w.yml"}, "d": {"x.yml"}}})
    content._merge_pages(None, env, ["c"], other)
    assert env.peksos_pages["vignette"] == {"c": {"w.yml"}} and env.peksos_pages["quiz"] == {"b": {"q.yml"}}


def test_an_environment_without_tracking_reads_every_page_again():
    env = SimpleNamespace(found_docs={"a", "b", "c"})
    assert content._reread_untracked(None, env, {"a"}, set(), set()) == ["b", "c"]
    assert env.peksos_pages == {}
    assert content._reread_untracked(None, env, set(), set(), set()) == []
