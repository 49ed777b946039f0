"""The few words and thresholds the engine's own decisions rest on: data/responses/cues/dialogue.yaml."""

from __future__ import annotations

from pathlib import Path

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from chatbot.nlu import normalise
from chatbot.yamlfiles import load_model


class DialogueRules(BaseModel):
    """Kept as data so a content author can tune how the bot reads people without touching code."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    self_reference: list[str] = Field(min_length=1)  # "i am", "i already know": talk about themselves
    speaker_adverbs: list[str] = []  # "I actually have used docker": read past when finding "I have"
    role_claims: list[str] = Field(min_length=1)  # "i'm a": a role named right after is the user's own
    question_starts: list[str] = Field(min_length=1)  # a clause opening with these asks, it does not claim
    question_words: list[str] = Field(min_length=1)  # anywhere in a message: it wants an answer
    question_lead_ins: list[str] = []  # "so", "honestly": may come before a question's opening word
    question_joiners: list[str] = []  # "and", "also": join a second question to the first
    subordinators: list[str] = []  # "when I change, will I lose money?": "when I change" belongs to the question
    negation: list[str] = Field(min_length=1)  # "never", "don't": what follows is something they lack
    inverted_question: str = r"$^"  # "...and do i actualy need kubernetes": a clause that asks, not claims
    clause_breaks: list[str] = Field(min_length=1)  # "but", ",": negation does not reach past these
    years: list[str] = Field(min_length=1)  # words after a number that make it years of experience
    salary_words: list[str] = Field(min_length=1)  # a pay figure right after one of these is theirs
    own_words: list[str] = []  # "my docker is rusty": a skill of their own, said with how well
    salary_not_after: list[str] = []  # ...unless one of these comes just before it ("tax ... on 45k")
    salary_fillers: list[str] = []  # words a bare figure may stand among in a list of facts ("it's 51k now")
    count_words: dict[str, int] = {}  # "seven" years, "two" hours
    salary_range: tuple[int, int]
    forget_request: str = r"$^"  # a message opening like this asks the coach to forget what follows
    recall_request: str = r"$^"  # a short message like this asks what the coach remembers about them
    openers: str = r"$^"  # a greeting or filler to read past when nothing else is understood
    offer_words: list[str] = []  # "an offer of 45k", "they offered me £45,000": a figure they were offered
    offer_answers: list[str] = []  # the answers that weigh an offer against the bands
    offer_intent: str | None = None  # what a question about an offer means when nothing else is understood
    hours_units: list[str] = Field(min_length=1)
    # "how many hours a week would I need? I can maybe do 5": a figure offered beside a question about hours
    offered_hours: str = r"$^"
    week_words: list[str] = Field(min_length=1)
    places: list[str] = []
    # regexes per honest refusal: a question about visas, tax, admissions, private life or broken code,
    # whatever else its story says ("I'm on a skilled worker visa, how long will the move take?" is not)
    declined_topics: dict[str, list[str]] = {}  # "{companies}" in a pattern stands for any of `companies`
    # per answer, what a question may single out ("is an AWS cert worth it?"), so the reply opens on it
    topic_asks: dict[str, dict[str, str]] = {}
    decisive_asks: list[str] = []  # kinds of topic_asks that settle an unclear message for the topic it resembles
    companies: list[str] = []  # employers people ask about by name: their pay, levels and interviews
    declined_unless: dict[str, list[str]] = {}  # per refusal: words that show the question is about the move after all
    plan_section: str | None = None  # the guide part whose steps answer "when do I ..." (guide_sections)
    # topics about interview answers that, outside an interview, need this regex to match ("my answer")
    interview_topics: dict[str, str] = {}
    interview_topic_floor: float = 1.0  # the matcher's next topic, at least this strong, is read instead
    # "what should I do in my first 2 weeks", "in month 3": regexes with `unit` and `count` groups (and
    # `first` when the window runs from the start), for the questions below, read against the plan's dates
    plan_windows: list[str] = []
    plan_window_intents: list[str] = []
    step_timing: str = r"$^"  # "when should I start preparing for ...?": asks which step of the plan, whatever the topic
    plan_window_counts: dict[str, int] = {}  # "a", "couple", "few" as numbers
    abroad: list[str] = []  # places outside the UK: pay there is not in the guide
    foreign_money: list[str] = []  # currencies other than the pound
    home: list[str] = []  # the UK by name: a question that names it asks about the guide's figures
    pay_words: list[str] = []  # asking about pay: "what do MLEs make in Germany?", "what does a DE earn?"
    abroad_intents: list[str] = []
    moving_to: str = r"$^"  # a regular expression ending where a place follows: coming to work there
    going_to: str = r"$^"  # a place right after this is where they are going, not where they are
    abroad_answer: str | None = None
    term_questions: list[str] = []  # regular expressions with a "term" group: "what does (X) mean"
    term_ignored: list[str] = []  # words around a term that are not part of it ("again", "exactly")
    term_comparisons: list[str] = []  # regexes with groups "first" and "second": "is X the same as Y"
    term_max_words: int = Field(default=4, ge=1)
    term_floor: float = 0.45  # how close the defining line must be to the term
    term_candidates: int = Field(default=8, ge=1)  # nearest lines searched for one that names the term
    term_verbs: list[str] = []  # a line that defines a term says what it is or does
    term_lead_words: int = Field(default=6, ge=1)  # a defining line names the term this early
    advert_min_skills: int = Field(default=3, ge=1)  # a pasted advert names this many skills...
    advert_cues: list[str] = []  # ...and reads like an advert or asks whether the person fits
    pasted_min_words: int = Field(default=40, ge=1)  # a CV extract is at least this long...
    cv_cues: list[str] = []  # ...and says it is a CV,
    cv_dates: str = r"$^"  # or carries a CV's date ranges ("2020-present")
    first_person: list[str] = []  # any of these words: the clause is about the speaker (pay, hours, place)
    unsure_agreements: list[str] = []  # degrees of "do you have it?" that are not a yes
    # regular expressions per honest refusal: asking the coach to write something, find jobs, send alerts
    declined_requests: dict[str, list[str]] = {}
    foreign_words: frozenset[str] = frozenset()  # small words of other languages that English never uses
    foreign_min_words: int = Field(default=3, ge=1)
    foreign_share: float = 0.2
    other_language_answer: str | None = None
    practice_requests: list[str] = []  # regular expressions: asking for a mock interview in any words
    practice_excluded: str = r"$^"  # "besides practice": the words name practice to set it aside
    weakest_words: list[str] = []  # in a request to practise, the person's weakest skill
    score_words: list[str] = []  # in a question mid-interview, these mean the score
    score_words_loose: list[str] = []  # ...and these, when the question is not clearly a career topic
    request_stub: str = r"$^"  # "can you tell me" split off a question asks nothing by itself
    another_question: str = r"$^"  # "back to the interview, another serving one": a new question is wanted
    same_focus: str = r"$^"  # a request for more practice of the kind just asked ("another of the same kind")
    request_opening: str = r"$^"  # a clause opening so asks for something ("make me a plan")
    telegraphic_answer: str = r"$^"  # "Would use pandas.": a modal with its subject left out answers
    first_request: str = r"$^"  # "what do I do first?": asks where to start, after the plan was given
    forget_pointers: list[str] = []  # "forget what I said about that": words that point back, naming nothing
    new_question_words: str = r"$^"  # "next", "another": a new question, not going on with this one
    phrase_openers: list[str] = []  # a clause opening with these is a phrase ("in practice"), never a request
    term_points_back: str = r"$^"  # a question pointing back at a term the message names ("what does that mean?")
    action_request: str = r"$^"  # a clause opening so asks the coach to act ("please post it on LinkedIn")
    window_pointers: str = r"$^"  # a question pointing at stretches named outside it ("those months")
    cv_review_intents: list[str] = []  # a long message naming their CV is reviewed unless it asks another topic
    practice_focus_sentence: str = r"$^"  # the sentence of a longer message that asks for practice
    score_remark: str = r"$^"  # a remark on how answers are marked, after a score
    detour_opening: str = r"$^"  # a message opening so mid-interview steps aside to ask something else
    answer_deferred: str = r"$^"  # a message opening so mid-interview asks before it answers
    remark_openers: list[str] = []  # a few words after feedback opening so are a remark, not another attempt
    correction_opening: str = r"$^"  # "update: now only 5 hrs a week", "make that 12 hours"
    said_before: str = r"$^"  # "i said ... earlier", "i told you": a message pointing back at what it said
    denied_before: str = r"$^"  # what comes just before a value the person says is wrong ("66k not 60k")
    lives_in: str = r"$^"  # where they say they live, named as they wrote it ("I live in Abingdon")
    self_list_opening: str = r"$^"  # a message opening like this lists facts about the speaker
    assessment_restart: str = r"$^"  # mid-assessment, asking to take it again from the start
    declined_continues: str = r"$^"  # a short question pointing back at a declined one continues it
    declined_points_back: str = r"$^"  # ...and the words a question uses to point back to a story's company
    declined_continues_floor: float = 0.0  # so does one after it that the matcher reads below this
    assessment_progress: str = r"$^"  # mid-assessment, asking how many questions are left
    assessment_done: str = r"$^"  # mid-assessment, asking to end it and see the plan in any words
    personal_plan: str = r"$^"  # with ratings given, a plan question like this wants the plan built from them
    ending_moves: list[str] = []  # steps of the interview that end it
    carry_on: str = r"$^"  # words that ask to go on: never read as one of those, however near in meaning
    style_remarks: str = r"$^"  # how to answer ("keep it short"), set aside before a message is read
    general_plan: str = r"$^"  # ...and one like this the guide's plan for everyone, whatever was rated
    skill_duration: str = r"$^"  # "how long to learn kubernetes?": a plan question about one skill is about it
    speaker_enders: list[str] = []  # of the assessment enders, those that want it only when about the speaker
    about_speaker: str = r"$^"  # a question about the speaker ("how long will it take me?")
    score_figure: str = r"$^"  # in a few words after feedback, a figure like this is the score ("y only 40")
    learning_words: list[str] = []  # "how do I learn docker": the skill's answer says how to build it
    move_words: list[str] = []  # a move toward another role: see other_roles
    other_roles: list[str] = []
    other_move_window: int = Field(default=6, ge=1)
    other_script_share: float = Field(default=1.0, ge=0, le=1)  # letters outside the Latin scripts: another language
    request_words: list[str] = []  # a request ("here's my code", "help", "can you") is never just facts to note
    instead_words: list[str] = []  # "a PM instead of an MLE": the role after these is the one given up
    other_sources: list[str] = []  # roles people start from that this move does not: see other_roles
    own_role_window: int = Field(default=8, ge=1)  # the opening words where people say what they do
    own_role_frames: list[str] = []  # regexes around {role}: how people say what they do
    other_move_answer: str | None = None
    forget_fields: dict[str, list[str]] = {}
    forget_everything: list[str] = []
    profile_field_names: dict[str, str] = {}  # how a remembered fact is named when it is forgotten
    agreement_ratings: dict[str, int]  # "yes" / "some" / "no" answers mapped onto the 1-5 scale
    gap_below: int = Field(ge=1, le=6)  # a self-rating under this still counts as a gap
    unrated: int = Field(ge=1, le=5)  # rank of a gap nobody has rated, against rated ones
    command_max_words: int = Field(ge=1)  # longer messages during practice are answers, never commands
    practice_focus_max_words: int = Field(ge=1)  # "practice model serving": words allowed after "practice"
    agreement_floor: float = Field(ge=0, le=1)  # matcher score that, with the meaning tier agreeing, is enough
    command_agreement_floor: float = Field(default=0.7, ge=0, le=1)  # the same for a command in a few words
    agreement_meaning_floor: float = Field(ge=0, le=1)  # and the meaning tier's own floor for that
    # three weaker readings that agree (the matcher's leader, the nearest intent by the written examples and
    # by the messages people sent): the matcher's floor, and the meaning's floor and lead over near misses
    unanimous_floor: float = Field(default=0.45, ge=0, le=1)
    unanimous_meaning_floor: float = Field(default=0.5, ge=0, le=1)
    unanimous_lead: float = Field(default=0.15, ge=0, le=1)
    assessment_enders: list[str] = []  # topics that, asked mid-assessment, get the personal plan at once
    tentative_openers: list[str] = []  # "i think ...?": an answer with a question mark, not a question
    tentative_min_words: int = Field(default=8, ge=1)
    answer_min_words: int = Field(ge=1)  # after feedback, a statement this long is another attempt
    short_attempt_min_words: int = Field(default=6, ge=1)  # shorter, but nothing else: still an attempt
    # a practice summary names skills that need most work only below this score, or when scores differ
    summary_work_below: int = Field(default=60, ge=0, le=100)
    continuation_openers: list[str] = []  # "adding to what I said": a retry that extends the last answer
    continuation_phrases: list[str] = []  # anywhere in a retry's first words: it builds on the last answer
    # In a mock interview, the steps a short message may mean in any words ("one more shot at it" is a
    # retry), compared by meaning with those steps' examples only and with answer sentences as near misses
    practice_moves: list[str] = []
    practice_move_max_words: int = Field(default=14, ge=1)  # longer messages are answers or questions
    destructive_commands: list[str] = []  # commands that lose work: only typed, or with a cue phrase whole
    tool_choice: str = r"$^"  # "Spark or Kafka?": two tools set against each other (groups first, second)
    declined_lead_floor: float = Field(default=1.0, ge=0, le=1)  # a request it cannot serve, read this surely
    told_pay_intents: list[str] = []  # a vague question asked while telling their pay, led by one of these
    answer_enders: list[str] = []  # "done", "that's it": after an answer's words they close it, not the interview
    step_lead_ins: list[str] = []  # "nah", "ok": a word before a step of the interview that changes nothing
    practice_move_accept: float = Field(default=0.5, ge=0, le=1)  # how close to a step's examples
    practice_move_lead: float = Field(default=0.05, ge=0, le=1)  # ahead of the next step and of any answer
    kept_answer_chars: int = Field(default=4000, ge=1)
    follow_up_max_words: int = Field(default=10, ge=1)  # a question this short may lean on the last answer
    second_question_join: str = r"$^"  # where one question may hold a second ("... and i will earn less?")
    second_question_min_words: int = Field(default=4, ge=1)  # each half at least this long
    second_question_floor: float = Field(default=1.0, ge=0, le=1)  # and each read alone at least this surely
    second_question_lead: float = Field(default=0.1, ge=0, le=1)  # ...and this much more surely than the whole
    same_title_question: str = r"$^"  # "is that the same thing?": one title of the target role set against it
    lead_floor: float = Field(default=1.0, ge=0, le=1)  # a line of an answer this close to a narrow question...
    lead_margin: float = Field(default=1.0, ge=0, le=1)  # ...and this much closer than any other line leads it
    lead_min_words: int = Field(default=6, ge=1)  # shorter lines (headings, list stubs) never lead
    detail_topic_margin: float = 0.15  # how much nearer another topic a guide detail may be and still be added
    practice_opener: str | None = None  # the question an unfocused mock interview starts with
    named_question_floor: float = Field(ge=0, le=1)  # "practise the '...' question": how close to its wording
    named_question_frame: str = r"$^"  # "the why-are-you-switching question": the name alone, in group 1
    named_question_framed_floor: float = Field(default=1.0, ge=0, le=1)  # ...which may come less close

    @field_validator("self_reference", "role_claims", "question_starts", "question_words", "negation", "years",
                     "continuation_openers", "continuation_phrases")
    @classmethod
    def _as_matched(cls, phrases: list[str]) -> list[str]:
        """Normalised once here, as messages are, so reading a message compares like with like."""
        return [phrase for phrase in map(normalise, phrases) if phrase]

    @model_validator(mode="after")
    def _companies_named(self) -> DialogueRules:
        """One list of employers serves every pattern that names them."""
        names = "(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s?") for c in self.companies) + ")"
        topics = {name: [p.replace("{companies}", names) for p in patterns]
                  for name, patterns in self.declined_topics.items()}
        object.__setattr__(self, "declined_topics", topics)
        return self

    @classmethod
    def load(cls, path: Path, root: Path | None = None) -> DialogueRules:
        """Read and validate the dialogue rules file; any problem raises ContentError naming file and field."""
        return load_model(Path(path), cls, root)
