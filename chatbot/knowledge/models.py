"""The typed shape of the role knowledge base: every file under data/ is validated against these."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from chatbot.yamlfiles import Strict, Text

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
SkillKind = Literal["technical", "general"]


class SalaryBand(Strict):
    min: int = Field(gt=0)
    max: int = Field(gt=0)
    open_ended: bool = False  # a band quoted as "£160,000+"

    @model_validator(mode="after")
    def _ordered(self) -> SalaryBand:
        if self.max < self.min:
            raise ValueError("max must not be below min")
        return self


class SalaryBands(Strict):
    """A role's pay: one band per level named in data/vocabulary.yaml (`mid: {min: ..., max: ...}`).

    The levels are not spelled out here, so adding one is a vocabulary edit; the loader refuses a band
    for a level the vocabulary does not define, as `extra="forbid"` refuses other unknown fields."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[Slug, SalaryBand] = Field(init=False)

    currency: Literal["GBP"] = "GBP"

    @property
    def bands(self) -> dict[str, SalaryBand]:
        """Band per level id, as written."""
        return dict(self.__pydantic_extra__ or {})

    def band(self, level: str) -> SalaryBand | None:
        return self.bands.get(level)

    def __getitem__(self, level: str) -> SalaryBand | None:
        """Templates write `role.salary.senior`; a level this role has no band for reads as None."""
        return self.band(level)


class Category(Strict):
    """A kind of practice question: its id is what the API sends, its name what pages show."""

    id: Slug
    name: Text
    # practising one skill of this kind asks this category's questions about it first
    skill_kind: SkillKind | None = None


class Level(Strict):
    """A pay level of the roles' salary bands: its name is how a reply says it ("entry-level")."""

    id: Slug
    name: Text


class Vocabulary(Strict):
    """data/vocabulary.yaml: the ids several kinds of content share, each defined once, in display order."""

    categories: list[Category] = Field(min_length=1)
    levels: list[Level] = Field(min_length=1)  # lowest pay first
    default_transition: Slug | None = None  # the move a session starts with when none is asked for


class Activity(Strict):
    title: Text
    detail: Text


class Role(Strict):
    id: Slug
    name: Text
    aliases: list[Text] = []
    sector: Text
    summary: Text
    skills: list[Slug] = Field(min_length=1)
    salary: SalaryBands
    day_to_day: list[Activity] = Field(min_length=1)
    rhythm: Text
    interviewers_look_for: list[Text] = []


class Skill(Strict):
    id: Slug
    name: Text
    aliases: list[Text] = []
    kind: SkillKind
    description: Text
    usage: dict[Slug, Text] = {}  # role id -> how that role uses the skill
    build_evidence: list[Text] = []  # how someone who lacks the skill proves it
    interview_bar: Text | None = None  # what interviewers expect of it


class Term(Strict):
    """A word from the questions or job adverts, explained in plain words ("canary release")."""

    id: Slug
    name: Text
    aliases: list[Text] = []
    definition: Text


class TimeFrame(Strict):
    label: Text  # as a person says it: "Week 1-2", "Month 3-6", "Ongoing"
    unit: Literal["week", "month", "ongoing"]
    start: int | None = None
    end: int | None = None


class PlanStep(Strict):
    id: Slug
    title: Text
    timeframe: TimeFrame
    summary: Text
    actions: list[Text] = Field(min_length=1)
    skills: list[Slug] = []  # skills this step builds, so a plan can follow someone's gaps


class Range(Strict):
    min: int
    max: int
    unit: Literal["weeks", "months", "years", "times", "examples"]


class Realism(Strict):
    verdict: Text
    difficulty: Literal["easy", "moderate", "hard"]
    summary: Text
    biggest_risk: Text
    who_succeeds: Text


class Timeline(Strict):
    duration: Range
    summary: Text
    phases: list[Text] = []
    faster_or_slower: Text | None = None


class SalaryStage(Strict):
    id: Slug
    label: Text
    role: Slug
    band: Slug  # a level of data/vocabulary.yaml that the role has a salary band for
    when: Text


class SalaryPicture(Strict):
    stages: list[SalaryStage] = Field(min_length=1)
    dip_duration: Range  # how long the short-term pay gap is most felt
    catch_up: Range  # how long changers take to reach mid-career rates
    summary: Text
    why_dip: Text
    accelerators: Text
    softeners: list[Advice] = []  # ways the guide gives to make the dip smaller or shorter


class Advice(Strict):
    id: Slug | None = None  # lets responses pick one item without relying on its position or wording
    title: Text
    detail: Text


class CvAdvice(Strict):
    summary: Text
    max_pages: int
    scan_seconds: int
    tips: list[Advice] = Field(min_length=1)


class InterviewFraming(Strict):
    recurring_questions: list[Text] = Field(min_length=1)
    principle: Text
    strong_opening: Text
    weak_reasons: list[Text] = []
    examples_to_prepare: Range
    example_template: Text
    tone: Text


class Qualifications(Strict):
    summary: Text
    platforms: list[Text] = []
    certifications: list[Text] = []
    portfolio_note: Text


class Faq(Strict):
    id: Slug
    question: Text
    answer: Text


class Transition(Strict):
    """One career move. Transferable skills and gaps are derived from the two roles' skills."""

    id: Slug
    from_role: Slug
    to_role: Slug
    realism: Realism
    timeline: Timeline
    motivations: list[Advice] = Field(min_length=1)
    transfer_notes: dict[Slug, Text] = {}  # skill id -> why it transfers in this move
    gap_notes: dict[Slug, Text] = {}  # skill id -> why this move needs it
    plan: list[PlanStep] = Field(min_length=1)
    salary: SalaryPicture
    cv: CvAdvice
    interview: InterviewFraming
    qualifications: Qualifications
    success_habits: list[Advice] = Field(min_length=1)
    mistakes: list[Advice] = Field(min_length=1)
    faqs: list[Faq] = []
    working_while_changing: Text | None = None
    application_multiplier: Range | None = None  # applications needed compared with same-sector candidates
    application_approach: Text | None = None  # how to apply once applying in earnest: widely, yet each one tailored


class TalkingPoint(Strict):
    id: Slug
    label: Text  # shown to the user as covered or missed
    cues: list[Text] = Field(min_length=2)  # phrases any of which shows the point is made
    tip: Text  # what to add when the point is missed
    # Whole sentences that make the point, in different words (technical, plain, example-led): an
    # answer's sentence close in meaning to one of these makes the point, whatever words it uses.
    references: list[Text] = []
    # Wrong ways of making it ("a feature store is just a cache"): close to one of these earns nothing.
    misconceptions: list[Text] = []


class Neighbour(Strict):
    """A question near this one that the bank does not ask ("cut training cost" beside "cut serving cost"),
    with lines of a strong answer to it: an answer that fits it better than the question asked is one to
    another question, even though the bank holds no such question."""

    text: Text
    answer: list[Text] = Field(min_length=2)


class Question(Strict):
    id: Slug
    text: Text
    category: Slug  # a category of data/vocabulary.yaml
    skills: list[Slug] = Field(min_length=1)
    transitions: list[Slug] = []  # empty: fits any transition into the roles that use its skills
    talking_points: list[TalkingPoint] = Field(min_length=2)
    model_answer: list[Text] = Field(min_length=2)  # an outline, one line a beat
    hint: Text
    follow_up: Text
    neighbours: list[Neighbour] = []
