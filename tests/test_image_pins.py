"""examples/bigapp/requirements.txt, what bigapp's image installs: each package that
bigapp (with its PostgreSQL driver) and gunicorn pull in, at the guide's own pin.

The list of packages comes from the installed packages' metadata, so a new
dependency of Flask or SQLAlchemy shows up here; the versions come from the
guide's requirements.txt, the ones every page is tested with.
"""

from importlib.metadata import distribution

from packaging.requirements import Requirement

from harness import EXAMPLES, normalise, pins

IMAGE = EXAMPLES / "bigapp" / "requirements.txt"


def needed(name: str, extras: frozenset[str] = frozenset(), found=None) -> set[str]:
    """``name`` and every distribution it needs on this Python (with ``extras``),
    normalised, as the installed metadata says."""
    found = set() if found is None else found
    found.add(normalise(name))
    for line in distribution(name).requires or []:
        requirement = Requirement(line)
        wanted = requirement.marker is None or any(
            requirement.marker.evaluate({"extra": extra}) for extra in {"", *extras}
        )
        if wanted and (
            normalise(requirement.name) not in found or requirement.extras
        ):  # extras can add dependencies to a package already found
            needed(requirement.name, frozenset(requirement.extras), found)
    return found


def test_the_image_pins_every_package_it_needs_at_the_guides_version():
    image, guide = pins(IMAGE), pins()
    packages = (needed("bigapp", frozenset({"postgresql"})) | needed("gunicorn")) - {"bigapp"}
    assert sorted(image) == sorted(packages)
    assert {name: guide[name] for name in image} == image


def test_needed_follows_extras_and_markers():
    assert "psycopg-binary" in needed("psycopg", frozenset({"binary"}))
    assert "psycopg-binary" not in needed("psycopg")
    assert "importlib-metadata" not in needed("flask")  # only before Python 3.10
