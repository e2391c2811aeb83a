"""Who a user is, in the app's words: their login name, or "uid N" where the system has no name for their user id
(a container's user, an account a network directory no longer lists). One word for it everywhere: the note naming
another user's open, the owner of a file, and the name an edit is recorded under when none is given."""

from __future__ import annotations

import os


def user_name(uid: int) -> str:
    """The login name of user id ``uid``, else "uid N"."""
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def login_name() -> str:
    """The name of the user running this program (``getpass.getuser``: the environment's, else the system's), else
    "uid N" where the system has no name for it: two such teammates were both recorded as "annotator"."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no name in the environment or the system (KeyError; OSError from Python 3.13)
        return user_name(os.getuid()) if hasattr(os, "getuid") else "annotator"
