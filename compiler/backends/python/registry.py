"""Generated modules in `sys.modules` and `linecache` for as long as their Policy lives.

A compiled policy's records (Result, Item, …) are classes of its generated module, and
pickle finds a class through `sys.modules[cls.__module__]`; tracebacks show generated
lines through `linecache`.  Registered for good, every module ever compiled stayed
alive (about 175 MB per 1,000 compiles of a large policy).  So each registration is
tied to an owner, the `Policy` wrapping the module: a finalizer removes the entry,
and the source lines once no other live module shares them, when the owner is freed.

(`sys.modules` must hold the module itself: tools that walk it, such as hypothesis,
hash and inspect its entries, which a weak proxy cannot stand.)
"""

from __future__ import annotations

import linecache
import sys
import types
import weakref

# filename → number of registered modules under it (the same policy compiled twice
# has the same pseudo filename and shares one linecache entry)
_USERS: dict[str, int] = {}
# module name → filename, for modules registered here and not yet forgotten
_REGISTERED: dict[str, str] = {}


def register(module: types.ModuleType, source: str) -> None:
    """Make `module` importable by name (for pickle) and its source visible to
    tracebacks, until `tie`'s owner is freed or `forget` is called."""
    name, filename = module.__name__, module.__file__
    assert filename is not None
    sys.modules[name] = module
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    _USERS[filename] = _USERS.get(filename, 0) + 1
    _REGISTERED[name] = filename


def tie(owner: object, module: types.ModuleType) -> None:
    """Forget `module` when `owner` is garbage (nothing happens for a module that was
    not registered here)."""
    if module.__name__ in _REGISTERED:
        weakref.finalize(owner, forget, module.__name__)


def forget(name: str) -> None:
    """Remove the module registered as `name` (and its source lines, unless another
    registered module shares them).  Safe to call twice."""
    filename = _REGISTERED.pop(name, None)
    if filename is None:
        return
    sys.modules.pop(name, None)
    users = _USERS.get(filename, 0) - 1
    if users > 0:
        _USERS[filename] = users
        return
    _USERS.pop(filename, None)
    linecache.cache.pop(filename, None)


def registered() -> frozenset[str]:
    """Names of the modules registered now (for tests and leak checks)."""
    return frozenset(_REGISTERED)
