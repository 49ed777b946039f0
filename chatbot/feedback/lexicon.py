"""The rubric's word lists compiled once: word classes, stemmed phrase patterns and detector vocabularies."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import snowballstemmer

from chatbot.feedback.phrase_matching import Fuzz, Phrase, PhraseCompiler
from chatbot.feedback.sentences import OPEN_CLASSES, FormRules, WordClasses, forbidden_after
from chatbot.feedback.spec import Part, RubricSpec
from chatbot.feedback.spec_reading import Words
from chatbot.feedback.text import Respeller, Stem, Token, fold_case, plain, tokenise

_STEM_CACHE_LIMIT = 50_000  # distinct word forms remembered per rubric; beyond it, stems are recomputed


@dataclass(frozen=True)
class CompiledPart:
    """A rubric part with its phrases ready to match."""

    id: str
    label: str
    weight: float
    tip: str
    phrases: tuple[Phrase, ...]
    detector: str | None


@dataclass(frozen=True)
class Vocab:
    """Word sets the signal detectors use: stems for open-class words, folded forms for closed ones."""

    actors: frozenset[str]
    perfect_actors: frozenset[str]
    same_past: frozenset[str]
    setting_words: frozenset[str]
    setting_determiners: frozenset[str]
    be_forms: frozenset[str]
    modals: frozenset[str]
    action_skips: frozenset[str]
    irregular_past: frozenset[str]
    done_objects: frozenset[str]
    action_stems: frozenset[str]
    outcome_stems: frozenset[str]
    number_words: frozenset[str]
    single_units: frozenset[str]
    single_unit_leads: frozenset[str]
    function_words: frozenset[str]


class RubricLexicon:
    """Everything the rubric's words compile to, built once per rubric; afterwards only the bounded
    stem cache grows."""

    def __init__(self, spec: RubricSpec) -> None:
        m = spec.matching
        self._respell = Respeller(m.respell, m.respell_min_len)
        self._stem_cache: dict[str, str] = {}
        self.fuzz = Fuzz(m.fuzzy_one_edit_len, m.fuzzy_two_edits_len)
        self.words = word_classes(spec.words, self._stems)
        self.form_rules = FormRules(**spec.sentences.model_dump(exclude={"abbreviations"}))
        self.abbreviations = frozenset(fold_case(a) for a in spec.sentences.abbreviations)
        self.compiler = PhraseCompiler(
            tokenise=self.tokenise,
            stem_one=self._stem_one,
            ignored=frozenset(fold_case(w) for w in spec.words.determiners),
            synonyms=m.synonyms,
            max_variants=m.max_variants,
        )
        self.vocab = self._vocab(spec.words)
        self.story = self.parts(spec.structure.story)
        self.technical = self.parts(spec.structure.technical)
        self.evidence = self.parts(spec.evidence.parts)
        self.toward = self.parts([spec.framing.toward])[0]
        self.background = self.phrases(spec.framing.link.background)
        self.bridge = self.phrases(spec.framing.link.bridge)
        self.apology = self.phrases(spec.framing.apology)
        self.negations = frozenset(fold_case(w) for w in spec.words.negations)
        self.fillers = self.phrases(spec.clarity.fillers)
        self.set_off_fillers = frozenset(fold_case(w) for w in spec.clarity.set_off_fillers)
        self.hedges = self.phrases(spec.clarity.hedges)
        self.non_answers = self.phrases(spec.words.non_answers)
        self.cliches = self.phrases(spec.words.cliches)
        self.depth_ignores = frozenset(fold_case(w) for w in m.depth_ignores)

    def stemmer(self) -> Stem:
        """A fresh stemmer per call: the C stemmer objects are not safe to share between threads."""
        return snowballstemmer.stemmer("english").stemWords

    def normalise(self, word: str) -> str:
        return self._respell(word)

    def tokenise(self, text: str) -> list[Token]:
        return tokenise(text, self.stem_forms)

    def stem_forms(self, forms: set[str]) -> Mapping[str, str]:
        """Stems of folded word forms, remembered per rubric (up to a bound) since answers share words."""
        known = self._stem_cache
        missing = [f for f in forms if f not in known]
        fresh = dict(zip(missing, self.stemmer()([self.normalise(plain(f)) for f in missing]), strict=True))
        if len(known) < _STEM_CACHE_LIMIT:
            known.update(fresh)
        return {f: fresh[f] if f in fresh else known[f] for f in forms}

    def _stem_one(self, word: str) -> str:
        return self.stemmer()([self.normalise(word)])[0]

    def phrases(self, texts: Sequence[str], loose: bool = False) -> tuple[Phrase, ...]:
        return tuple(self.compiler.compile(t, loose) for t in texts)

    def parts(self, parts: Sequence[Part]) -> tuple[CompiledPart, ...]:
        return tuple(
            CompiledPart(p.id, p.label, p.weight, p.tip, self.phrases(p.phrases), p.detector) for p in parts
        )

    def _vocab(self, words: Words) -> Vocab:
        stems = self._stems
        return Vocab(
            actors=frozenset(fold_case(w) for w in words.actors),
            perfect_actors=frozenset(fold_case(w) for w in words.perfect_actors),
            same_past=frozenset(fold_case(w) for w in words.same_past),
            setting_words=frozenset(fold_case(w) for w in words.setting_words),
            setting_determiners=frozenset(fold_case(w) for w in words.setting_determiners),
            be_forms=frozenset(fold_case(w) for w in words.be_forms),
            modals=frozenset(fold_case(w) for w in words.modals),
            action_skips=frozenset(fold_case(w) for w in words.action_skips),
            irregular_past=frozenset(fold_case(w) for w in words.irregular_past),
            done_objects=frozenset(fold_case(w) for w in words.done_objects),
            action_stems=stems(words.action_verbs),
            outcome_stems=stems(words.outcome_words),
            number_words=frozenset(fold_case(w) for w in words.number_words),
            single_units=frozenset(fold_case(w) for w in words.single_units),
            single_unit_leads=frozenset(fold_case(w) for w in words.single_unit_leads),
            function_words=self.words.function_words,
        )

    def _stems(self, words: Sequence[str]) -> frozenset[str]:
        return frozenset(self._stem_one(fold_case(w)) for w in words)


def word_classes(words: Words, stems: Callable[[Sequence[str]], frozenset[str]]) -> WordClasses:
    """Index the closed-class lists by word so the order rules look each word up once.

    Every small word also gets the class "function" unless it may follow a determiner ("the same")."""
    by_class = {
        "determiner": words.determiners,
        "preposition": words.prepositions,
        "core_preposition": words.core_prepositions,
        "strict_preposition": words.strict_prepositions,
        "subject_pronoun": words.subject_pronouns,
        "object_pronoun": words.object_pronouns,
        "relativiser": words.relativisers,
        "quantifier": words.quantifiers,
        "conjunction": words.conjunctions,
        "finite_auxiliary": words.finite_auxiliaries,
        "am": words.am,
        "modal": words.modal_verbs,
        "be_finite": words.be_finite,
        "wh": words.wh_words,
        "to": words.to,
    }
    classes: dict[str, set[str]] = {}
    for name, members in by_class.items():
        for word in members:
            classes.setdefault(fold_case(word), set()).add(name)
    function_words = set(classes) | {fold_case(w) for w in words.other_function_words}
    followers = {fold_case(w) for w in words.determiner_followers}
    for word in function_words - followers:
        classes.setdefault(word, set()).add("function")
    frozen = {w: frozenset(c) for w, c in classes.items()}
    bad_pairs = frozenset(words.bad_pairs)
    every_set = {*frozen.values(), *OPEN_CLASSES}
    return WordClasses(
        classes=frozen,
        function_words=frozenset(function_words),
        verb_words=frozenset(fold_case(w) for w in [*words.clause_words, *words.finite_verbs]),
        clitics=frozenset(fold_case(w) for w in words.clitics),
        imperatives=stems(words.imperative_verbs),
        lead_ins=frozenset(fold_case(w) for w in words.lead_ins),
        determiners=frozenset(fold_case(w) for w in words.determiners),
        bad_pairs=bad_pairs,
        bad_after={c: forbidden_after(c, bad_pairs) for c in every_set},
        bad_final=frozenset(fold_case(w) for w in words.bad_final),
        bad_initial=frozenset(fold_case(w) for w in words.bad_initial),
    )
