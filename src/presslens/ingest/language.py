"""Language identification of article bodies.

py3langid (Lui & Baldwin 2012's langid.py with its shipped 97-language model)
is used because it is offline, fast (~0.1 ms per article after a one-off model
load) and accurate on news-length text. On very short texts any identifier
guesses, so below ``settings.min_language_chars`` characters presslens assumes
English, the language its pipeline is built for, rather than report noise.
Non-English articles are kept; the pipeline flags them.
"""

from __future__ import annotations

import logging

__all__ = ["detect_language"]

logger = logging.getLogger(__name__)

_DEFAULT = "en"


def detect_language(text: str, *, min_chars: int) -> str:
    """The ISO 639-1 code of `text`'s language ("en" when it is too short to tell)."""
    sample = text.strip()
    if len(sample) < min_chars:
        return _DEFAULT
    import py3langid  # loads its model on first use (~0.5 s); not needed for short texts

    language, score = py3langid.classify(sample)
    logger.debug("language %s (score %.1f) for %d characters", language, score, len(sample))
    return str(language)
