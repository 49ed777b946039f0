"""The rubric's reading rules: answer limits, word-order thresholds, cue matching, sentence checks and
the closed word lists those rules use."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from chatbot.feedback.spec_base import Share
from chatbot.yamlfiles import Strict, Text

WordClass = Literal[
    "determiner",
    "preposition",
    "core_preposition",
    "strict_preposition",
    "subject_pronoun",
    "object_pronoun",
    "relativiser",
    "quantifier",
    "conjunction",
    "finite_auxiliary",
    "am",
    "modal",
    "be_finite",
    "wh",
    "to",
    "gerund",
    "content",
    "function",
]


class Limits(Strict):
    max_chars: int = Field(ge=100)
    needs_answer_cap: int = Field(ge=0, le=100)
    min_answer_words: int = Field(ge=1)
    min_distinct_words: int = Field(ge=1)
    min_wordlike_share: Share
    non_answer_max_words: int = Field(ge=1)
    answer_words: int = Field(ge=1)  # this many word-like words are an attempt, even if no point landed


class Fluency(Strict):
    free_rate: Share
    zero_rate: Share
    min_checks: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> Fluency:
        if self.zero_rate <= self.free_rate:
            raise ValueError("zero_rate must be above free_rate")
        return self


class Matching(Strict):
    max_gap: int = Field(ge=0, le=5)
    fuzzy_one_edit_len: int = Field(ge=3)
    fuzzy_two_edits_len: int = Field(ge=4)
    max_variants: int = Field(ge=1)
    list_cue_share: Share
    list_cue_points: int = Field(ge=2)
    cue_only_share: Share
    depth_full: int = Field(ge=1)
    depth_floor: Share
    covered_floor: Share = 0.0  # less credit than this for a point is too faint to call it made
    depth_ignores: list[Text] = []
    single_cue_strength: Share
    template_min_words: int = Field(ge=1)
    respell_min_len: int = Field(ge=1)
    respell: list[tuple[Text, Text]] = []
    synonyms: list[Annotated[list[Text], Field(min_length=2)]] = []


class Sentences(Strict):
    min_words: int = Field(ge=1)
    min_function_share: Share
    verbless_function_share: Share
    words_per_violation: int = Field(ge=1)
    list_min_chunks: int = Field(ge=2)
    list_short_chunk: int = Field(ge=1)
    list_short_share: Share
    list_long_chunk: int = Field(ge=2)
    abbreviations: list[Text] = []


class Words(Strict):
    determiners: list[Text]
    prepositions: list[Text]
    core_prepositions: list[Text]
    strict_prepositions: list[Text]
    subject_pronouns: list[Text]
    object_pronouns: list[Text]
    relativisers: list[Text]
    quantifiers: list[Text]
    conjunctions: list[Text]
    finite_auxiliaries: list[Text]
    am: list[Text]
    modal_verbs: list[Text]
    be_finite: list[Text]
    wh_words: list[Text]
    determiner_followers: list[Text]
    to: list[Text]
    other_function_words: list[Text]
    clause_words: list[Text]
    finite_verbs: list[Text]
    clitics: list[Text]
    imperative_verbs: list[Text]
    lead_ins: list[Text]
    bad_pairs: list[tuple[WordClass, WordClass]]
    bad_final: list[Text]
    bad_initial: list[Text]
    number_words: list[Text]
    single_units: list[Text] = []  # "saves an hour", "a day quicker": one of a unit is a figure of change
    single_unit_leads: list[Text] = []  # ...after one of these ("a", "an")
    actors: list[Text] = Field(min_length=1)
    perfect_actors: list[Text] = []  # "I'd built": had before a past form, would before a bare verb
    same_past: list[Text] = []  # "put", "set": past and bare alike, so "I'd put" may be a plan
    setting_words: list[Text] = []  # "at a travel site", "for our fraud team": where a past action happened
    setting_determiners: list[Text] = []
    be_forms: list[Text]
    modals: list[Text]
    action_skips: list[Text]
    negations: list[Text]
    irregular_past: list[Text]
    done_objects: list[Text] = []  # "I did this with our churn model": "did" before these is the action
    action_verbs: list[Text]
    outcome_words: list[Text]
    non_answers: list[Text]
    cliches: list[Text]


class Meaning(Strict):
    """Recognising talking points by meaning (chatbot/feedback/meaning.py)."""

    full: Share  # a piece this close to a reference makes the point in full
    least: Share  # below this a piece does not make the point at all
    naming_words: int = Field(ge=1)  # a shorter piece names the point more than it makes it: half credit
    other_question_margin: Share  # closer than this to another question's points: not for this one
    tie_margin: Share = 0.0  # a piece supports its closest point, and any other within this of it
    short_other_slack: Share = 0.0  # in an answer too short to fit a question as a whole, this much more margin
    # pieces are lost to the question the answer leans to only when, taken whole, it fits that one at least
    # this well: an answer that fits nothing well loses nothing to its nearest other question
    rival_least: Share = 0.0
    misconception_margin: Share  # this much closer to a misconception than to any reference: wrong
    misconception_floor: Share  # and at least this close to it: a near paraphrase, not a shared topic
    negations: list[Text] = Field(min_length=1)  # "not", "never": a misconception and a piece must agree on these
    fit_margin: float  # an answer fitting another question this much better than this one loses credit,
    fit_span: float = Field(gt=0)  # down to `fit_floor` of it over this span of margin
    fit_floor: Share
    fit_least: Share  # and only when it fits that other question at least this well
    fit_min_words: int = Field(default=20, ge=1)  # and only when it is long enough to answer anything
    # a neighbour's few answer lines fit less well than a question's many references: its fit is raised by this
    neighbour_lift: Share = 0.0
    part_accept: Share = 0.5  # a sentence this close to a criterion part's phrasings makes that part
    clause_breaks: list[Text] = Field(min_length=1)  # words that start a new idea inside a sentence
    clause_min_words: int = Field(ge=1)
