"""Shared test configuration: hypothesis profiles.

`ci` (the default) keeps the whole suite fast.  Where the environment says it is a CI
run (`CI` set, as CI services do), its examples are derandomized: the same inputs on every
run, so that `main` cannot turn red on a run that changed nothing; everywhere else each
run draws new examples and keeps finding new cases.  `long` runs many more examples:

    pytest --hypothesis-profile=long tests/test_generated_policies.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=_SLOW,
    print_blob=True,
)
settings.register_profile(
    "long",
    max_examples=1000,
    deadline=None,
    suppress_health_check=_SLOW,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
