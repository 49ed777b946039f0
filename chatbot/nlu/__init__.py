"""Natural-language understanding: normalise a message, match it to an intent, read its entities."""

from chatbot.nlu.entities import Entities, EntityExtractor, extract_entities
from chatbot.nlu.entity_words import EntityWords
from chatbot.nlu.intents import Intent, IntentSet
from chatbot.nlu.lexicon import Lexicon
from chatbot.nlu.matcher import IntentMatch, Matcher
from chatbot.nlu.settings import MatchSettings
from chatbot.nlu.text import normalise

__all__ = [
    "Entities",
    "EntityExtractor",
    "EntityWords",
    "Intent",
    "IntentMatch",
    "IntentSet",
    "Lexicon",
    "MatchSettings",
    "Matcher",
    "extract_entities",
    "normalise",
]
