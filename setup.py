"""Which packages the distribution holds, found in the tree rather than listed by hand.

The repository's top level is fixed (``gateway/ worker/ protos/``); installed, each
lives under the ``duckflight`` namespace (docs/decisions.md, "The repository's top
level is installed under one duckflight namespace"). Every folder below them with an
``__init__.py`` is a package of the distribution, so a new subpackage cannot be left
out of the wheel. Metadata lives in pyproject.toml.
"""

from setuptools import find_packages, setup

TOP = ("gateway", "worker", "protos")

setup(
    package_dir={f"duckflight.{top}": top for top in TOP},
    packages=[f"duckflight.{name}" for name in find_packages(include=[p for t in TOP for p in (t, f"{t}.*")])],
)
