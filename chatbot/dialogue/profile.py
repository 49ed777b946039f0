"""Remember what users say about themselves ("I'm a data scientist", "I already know docker")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from chatbot.dialogue.rules import DialogueRules
from chatbot.dialogue.state import Profile
from chatbot.knowledge import Knowledge
from chatbot.nlu import Entities, normalise

Extract = Callable[[str], Entities]
NUMBER = r"(\d{1,2})"


def _has_phrase(text: str, phrases: list[str]) -> bool:
    """`phrases` come normalised from DialogueRules; `text` is a normalised message or clause."""
    padded = f" {text} "
    return any(f" {phrase} " in padded for phrase in phrases)


def _clauses(text: str, rules: DialogueRules) -> list[str]:
    """Split where a claim ends: "I know python but not docker" holds two claims."""
    # punctuation between digits is part of a number ("48,000", "62.5k"), not a break
    breaks = (rf"{re.escape(b)}(?!\d)" if not b.isalpha() else rf"\b{re.escape(b)}\b" for b in rules.clause_breaks)
    return [part for part in re.split("|".join(breaks), text.casefold()) if normalise(part)]


def _role(kb: Knowledge, text: str, rules: DialogueRules) -> str | None:
    """The role named straight after "I'm a" or "I work as": people say what they are that way."""
    padded = f" {text} "
    for claim in rules.role_claims:
        for role in kb.roles.values():
            for alias in (normalise(name) for name in [role.name, *role.aliases]):
                # "I'm a pricing data scientist": a word or two may say which kind
                if claim and alias and re.search(rf" {re.escape(claim)} (?:\w+ ){{0,2}}?{re.escape(alias)} ", padded):
                    return role.id
    return None


def _opening_role(kb: Knowledge, text: str) -> str | None:
    """The role a list about the speaker opens with ("senior ds, 8 yoe"), a level word allowed before it."""
    for role in kb.roles.values():
        for alias in (normalise(name) for name in [role.name, *role.aliases]):
            if alias and re.match(rf"^(?:\w+\W+){{0,2}}?{re.escape(alias)}\b", text):
                return role.id
    return None


def _bare_salary(text: str, rules: DialogueRules) -> int | None:
    """A clause that is only a pay figure ("45k", "£52,000", "it's 51k now"), in a list of facts about
    the speaker or a correction of one."""
    fillers = "|".join(re.escape(w) for w in sorted(rules.salary_fillers, key=len, reverse=True))
    around = rf"(?:(?:{fillers})\s+)*" if fillers else ""
    after = rf"(?:\s+(?:{fillers}))*" if fillers else ""
    found = re.fullmatch(rf"\s*{around}{_MONEY}{after}\s*", text, re.IGNORECASE)
    return _amount(found, rules) if found is not None else None


def _amount(found: re.Match[str], rules: DialogueRules) -> int | None:
    """A matched `_MONEY` as pounds: written as money ("k", "£", "48,000") and within the salary range."""
    number, thousands = found.group(1).replace(",", ""), found.group(2)
    value = float(number) * (1000 if thousands else 1)
    low, high = rules.salary_range
    money = thousands or "£" in found.group(0) or "," in found.group(1)
    return int(round(value)) if money and low <= value <= high else None


def _count(rules: DialogueRules) -> str:
    """A count in figures or words ("7", "seven"), as one group."""
    words = "|".join(re.escape(w) for w in sorted(rules.count_words, key=len, reverse=True))
    return rf"(\d{{1,2}}|{words})" if words else NUMBER


def _counted(found: str, rules: DialogueRules) -> int:
    return int(found) if found.isdigit() else rules.count_words[found.casefold()]


def _years(text: str, rules: DialogueRules) -> int | None:
    units = "|".join(re.escape(word) for word in rules.years)
    found = re.search(rf"\b{_count(rules)}\s*(?:\+\s*)?(?:{units})\b", text, re.IGNORECASE)
    return _counted(found.group(1), rules) if found else None


_MONEY = r"£?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|K|grand|thousands?\b)?"


def _salary(text: str, rules: DialogueRules) -> int | None:
    """Their pay, only when a pay word leads straight to the figure ("on 62k", "I earn £58,000")."""
    words = "|".join(re.escape(w) for w in sorted(rules.salary_words, key=len, reverse=True))
    before = "|".join(re.escape(w) for w in rules.salary_not_after)
    for found in re.finditer(rf"\b(?:{words})\s+(?:about\s+|around\s+|roughly\s+)?{_MONEY}", text, re.IGNORECASE):
        amount = _amount(found, rules)
        lead = " ".join(text[: found.start()].split()[-2:])
        if amount is not None and not (before and re.search(rf"\b(?:{before})\b", lead, re.IGNORECASE)):
            return amount
    return None


_RANGE = (r"£?\s?(\d{2,3})\s?(?:k|K)?\s*(?:-|–|—|to)\s*£?\s?(\d{2,3})\s?(?:k|K)\b"
          r"|£\s?(\d{2,3}),000\s*(?:-|–|—|to)\s*£?\s?(\d{2,3}),000\b")


def quoted_range(text: str, rules: DialogueRules) -> tuple[int, int] | None:
    """A pay range quoted from an advert or a recruiter ("£70-85k", "60k to 75k", "£55,000-£65,000"),
    in pounds; the shapes of money, so "6-12 months" is not one."""
    found = re.search(_RANGE, text)
    if found is None:
        return None
    low, high = (int(n) * 1000 for n in (found.group(1) or found.group(3), found.group(2) or found.group(4)))
    floor, ceiling = rules.salary_range
    return (low, high) if floor <= low < high <= ceiling else None


def offer_figure(text: str, rules: DialogueRules) -> int | None:
    """A pay figure they were offered ("offer is 45k", "offered me £45,000", "a 45k offer"), which is
    not their pay today."""
    if not rules.offer_words:
        return None
    words = "|".join(re.escape(w) for w in sorted(rules.offer_words, key=len, reverse=True))
    patterns = (rf"\b(?:{words})\b(?:\W+[a-z]+){{0,3}}?\W+{_MONEY}",  # "offer is 45k"
                rf"{_MONEY}\s+(?:[a-z]+\s+){{0,2}}(?:{words})\b")  # "a 45k offer"
    for pattern in patterns:
        for found in re.finditer(pattern, text, re.IGNORECASE):
            number, thousands = found.group(1).replace(",", ""), found.group(2)
            value = float(number) * (1000 if thousands else 1)
            low, high = rules.salary_range
            if low <= value <= high:
                return int(round(value))
    return None


def _hours(text: str, rules: DialogueRules) -> int | None:
    units = "|".join(re.escape(w) for w in rules.hours_units)
    weeks = "|".join(re.escape(w) for w in sorted(rules.week_words, key=len, reverse=True))
    found = re.search(rf"\b{_count(rules)}\s*(?:{units})\b\s*(?:/|\ba\b|\bper\b|\beach\b|\bevery\b)?\s*(?:{weeks})\b",
                      text, re.IGNORECASE)
    return _counted(found.group(1), rules) if found else None


def _offered_hours(text: str, rules: DialogueRules) -> int | None:
    """In a message that speaks of hours a week, the figure the person says they can give ("how many hours a
    week would I need? I can maybe do 5 around shifts")."""
    units = "|".join(re.escape(w) for w in rules.hours_units)
    weeks = "|".join(re.escape(w) for w in rules.week_words)
    if not re.search(rf"\b(?:{units})\b\W*(?:\w+\W+){{0,2}}?(?:{weeks})\b", text, re.IGNORECASE):
        return None
    found = re.search(rules.offered_hours, text, re.IGNORECASE)
    return int(found.group("hours")) if found else None


def _bare_hours(text: str, rules: DialogueRules) -> int | None:
    """A number of hours with no "a week" after it, for a correction of the hours already known."""
    units = "|".join(re.escape(w) for w in rules.hours_units)
    found = re.search(rf"\b{NUMBER}\s*(?:{units})\b", text, re.IGNORECASE) or \
        re.search(rf"\bhours?\b\D{{0,12}}?\b{NUMBER}\b", text, re.IGNORECASE)
    return int(found.group(1)) if found else None


def _place(text: str, rules: DialogueRules) -> str | None:
    """The first place named ("based in Glasgow, thinking of London later" is Glasgow), not one they
    are only moving to ("I live in Warsaw and move to London next year" says nothing of where they are)."""
    found = [(m.start(), -len(place), place) for place in rules.places
             for m in [re.search(rf"\b{re.escape(place)}\b", text, re.IGNORECASE)]
             if m and not re.search(rf"{rules.going_to}\s*$", text[:m.start()], re.IGNORECASE)]
    return min(found)[2] if found else None


@dataclass
class Claims:
    """What one message claims, clause by clause."""

    role: str | None = None
    years: int | None = None
    known: set[str] = field(default_factory=set)
    lacking: set[str] = field(default_factory=set)
    ratings: dict[str, int] = field(default_factory=dict)
    salary: int | None = None
    hours: int | None = None
    place: str | None = None
    asks: bool = False  # some clause is a question, so the message wants an answer, not an acknowledgement


def _clause_rating(clause: str, rules: DialogueRules, extract: Extract) -> tuple[str, int] | None:
    """"2 on docker", "python 4", "communication is fine": one skill and a number that is not a count of
    years, or a word of how well ("fine", "strong") on the same scale as the assessment's answers."""
    entities = extract(clause)
    rating = entities.rating
    if rating is None:
        rating = rules.agreement_ratings.get(entities.agreement or "")
    if rating is None or len(entities.skills) != 1 or _years(normalise(clause), rules) is not None:
        return None
    return entities.skills[0], rating


def rated_skills(text: str, rules: DialogueRules, extract: Extract) -> dict[str, int]:
    """Every skill the message rates, clause by clause ("python 4, docker 2, kubernetes 1"), a skill named
    as a label and rated in the clause after it too ("pytorch: solid. feature stores: never touched one");
    a skill rated twice (docker and kubernetes are one skill) keeps the lower rating."""
    clauses = _clauses(text, rules)
    return _lowest(_clause_rating(clause, rules, extract) or _labelled_rating(clause, after, rules, extract)
                   for clause, after in zip(clauses, [*clauses[1:], ""][: len(clauses)], strict=True))


def _labelled_rating(label: str, after: str, rules: DialogueRules, extract: Extract) -> tuple[str, int] | None:
    """A clause that only names one skill, and a next clause that rates without naming any."""
    named, rating = extract(label), _clause_rating(f"{label} {after}", rules, extract)
    if rating is None or named.rating is not None or named.agreement is not None or extract(after).skills:
        return None
    return rating


def _owns_skill(plain: str, rules: DialogueRules, extract: Extract) -> bool:
    """"my pipeline side is decent", "my docker is rusty": their own skill, said with how well ("my docker
    build fails" says how a build went, not how well they know it)."""
    if not _has_phrase(plain, rules.own_words):
        return False
    entities = extract(plain)
    return bool(entities.skills) and entities.agreement in ("yes", "some")  # "no module named x" is no rating


def _lowest(found: Iterable[tuple[str, int] | None]) -> dict[str, int]:
    ratings: dict[str, int] = {}
    for skill, rating in (pair for pair in found if pair is not None):
        ratings[skill] = min(rating, ratings.get(skill, rating))
    return ratings


def _read_claims(text: str, kb: Knowledge, rules: DialogueRules, extract: Extract) -> Claims:
    """A clause is a claim once the user has started talking about themselves, unless it asks something."""
    claims, speaking = Claims(), False
    clauses = _clauses(text, rules)
    rated = [_clause_rating(clause, rules, extract) for clause in clauses]
    # "DS for 3 yrs in manchester, on 58k. can I ...": one first-person clause makes the message personal;
    # so does rating several skills ("python 4, docker 2, kubernetes 1"): a person rates only themselves
    several = len(_lowest(rated)) >= 2
    # "senior DS, 8 yoe, 45k, london": a list that opens with the person's own role is about them
    # (a pasted CV extract opens the same way, but runs long: it is read as a CV, not as a list of facts)
    listed = len(text.split()) < rules.pasted_min_words and \
        bool(re.match(rules.self_list_opening, text.strip().casefold()))
    # "update: now only 5 hrs a week", "make that 12 hours": a correction is about them too
    listed = listed or bool(re.match(rules.correction_opening, normalise(text)))
    # "DS in Cardiff, 4 years, ... I've got about 4 hours": years among facts told in the first person are
    # theirs ("MLE salary in Amsterdam with 3 yrs exp?" is about a level, not about them)
    own_years = listed or several or any(_has_phrase(normalise(c), rules.first_person) for c in clauses)
    # "1 year in as a junior DS, on £36k": years of their own make the message about them too
    with_years = any(_years(normalise(c), rules) is not None for c in clauses)
    personal = own_years or with_years
    # "Oxford biotech, 5 yrs, £61k. what's my landing salary?": a bare figure among facts about them
    among_facts = listed or personal and with_years
    offered = _offered_hours(text, rules)  # "how many hours a week would I need? I can maybe do 5"
    for clause, rating in zip(clauses, rated, strict=True):
        plain = normalise(clause)
        # "I actually have used docker quite a lot": an adverb after "I" still has them speaking of themselves
        unadorned = " ".join(w for w in plain.split() if w not in rules.speaker_adverbs)
        speaking = speaking or several or listed or _has_phrase(unadorned, rules.self_reference) or \
            _owns_skill(plain, rules, extract)
        opening = plain.split()[0] if plain else ""
        if opening in rules.question_starts:
            claims.asks = True
        # pay, time and place are said in passing, inside questions too ("im on 62k, would I take a cut?"),
        # by anyone speaking of themselves at all ("I lead a team of 4, on 85k"): their shapes are specific
        # hours a week are always the asker's own ("how long at 7 hours a week?")
        claims.hours = claims.hours or _hours(clause, rules) or offered
        if speaking or personal:
            bare = _bare_salary(clause, rules) if among_facts else None
            claims.salary = claims.salary or _salary(clause, rules) or bare
            claims.place = claims.place or _place(clause, rules)
        if opening in rules.question_starts:
            continue
        # "Evening. DS in Cardiff, 4 years, two kids, so I've got about 4 hours": years among their facts
        claims.years = claims.years or (_years(plain, rules) if speaking or own_years else None)
        if not speaking:
            continue
        if re.search(rules.inverted_question, plain):
            continue  # "...to switch and do i actualy need kubernetes??" asks about the skill, claims nothing
        entities = extract(clause)
        claims.role = claims.role or _role(kb, plain, rules) or (_opening_role(kb, plain) if listed else None)
        if rating is not None and entities.rating is not None:  # "2 on docker, 1 on kubernetes": the lower
            claims.ratings[rating[0]] = min(rating[1], claims.ratings.get(rating[0], rating[1]))
            continue
        if rating is not None:  # "my pipeline side is decent": how well, in words, is no rating they gave
            (claims.known if rating[1] >= rules.gap_below else claims.lacking).add(rating[0])
            continue
        # "used docker one time", "not sure": a hedged claim leaves the skill to build, never known
        unsure = _has_phrase(plain, rules.negation) or entities.agreement in rules.unsure_agreements
        hedged = set(entities.skills)
        if unsure and len(hedged) > 1 and not _has_phrase(plain, rules.negation):
            # "mostly python and some pytorch": the hedge belongs to the skill it stands by
            hedged = _hedged_skill(clause, rules, extract)
            claims.known.update(s for s in entities.skills if s not in hedged)
        (claims.lacking if unsure else claims.known).update(hedged)
    # a rating says how well, so it decides; otherwise a skill both claimed and hedged stays to build
    rated_known = {skill for skill, rating in claims.ratings.items() if rating >= rules.gap_below}
    claims.lacking = (claims.lacking | (set(claims.ratings) - rated_known)) - rated_known
    claims.known = (claims.known | rated_known) - claims.lacking
    return claims


def _hedged_skill(clause: str, rules: DialogueRules, extract: Extract) -> set[str]:
    """Of several skills in one clause, the one nearest the word that hedges ("some", "a bit")."""
    words = clause.split()
    hedge = next((k - 1 for k in range(1, len(words) + 1)
                  if extract(" ".join(words[:k])).agreement in rules.unsure_agreements), None)
    where: dict[str, int] = {}
    for start in range(len(words)):
        for size in (3, 2, 1):
            for skill in extract(" ".join(words[start:start + size])).skills:
                where.setdefault(skill, start)
    if hedge is None or not where:
        return set(where)
    nearest = min(where, key=lambda skill: abs(where[skill] - hedge))
    return {nearest}


def _merge(items: list[str], added: set[str], removed: set[str]) -> list[str]:
    kept = [item for item in items if item not in removed]
    return kept + sorted(added - set(kept))


@dataclass(frozen=True)
class Learned:
    profile: Profile
    statement: bool  # the message told us something and asked nothing: acknowledge it


def stated_fields(text: str, kb: Knowledge, rules: DialogueRules, extract: Extract) -> list[str]:
    """The profile fields a message states, whatever the coach knew before ("I'm in London": location)."""
    blank = Profile()
    said = learn(blank, text, kb, rules, extract).profile
    return [name for name in FORGETTABLE if getattr(said, name) != getattr(blank, name)]


def _denied_numbers(text: str, rules: DialogueRules) -> set[float]:
    """Figures the person says are wrong ("66k not 60k": 60 000; "7 years not 6": 6)."""
    out = set()
    for found in re.finditer(_MONEY, text, re.IGNORECASE):
        if re.search(rules.denied_before, text[: found.start(1)].rstrip("£ ") + " ", re.IGNORECASE):
            number = float(found.group(1).replace(",", ""))
            out |= {number, number * 1000} if found.group(2) is None else {number * 1000}
    return out


def _denied_place(place: str, text: str, rules: DialogueRules) -> bool:
    return any(re.search(rules.denied_before, text[: found.start()], re.IGNORECASE)
               for found in re.finditer(rf"\b{re.escape(place)}\b", text, re.IGNORECASE))


def _named_place(text: str, rules: DialogueRules, but: str | None = None) -> str | None:
    """Where they say they live in the UK, any town ("I live in Abingdon"), as they wrote it; a place
    abroad is not kept (the figures are UK-wide, and they may be moving here)."""
    abroad = {place.casefold() for place in rules.abroad}
    return next((found.group(1) for found in re.finditer(rules.lives_in, text)
                 if found.group(1).casefold() not in abroad
                 and (but is None or found.group(1).casefold() != but.casefold())), None)


def _corrections(profile: Profile, text: str, rules: DialogueRules) -> dict[str, object]:
    """"Sorry typo, 66k not 60k", "it's 7 years not 6", "not really in Oxford, I live in Abingdon": a value
    the coach holds, said to be wrong, is replaced by the other value of its kind the message gives."""
    out: dict[str, object] = {}
    denied = _denied_numbers(text, rules)
    if profile.salary and profile.salary in denied:
        figures = (_amount(found, rules) for found in re.finditer(_MONEY, text, re.IGNORECASE))
        out["salary"] = next((f for f in figures if f is not None and f != profile.salary), None)
    if profile.years and profile.years in denied:
        years = _years(text, rules)
        out["years"] = years if years != profile.years else None
    if profile.hours_per_week and profile.hours_per_week in denied:
        hours = _hours(text, rules) or _bare_hours(text, rules)
        out["hours_per_week"] = hours if hours != profile.hours_per_week else None
    if profile.location and _denied_place(profile.location, text, rules):
        named = [p for p in rules.places if p.casefold() != profile.location.casefold()
                 and re.search(rf"\b{re.escape(p)}\b", text, re.IGNORECASE)]
        out["location"] = _named_place(text, rules, but=profile.location) or (named[0] if named else None)
    return {name: value for name, value in out.items() if value is not None}


def learn(profile: Profile, text: str, kb: Knowledge, rules: DialogueRules, extract: Extract) -> Learned:
    """A new profile with whatever this message says about the user; equal to the old one if nothing."""
    claims = _read_claims(text, kb, rules, extract)
    corrected = _corrections(profile, text, rules)
    correcting = re.match(rules.correction_opening, normalise(text)) is not None
    if claims.hours is None and profile.hours_per_week and correcting:
        claims.hours = _bare_hours(text, rules)  # "make that 12 hours": the week is understood
    if claims.salary in (None, profile.salary) and profile.salary and correcting:
        claims.salary = _bare_pay(text, rules, but=profile.salary)  # "apologies, I got that wrong. It's £57k"
    if claims.years in (None, profile.years) and profile.years and correcting:
        claims.years = _bare_years(text, rules, but=profile.years)  # "I said 5 years but really is 6"
    updated = profile.model_copy(update={
        "current_role": claims.role or profile.current_role,
        "years": claims.years or profile.years,
        "known_skills": _merge(profile.known_skills, claims.known, claims.lacking),
        "lacking_skills": _merge(profile.lacking_skills, claims.lacking, claims.known),
        "ratings": _ratings_kept(profile.ratings, claims, rules),
        "salary": claims.salary or profile.salary,
        "hours_per_week": claims.hours or profile.hours_per_week,
        "location": claims.place or _named_place(text, rules) or profile.location,
        **corrected,
    })
    changed = [name for name in FORGETTABLE if getattr(updated, name) != getattr(profile, name)]
    if changed:
        updated = updated.model_copy(update={"last_learned": changed})
    # an offer they mention ("offer is 45k, feels low") wants weighing, not just noting
    asks = claims.asks or "?" in text or offer_figure(text, rules) is not None \
        or _has_phrase(_without(normalise(text), rules.self_reference), rules.question_words)
    return Learned(updated, bool(changed) and not asks)


def _ratings_kept(ratings: dict[str, int], claims: Claims, rules: DialogueRules) -> dict[str, int]:
    """The ratings held, with the new ones; a rating the person has since contradicted in words ("scratch
    what I said about feature stores... I'd call it decent") is dropped, so they are never both known
    and rated 1/5."""
    kept = {skill: rating for skill, rating in ratings.items()
            if not (skill in claims.known and rating < rules.gap_below
                    or skill in claims.lacking and rating >= rules.gap_below)}
    return {**kept, **claims.ratings}


def _bare_pay(text: str, rules: DialogueRules, but: int) -> int | None:
    """In a correction of their pay, a figure marked as money ("£57k", "57,000") other than the one held."""
    for found in re.finditer(_MONEY, text, re.IGNORECASE):
        amount = _amount(found, rules)
        if amount is not None and amount != but:
            return amount
    return None


def _bare_years(text: str, rules: DialogueRules, but: int) -> int | None:
    """In a correction that speaks of years, the last small number other than the one held."""
    if not _has_phrase(normalise(text), rules.years):
        return None
    numbers = [int(n) for n in re.findall(r"\b(\d{1,2})\b", text) if int(n) != but]
    return numbers[-1] if numbers else None


def _without(text: str, phrases: list[str]) -> str:
    """The text with the user's own "I can", "I could" taken out: those say something, they ask nothing."""
    padded = f" {text} "
    for phrase in sorted(phrases, key=len, reverse=True):
        padded = padded.replace(f" {phrase} ", " ")
    return padded.strip()


# Profile fields a person can ask the coach to forget, grouped as they name them.
FORGETTABLE = ("current_role", "years", "known_skills", "lacking_skills", "ratings", "salary",
               "hours_per_week", "location")
FIELD_GROUPS = {
    "salary": ("salary",),
    "location": ("location",),
    "hours": ("hours_per_week",),
    "skills": ("known_skills", "lacking_skills", "ratings"),
    "background": ("current_role", "years"),
}


def _names_other(plain: str, rules: DialogueRules) -> bool:
    """"forget the bit about my kids": the message names something the coach does not hold, so "that"
    does not fall back to what it learned last."""
    held = {w for words in rules.forget_fields.values() for phrase in words for w in normalise(phrase).split()}
    named = re.findall(r"\b(?:my|about)\s+(\w+)", plain)
    return any(word not in held and word not in rules.forget_pointers for word in named)


def forget(
    profile: Profile, text: str, rules: DialogueRules, stated: Sequence[str] = ()
) -> tuple[Profile, list[str]]:
    """"Forget my salary", "forget that", "forget everything", "forget that I'm in London" (`stated`: the
    fields the message itself states): the profile without those facts, and which fields went, so the
    reply can say exactly what was forgotten."""
    plain = normalise(text)
    if _has_phrase(plain, [normalise(w) for w in rules.forget_everything]):
        fields = list(FORGETTABLE)
    else:
        named = [group for group, words in rules.forget_fields.items()
                 if _has_phrase(plain, [normalise(w) for w in words])]
        fields = [f for group in named for f in FIELD_GROUPS.get(group, ())] or list(stated) \
            or ([] if _names_other(plain, rules) else list(profile.last_learned))
    blank = Profile()
    gone = [f for f in fields if getattr(profile, f) != getattr(blank, f)]
    return profile.model_copy(update={**{f: getattr(blank, f) for f in fields}, "last_learned": []}), gone
