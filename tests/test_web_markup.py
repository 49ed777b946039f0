"""How bot text becomes page blocks, and how feedback highlights and the open question are worked out."""

from __future__ import annotations

from chatbot.web.markup import Inline, ListBlock, Paragraph, Table, blocks
from chatbot.web.views import Segment, answer_segments, message_views, open_question, quick_replies


def test_plain_lines_stay_one_paragraph_and_blank_lines_split_paragraphs():
    parsed = blocks("First line\nsecond line\n\nNew paragraph")
    assert parsed == [
        Paragraph(((Inline("First line"),), (Inline("second line"),))),
        Paragraph(((Inline("New paragraph"),),)),
    ]


def test_bold_and_code_are_recognised_and_everything_else_is_literal():
    (paragraph,) = blocks("Take **6-12 months**, run `pytest` and keep <b>this</b> * as is")
    assert paragraph.lines[0] == (
        Inline("Take "), Inline("6-12 months", "strong"), Inline(", run "), Inline("pytest", "code"),
        Inline(" and keep <b>this</b> * as is"),
    )


def test_bullets_and_numbered_lists_become_lists_that_keep_their_start():
    parsed = blocks("Steps:\n- one\n* two\n\n3. third\n4) fourth")
    assert parsed[1] == ListBlock(False, ((Inline("one"),), (Inline("two"),)))
    assert parsed[2] == ListBlock(True, ((Inline("third"),), (Inline("fourth"),)), start=3)


def test_a_pipe_table_becomes_header_rows_and_alignment():
    text = ("Practice summary:\n\n| Question | Attempts | Best |\n| :--- | ---: | :---: |\n"
            "| Why ML \\| engineering? | 2 | **76**/100 |\n| Short row |\n")
    table = blocks(text)[1]
    assert isinstance(table, Table)
    assert [cell[0].text for cell in table.header] == ["Question", "Attempts", "Best"]
    assert table.align == ("left", "right", "center")
    assert table.rows[0][0] == (Inline("Why ML | engineering?"),)
    assert table.rows[0][2] == (Inline("76", "strong"), Inline("/100"))
    assert table.rows[1] == ((Inline("Short row"),), (), ())


def test_a_line_of_pipes_without_a_separator_is_not_a_table():
    parsed = blocks("| not | a table |\njust text")
    assert all(isinstance(block, Paragraph) for block in parsed)


def test_highlights_cut_the_answer_into_marked_and_plain_segments():
    answer = "I used Docker and FastAPI."
    highlights = [{"start": 18, "end": 25, "text": "FastAPI", "point": "api"},
                  {"start": 7, "end": 13, "text": "Docker", "point": "containers"}]
    assert answer_segments(answer, highlights) == [
        Segment("I used "), Segment("Docker", "containers"), Segment(" and "), Segment("FastAPI", "api"),
        Segment("."),
    ]


def test_highlights_count_characters_not_bytes_and_survive_bad_offsets():
    answer = "🙂 naïve Docker, then docker again"
    good = {"start": 8, "end": 14, "text": "Docker", "point": "p"}
    assert answer_segments(answer, [good])[1] == Segment("Docker", "p")
    moved = {"start": 0, "end": 6, "text": "docker", "point": "p"}
    assert answer_segments(answer, [moved])[1] == Segment("Docker", "p")
    nonsense = [{"start": 50, "end": 99, "point": "p"}, {"start": 3, "end": 1, "point": "p"}]
    assert answer_segments(answer, nonsense) == [Segment(answer)]


def test_overlapping_highlights_become_one_mark_naming_both_points():
    segments = answer_segments("we checked they understood it", [{"start": 3, "end": 15, "point": "a"},
                                                                 {"start": 3, "end": 26, "point": "b"}])
    assert segments == [Segment("we "), Segment("checked they understood", "a; b"), Segment(" it")]


def bot(**fields):
    return {"sender": "bot", "text": "", "intent": "x", "quick_replies": [], "question": None,
            "feedback": None, **fields}


QUESTION = {"id": "q1", "text": "Why MLE?", "category": "career-change", "skills": []}


def test_the_question_stays_open_through_hints_and_short_answers_and_closes_on_feedback():
    asked = [bot(question=QUESTION), {"sender": "user", "text": "hmm"}]
    assert open_question(asked) == QUESTION
    assert open_question([*asked, bot(intent="hint")]) == QUESTION
    assert open_question([*asked, bot(feedback={"score": 0, "needs_answer": True})]) == QUESTION
    assert open_question([*asked, bot(feedback={"score": 40})]) is None
    assert open_question([*asked, bot(intent="summary")]) is None
    assert open_question([bot()]) is None


def test_quick_replies_come_only_from_a_bot_message_that_ends_the_conversation():
    assert quick_replies([bot(quick_replies=["Next"])]) == ["Next"]
    assert quick_replies([bot(quick_replies=["Next"]), {"sender": "user", "text": "x"}]) == []


def test_feedback_views_carry_the_answer_before_them_and_drop_a_restated_question():
    views = message_views([
        bot(text="Let's go.\nQuestion 1 (career-change): Why MLE?", question=QUESTION),
        {"sender": "user", "text": "Because of Docker", "question": None, "feedback": None},
        bot(feedback={"score": 50, "highlights": [{"start": 11, "end": 17, "text": "Docker", "point": "p"}]}),
    ])
    assert views[0].blocks == [Paragraph(((Inline("Let's go."),),))]
    assert views[1].blocks == [] and views[1].answer == []
    assert views[2].answer == [Segment("Because of "), Segment("Docker", "p")]
