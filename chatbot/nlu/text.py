"""Text normalisation shared by intent matching, entity extraction and answer feedback.

Two layers: `normalise` without a lexicon only folds case, Unicode and punctuation (safe for any
text); with a lexicon it also expands contractions, abbreviations and spelling variants, so
"What's an MLE's salary?" and "what is a machine learning engineer salary" look alike.
"""

from __future__ import annotations

import re
import unicodedata

from chatbot.nlu.lexicon import Lexicon

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_POSSESSIVE = re.compile(r"'s?\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def fold_accents(text: str) -> str:
    """Unicode NFKC, case folding and accent stripping: 'Résumé' and 'RESUME' become 'resume'."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """Split folded text into word tokens, keeping apostrophes inside words for contractions."""
    return _WORD.findall(text)


def _apply_symbols(text: str, lexicon: Lexicon) -> str:
    for symbol, replacement in lexicon.symbols.items():
        if symbol in text:
            text = text.replace(symbol, f" {replacement} ")
    return text


def _apply_patterns(text: str, lexicon: Lexicon) -> str:
    for pattern, replacement in lexicon.compiled_patterns:
        text = pattern.sub(f" {replacement} ", text)
    return text


def _expand(token: str, lexicon: Lexicon) -> list[str]:
    """Expand a contraction, or drop a possessive/stray apostrophe ("scientist's" -> "scientist")."""
    expansion = lexicon.contractions.get(token)
    if expansion is not None:
        return expansion.split()
    if "'" in token:
        return [part for part in _POSSESSIVE.sub("", token).split("'") if part]
    return [token]


def tokens(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """The normalised word sequence of a message; the unit every matcher works on."""
    folded = fold_accents(text)
    if lexicon is None:
        return [part for token in words(folded) for part in token.split("'") if part]
    folded = _apply_patterns(_apply_symbols(folded, lexicon), lexicon)
    expanded = [part for token in words(folded) for part in _expand(token, lexicon)]
    return lexicon.rewrite(expanded)


def split_question(text: str) -> tuple[str, str]:
    """(background, question): the question is the last sentence holding a "?", else the last one.

    Forum posts often tell a story first; the question at the end says what the post is about.
    """
    sentences = [part for part in _SENTENCE_END.split(text) if part.strip()]
    if len(sentences) < 2:
        return "", text
    asked = [i for i, part in enumerate(sentences) if "?" in part]
    last = asked[-1] if asked else len(sentences) - 1
    return " ".join(sentences[:last]), " ".join(sentences[last:])


def normalise(text: str, lexicon: Lexicon | None = None) -> str:
    """One canonical lower-case string for a message: tokens joined by single spaces."""
    return " ".join(tokens(text, lexicon))
