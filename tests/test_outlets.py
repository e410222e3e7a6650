"""The outlet comes from the site name, the URL, or a saved file's name."""

from sitroom.extract.outlets import outlet_for


def test_site_name_alias_gives_canonical_name() -> None:
    assert outlet_for(site_name="the Guardian", url=None, path=None) == "The Guardian"


def test_unknown_site_name_is_kept() -> None:
    assert outlet_for(site_name="Northern Courier", url=None, path=None) == "Northern Courier"


def test_url_host_and_parent_domains() -> None:
    assert (
        outlet_for(site_name=None, url="https://www.bbc.co.uk/news/world-1", path=None)
        == "BBC News"
    )
    assert outlet_for(site_name=None, url="https://news.sky.com/story/x", path=None) == "Sky News"


def test_unknown_domain_gives_nothing() -> None:
    assert outlet_for(site_name=None, url="https://blog.example/post", path=None) is None


def test_file_name_that_opens_with_an_outlet_slug() -> None:
    assert outlet_for(site_name=None, url=None, path="pages/lbc-2022-02-15-story.txt") == "LBC"
    assert outlet_for(site_name=None, url=None, path="pages/notes-2022.txt") is None
