"""Named exceptions a caller can catch; each carries a message fit to show a user."""


class PeacewatchError(Exception):
    """Base of every error peacewatch raises on purpose."""


class InputError(PeacewatchError):
    """The input cannot be read as an article (empty, binary, too large, not text)."""


class ModelError(PeacewatchError):
    """The configured spaCy pipeline cannot be loaded."""


class DataError(PeacewatchError):
    """A bundled or user data file (lexicon, gazetteer extra) is malformed."""


class SettingsError(PeacewatchError):
    """A PEACEWATCH_* variable holds a value that cannot be used."""
