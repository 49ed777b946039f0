"""Everything the engine reads, loaded and validated once at start-up, then shared read-only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chatbot.dialogue.content import Content
from chatbot.dialogue.rules import DialogueRules
from chatbot.dialogue.responses import Responses
from chatbot.encoder.protocol import Encoder
from chatbot.feedback import Rubric
from chatbot.feedback.meaning import PointMeaning
from chatbot.knowledge import Knowledge
from chatbot.knowledge.passages import Passage, passages
from chatbot.nlu import EntityExtractor, IntentSet, Matcher
from chatbot.nlu.plain_words import PlainWordsEncoder
from chatbot.nlu.retrieval import PassageIndex, RetrievalSettings
from chatbot.nlu.segments import QuestionSplitter
from chatbot.nlu.semantic import SemanticIndex, SemanticSettings
from chatbot.nlu.slips import SlipCorrector, english_words
from chatbot.nlu.text import words


@dataclass(frozen=True)
class Resources:
    knowledge: Knowledge
    intents: IntentSet
    matcher: Matcher
    extractor: EntityExtractor
    rubric: Rubric
    responses: Responses
    rules: DialogueRules
    encoder: Encoder
    semantic: SemanticIndex
    phrased: SemanticIndex  # the same, widened with messages people sent (intents/_phrasings.yaml)
    guide: dict[str, PassageIndex]  # per transition: its guide as passages, for questions no intent covers
    meaning: PointMeaning  # every talking point's reference phrasings, for feedback by meaning
    questions: QuestionSplitter  # where a message's questions are
    question_texts: PassageIndex  # the practice questions' own wording, for "practise the ... question"
    glossary: PassageIndex  # model-answer lines and reference phrasings, for "what does X mean?"
    slips: SlipCorrector  # misspelt words mended before a message is read
    practice_moves: SemanticIndex  # the steps of a mock interview by meaning, against answer sentences
    reader: Encoder  # the encoder as the indexes read text (shorthand written out), for one-off comparisons

    @classmethod
    def load(cls, data_dir: Path, intents_dir: Path, encoder: Encoder | None = None) -> Resources:
        return cls.build(Content.load(Path(data_dir), Path(intents_dir)), encoder)

    @classmethod
    def build(cls, content: Content, encoder: Encoder | None = None) -> Resources:
        """The engine's indexes over loaded content; `encoder` defaults to the pinned sentence encoder."""
        knowledge, intents, rules, rubric = content.knowledge, content.intents, content.rules, content.rubric
        if encoder is None:
            from chatbot.encoder import SentenceEncoder, default_cache_dir

            encoder = SentenceEncoder.load(default_cache_dir())
        plain = PlainWordsEncoder(encoder, intents.lexicon)  # what the indexes read
        examples = [(i.name, e) for i in intents if i.kind != "command" or i.by_meaning for e in i.examples]
        phrased = [*examples, *((name, text) for name, texts in intents.phrasings.items() for text in texts)]
        neighbours = {i.name: i.neighbours for i in intents}
        sections = content.sections
        guide = {
            tid: PassageIndex(passages(knowledge, tid, sections), intents.negatives, plain,
                              common_words=_common_words(knowledge, intents))
            for tid in knowledge.transitions
        }
        return cls(
            knowledge=knowledge,
            intents=intents,
            matcher=Matcher(intents),
            extractor=EntityExtractor.build(knowledge, intents),
            rubric=rubric,
            responses=content.responses,
            rules=rules,
            encoder=encoder,
            semantic=SemanticIndex(examples, intents.negatives, plain, neighbours=neighbours),
            phrased=SemanticIndex(phrased, [*intents.negatives, *intents.near_misses], plain, neighbours=neighbours),
            guide=guide,
            meaning=PointMeaning(knowledge.questions, plain, rubric.spec.meaning, rubric.spec.part_references()),
            question_texts=PassageIndex([Passage(q.id, q.text) for q in knowledge.questions.values()], [], plain,
                                        RetrievalSettings(accept=rules.named_question_floor, over_negative=0.0)),
            glossary=PassageIndex([Passage(q.id, line) for q in knowledge.questions.values()
                                   for line in [*q.model_answer, *(r for p in q.talking_points for r in p.references)]],
                                  [], plain),
            questions=QuestionSplitter.of(rules.question_starts, rules.question_lead_ins, rules.question_joiners,
                                          rules.first_person, rules.subordinators),
            slips=_slip_corrector(knowledge, intents),
            practice_moves=_practice_moves(knowledge, intents, rules, plain),
            reader=plain,
        )


def _practice_moves(knowledge: Knowledge, intents: IntentSet, rules: DialogueRules,
                    plain: PlainWordsEncoder) -> SemanticIndex:
    """The steps of a mock interview by their examples and command phrases, each judged by its nearest
    one, with the bank's model-answer lines as near misses: a short answer is not a step."""
    steps = [(i.name, e) for i in intents if i.name in rules.practice_moves for e in (*i.examples, *i.commands)]
    answers = [line for q in knowledge.questions.values() for line in q.model_answer]
    accept, lead = rules.practice_move_accept, rules.practice_move_lead
    settings = SemanticSettings(accept=accept, over_negative=lead, over_runner_up=lead, clear_accept=accept,
                                clear_lead=lead, top_k=1)
    return SemanticIndex(steps, answers, plain, settings, neighbours={i.name: i.neighbours for i in intents})


def _slip_corrector(knowledge: Knowledge, intents: IntentSet) -> SlipCorrector:
    """Slips are mended into the words the intents, the lexicon and the skills use; the lexicon's own
    words (slang, shorthand, tool names) are never mended."""
    lexicon = intents.lexicon
    written = [text for intent in intents for text in (*intent.examples, *intent.cues)]
    written += [text for skill in knowledge.skills.values() for text in (skill.name, *skill.aliases)]
    written += [*lexicon.spelling.values(), *lexicon.synonyms, *lexicon.synonyms.values(), *lexicon.domain]
    protected = [*lexicon.spelling, *lexicon.shorthand, *lexicon.contractions, *lexicon.ignorable,
                 *lexicon.loose_domain, *intents.entity_words.protected_words]
    return SlipCorrector.build((w for text in written for w in words(text.casefold())),
                               (w for text in protected for w in words(text.casefold())), english_words())


def _common_words(knowledge: Knowledge, intents: IntentSet) -> list[str]:
    """Words that name the move (the lexicon's domain words, the roles' names) and so appear in nearly
    every passage; a word that is also part of a skill's name ("data" in "Data pipelines") still counts."""
    in_skills = {word for skill in knowledge.skills.values() for word in skill.name.casefold().split()}
    in_roles = {word for role in knowledge.roles.values() for word in role.name.casefold().split()}
    return sorted((set(intents.lexicon.move) | in_roles) - in_skills)
