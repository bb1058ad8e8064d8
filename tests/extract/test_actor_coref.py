"""Cross-document actor coreference (issue #15): one actor per real entity across the corpus.

Sentences and names are made up for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from lib.extract.actors.case import CaseStats
from lib.extract.actors.corpus import CorpusResolver
from lib.extract.actors.extract import _split_headlines, _team_nicknames, load_registry
from lib.extract.actors.spans import DocContext
from lib.records import Actor, Document, Mention
from lib.text.aliases import slug
from tests.extract.named import name_spans

REG = load_registry()


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, "", "", None, "unknown", "en", "", "", text, ())


def _ids(texts: dict[str, str], names: dict[str, list[tuple[str, str]]]) -> dict[tuple[str, str], str]:
    found = name_spans(texts, names)
    return {(m.doc_id, m.text): m.actor_id for m, _ in CorpusResolver(found, REG, texts).resolve(found)}


# --- a headline span that is no name gives its document's mentions back ---------------------


def _headline_case(headline_name: str) -> dict[tuple[str, str], str]:
    texts = {
        "h": "Hawks Beat Owls In Final\nThe Hawks scored twice. The Owls tried.",
        "x": "The Hawks beat the Owls at home. They beat them easily.",
        "y": "The Hawks trained. The Owls rested.",
    }
    chained = Actor(slug(headline_name), headline_name, "person")
    found: list[tuple[Mention, Actor]] = []
    found.append((Mention("h", chained.id, headline_name, 0, len(headline_name)), chained))
    for doc, text in texts.items():
        for word in ("Hawks", "Owls"):
            start = text.find(word, 1 if doc == "h" else 0)
            while start >= 0:
                own = Actor(slug(word), word, "organization")
                found.append(
                    (
                        Mention(doc, (chained if doc == "h" else own).id, word, start, start + len(word)),
                        chained if doc == "h" else own,
                    )
                )
                start = text.find(word, start + 1)
    contexts = [DocContext(_doc(d, t), None, REG) for d, t in texts.items()]  # type: ignore[arg-type]
    case = CaseStats()
    for t in texts.values():
        case.add(t)
    out = _split_headlines(contexts, sorted(found, key=lambda f: (f[0].doc_id, f[0].start)), set(), case)
    return {(m.doc_id, f"{m.text}@{m.start}"): a.id for m, a in out}


def test_mentions_chained_to_a_split_headline_span_stand_for_themselves() -> None:
    got = _headline_case("Hawks Beat Owls")
    body = {k: v for k, v in got.items() if k[0] == "h" and not k[1].endswith("@0")}
    assert body and set(body.values()) <= {"hawks", "owls"}
    assert "hawks-beat-owls" not in got.values()


def test_a_headline_name_the_corpus_knows_keeps_its_chain() -> None:
    # "Hawks" alone is a known name, not split: the chain of the document stays as it was
    got = _headline_case("Hawks")
    assert {v for k, v in got.items() if k[0] == "h"} == {"hawks"}


# --- a bare surname: its full name written in the report, or the company the reports keep ----

QUENNELLS = {
    "a": "Tobias Quennell spoke first. He said the plan would work.",
    "b": "Marguerite Quennell spoke next. She said it would not.",
}
BOTH = {"a": [("Tobias Quennell", "person")], "b": [("Marguerite Quennell", "person")]}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Forward Tobias Quennell scored. Quennell left early.", "tobias-quennell"),  # untagged full name
        ("Coach Marguerite Quennell smiled. Quennell left early.", "marguerite-quennell"),
        ("Quennell left early.", "quennell"),  # two bearers, nothing here: left alone
        ("Tobias Quennellson scored. Quennell left early.", "quennell"),  # not the name, a longer word
    ],
)
def test_bare_surname_by_the_full_name_written_in_its_report(text: str, want: str) -> None:
    texts = {**QUENNELLS, "c": text}
    got = _ids(texts, {**BOTH, "c": [("Quennell", "person")]})
    assert got[("c", "Quennell")] == want


def _company_corpus(
    third: list[tuple[str, str]], said: str = "Quennell spoke.", him: str = "Tobias", her: str = "Marguerite"
) -> dict[tuple[str, str], str]:
    """Two reports on ``him`` Quennell (with Ada Quillfeather and the Harrowgate Hawks), two on ``her``
    Quennell (with Ivo Brantwell and the Tarnside Council), twelve on others, and report "c":
    ``said``, then the names of ``third``."""
    texts: dict[str, str] = {}
    names: dict[str, list[tuple[str, str]]] = {}
    for i in range(2):
        texts[f"t{i}"] = f"{him} Quennell and Ada Quillfeather met the Harrowgate Hawks."
        names[f"t{i}"] = [
            (f"{him} Quennell", "person"),
            ("Ada Quillfeather", "person"),
            ("Harrowgate Hawks", "organization"),
        ]
        texts[f"m{i}"] = f"{her} Quennell and Ivo Brantwell met the Tarnside Council."
        names[f"m{i}"] = [
            (f"{her} Quennell", "person"),
            ("Ivo Brantwell", "person"),
            ("Tarnside Council", "organization"),
        ]
    for i in range(12):  # other reports, other people
        texts[f"o{i}"] = f"Someone named Person{i} Other{i} spoke."
        names[f"o{i}"] = [(f"Person{i} Other{i}", "person")]
    texts["c"] = f"{said} " + " ".join(n for n, _ in third)
    names["c"] = [("Quennell", "person"), *third]
    return _ids(texts, names)


@pytest.mark.parametrize(
    ("third", "want"),
    [
        ([("Ada Quillfeather", "person"), ("Harrowgate Hawks", "organization")], "tobias-quennell"),
        ([("Ivo Brantwell", "person"), ("Tarnside Council", "organization")], "marguerite-quennell"),
        ([], "quennell"),  # no company: left alone
        ([("Ada Quillfeather", "person"), ("Ivo Brantwell", "person")], "quennell"),  # a tie
    ],
)
def test_bare_surname_by_the_company_its_report_keeps(third: list[tuple[str, str]], want: str) -> None:
    assert _company_corpus(third)[("c", "Quennell")] == want


@pytest.mark.parametrize(("pronoun", "want"), [("She", "susan-quennell"), ("He", "quennell")])
def test_the_company_a_report_keeps_does_not_outweigh_its_pronouns(pronoun: str, want: str) -> None:
    """The report keeps Susan Quennell's company, but its "Quennell spoke. He added ..." is a man:
    not she, and left as written (the company chose her, not the pronouns)."""
    said = f"Quennell spoke on Monday. {pronoun} added that talks would go on. "
    said += f"Quennell left; {pronoun.lower()} waved."
    third = [("Ivo Brantwell", "person"), ("Tarnside Council", "organization")]
    assert _company_corpus(third, said, him="Daniel", her="Susan")[("c", "Quennell")] == want


# --- an acronym and the one body it spells ---------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "same", "apart"),
    [
        # the only body spelling it; a place spelling it too is not an organisation's expansion
        ([("a", "Harrow Press", "organization"), ("b", "HP", "organization")], "Harrow Press", None),
        (
            [
                ("a", "Harrow Press", "organization"),
                ("b", "Harrow Peninsula", "place"),
                ("c", "HP", "organization"),
            ],
            "Harrow Press",
            "Harrow Peninsula",
        ),
        # two bodies spell it: the one written beside the acronym
        (
            [
                ("a", "Harrow Press", "organization"),
                ("b", "Hill Parliament", "organization"),
                ("c", "HP", "organization"),
                ("c", "Hill Parliament", "organization"),
            ],
            "Hill Parliament",
            "Harrow Press",
        ),
        # two bodies, neither beside it: none
        (
            [
                ("a", "Harrow Press", "organization"),
                ("b", "Hill Parliament", "organization"),
                ("c", "HP", "organization"),
            ],
            None,
            "Harrow Press",
        ),
    ],
)
def test_acronym_expansion(rows: list[tuple[str, str, str]], same: str | None, apart: str | None) -> None:
    texts: dict[str, str] = {}
    names: dict[str, list[tuple[str, str]]] = {}
    for doc, surface, kind in rows:
        texts[doc] = (texts.get(doc, "") + " " + surface + " met.").strip()
        names.setdefault(doc, []).append((surface, kind))
    got = _ids(texts, names)
    acr = next(v for (d, t), v in got.items() if t == "HP")
    full = {t: v for (_, t), v in got.items()}
    if same:
        assert acr == full[same]
    if apart:
        assert acr != full[apart]


# --- a club called by its nickname -----------------------------------------------------------


@pytest.mark.parametrize(
    ("club", "nickname"),
    [
        ("Lowtown Herons", "herons"),
        ("The Lowtown Red Herons", "red herons"),
        ("Lowtown Police", None),  # a common word
        ("Lowtown DA", None),  # an acronym
        ("Lowtown Fish", None),  # a singular noun
        ("Upper Lowtown Herons", None),  # "Upper Lowtown" is no place here
    ],
)
def test_team_nicknames(club: str, nickname: str | None) -> None:
    case = CaseStats()
    case.add("Fans of the Herons and the Red Herons cheered. The Herons won and the Red Herons lost.")
    case.add(
        "The police came. The Police were few, said the police. A DA spoke. The Fish lost. The Fish won."
    )
    town = Actor("lowtown", "Lowtown", "place")
    body = Actor(slug(club), club, "organization")
    found = [
        (Mention("a", "lowtown", "Lowtown", 0, 7), town),
        (Mention("b", body.id, club, 0, len(club)), body),
    ]
    got = _team_nicknames(found, REG, case)
    assert (set(got) == {nickname}) if nickname else not got
    if nickname:
        assert got[nickname][1] == body


def test_team_nickname_two_clubs_share_is_left_out() -> None:
    case = CaseStats()
    case.add("Fans of the Herons cheered. The Herons won.")
    found: list[tuple[Mention, Actor]] = [
        (Mention("a", "lowtown", "Lowtown", 0, 7), Actor("lowtown", "Lowtown", "place"))
    ]
    found.append((Mention("a", "hilltop", "Hilltop", 0, 7), Actor("hilltop", "Hilltop", "place")))
    for club in ("Lowtown Herons", "Hilltop Herons"):
        found.append((Mention("b", slug(club), club, 0, len(club)), Actor(slug(club), club, "organization")))
    assert _team_nicknames(found, REG, case) == {}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Fans cheered as the Herons won. The Herons play again on Sunday.", ["Herons", "Herons"]),
        ("Fans cheered as herons flew over the river.", []),  # lower case: a bird
        ("The Herons Nest Cafe opened.", []),  # part of a longer name
    ],
)
def test_team_nickname_is_propagated(text: str, want: list[str]) -> None:
    from lib.extract.actors.extract import propagate_corpus

    texts = {
        "a": "The Lowtown Herons beat the visitors in Lowtown. The Herons were at home in Lowtown.",
        "b": text,
    }
    club = Actor("lowtown-herons", "Lowtown Herons", "organization")
    town = Actor("lowtown", "Lowtown", "place")
    found = [(Mention("a", club.id, "Lowtown Herons", 4, 18), club)]
    found += [(Mention("a", town.id, "Lowtown", s, s + 7), town) for s in (40, 76)]
    contexts = [DocContext(_doc(d, t), None, REG) for d, t in texts.items()]  # type: ignore[arg-type]
    case = CaseStats()
    for t in texts.values():
        case.add(t)
    got = [(m.doc_id, m.text, a.id) for m, a in propagate_corpus(contexts, found, set(), case)]
    assert [t for d, t, _ in got if d == "b"] == want
    assert all(a == "lowtown-herons" for _, t, a in got if t == "Herons")


# --- a lone first name after the full name; a club the model typed a place -------------------


@pytest.mark.parametrize(
    ("docs", "want"),
    [
        # the child named in full, then by her first name: one person
        ({"a": "Rosalind Ebbers was hurt. Rosalind is nine."}, "rosalind-ebbers"),
        # a report writes the word without the full name: a name of its own
        ({"a": "Rosalind Ebbers was hurt. Rosalind is nine.", "b": "Rosalind is a town."}, "rosalind"),
        # two people with that first name in the report: left alone
        ({"a": "Rosalind Ebbers and Rosalind Tuck were hurt. Rosalind is nine."}, "rosalind"),
    ],
)
def test_lone_first_name(docs: dict[str, str], want: str) -> None:
    people = ("Rosalind Ebbers", "Rosalind Tuck")
    names = {d: [(p, "person") for p in people if p in t] + [("Rosalind", "place")] for d, t in docs.items()}
    got = _ids(docs, names)
    assert got[("a", "Rosalind")] == want


@pytest.mark.parametrize(
    ("full_kind", "nick", "nick_kind", "same"),
    [
        ("place", "Herons", "person", True),  # both mistyped: still one club
        ("organization", "Herons", "organization", True),
        ("place", "Quennells", "person", False),  # a surname of a person the corpus names in full
        ("place", "Heron", "person", False),  # not a plural nickname
    ],
)
def test_club_and_nickname_whatever_the_model_typed(
    full_kind: str, nick: str, nick_kind: str, same: bool
) -> None:
    club = f"Lowtown {nick}"
    texts = {"a": f"The {club} won in Lowtown.", "b": f"The {nick} won again.", "c": "Ada Quennells spoke."}
    names = {
        "a": [(club, full_kind), ("Lowtown", "place")],
        "b": [(nick, nick_kind)],
        "c": [("Ada Quennells", "person")],
    }
    got = _ids(texts, names)
    assert (got[("a", club)] == got[("b", nick)]) is same


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Quarnby.com", "quarnby"),  # a site written for its publisher
        ("The Quarnby.org", "quarnby"),
        ("Quarnby.co.uk", "quarnby"),
        ("Quarnby", "quarnby"),
        ("Quarnby.compute", "quarnby.compute"),  # not a domain ending
        ("Quarnby. Com", "quarnby. com"),  # two words, no address
    ],
)
def test_org_key_drops_a_web_domain(name: str, key: str) -> None:
    from lib.extract.actors.corpus import org_key

    assert org_key(name) == key


@pytest.mark.parametrize(
    ("second", "same"),
    [
        ("the Governor's Office", True),  # the s-genitive of the first report's of-genitive
        ("the Governor’s Office", True),
        ("the Office of the Governor", True),
        ("the Office of the Mayor", False),  # another owner
        ("the Governor's Residence", False),  # another thing owned
    ],
)
def test_one_body_under_both_genitives(second: str, same: bool) -> None:
    texts = {"a": "The Office of the Governor met.", "b": f"{second[0].upper()}{second[1:]} met."}
    first = "Office of the Governor"
    other = second.removeprefix("the ")
    ids = _ids(texts, {"a": [(first, "organization")], "b": [(other, "organization")]})
    assert (ids[("a", first)] == ids[("b", other)]) is same, ids


# --- session 23: capitalised runs, numeral nicknames, names the model cut short -------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Herons defense held.", ["The Herons"]),  # "de" of "defense" is no particle
        ("Herons defeated Owls at home.", ["Herons", "Owls"]),
        ("The Bank of Lowtown lent.", ["The Bank of Lowtown"]),  # a particle between capitals
        ("Ann van Quill spoke.", ["Ann van Quill"]),
        ("Quill de la Mar spoke.", ["Quill", "Mar"]),  # a particle before lower case ends the run
    ],
)
def test_capitalised_runs(text: str, want: list[str]) -> None:
    from lib.extract.actors.spans import CAP_RUN

    assert [m.group(0) for m in CAP_RUN.finditer(text)] == want


@pytest.mark.parametrize(
    ("text", "source", "want"),
    [
        ("Fans of the Lowtown 76ers cheered.", "ner", ("Lowtown 76ers", "ORG")),
        ("LOWTOWN 76ERS WIN", "ner", ("LOWTOWN 76ERS", "ORG")),
        ("Fans of the Lowtown 49ers cheered.", "place", ("Lowtown 49ers", "ORG")),
        ("Music of Lowtown 1990s bands.", "ner", ("Lowtown", "GPE")),  # a decade, no nickname
        ("Lowtown 76 runs ahead.", "ner", ("Lowtown", "GPE")),  # a number
        ("Lowtown 76ers", "registry", ("Lowtown", "GPE")),  # the registry's spans stand
    ],
)
def test_club_with_a_numeral_nickname(text: str, source: str, want: tuple[str, str]) -> None:
    from lib.extract.actors.spans import Cand, _with_numeral_nickname

    start = text.lower().find("lowtown")
    ctx = DocContext(_doc("a", text), None, REG)  # type: ignore[arg-type]  # no parse read
    got = _with_numeral_nickname(ctx, Cand(start, start + 7, source, "GPE"))
    assert (text[got.start : got.end], got.label) == want


@pytest.mark.parametrize(
    ("text", "tagged", "want"),
    [
        ("The Lowtown Herons lost again.", "Lowtown", "Lowtown Herons"),  # cut short: the club
        ("Fans of Lowtown Herons sang.", "Herons", "Lowtown Herons"),
        ("The Lowtown Herons Nest opened.", "Lowtown", "Lowtown"),  # the run is another name
        ("Lowtown. Herons flew over.", "Lowtown", "Lowtown"),  # two runs, not one name
        ("Lowtown Herons", "Lowtown Herons", "Lowtown Herons"),  # already whole
    ],
)
def test_a_name_cut_short_is_the_longer_corpus_name(text: str, tagged: str, want: str) -> None:
    from lib.extract.actors.extract import _widened

    texts = {"a": "The Lowtown Herons won at home. Lowtown Herons fans sang.", "b": text}
    club = Actor("lowtown-herons", "Lowtown Herons", "organization")
    found = [(Mention("a", club.id, "Lowtown Herons", s, s + 14), club) for s in (4, 32)]
    start = text.find(tagged)
    own = Actor(slug(tagged), tagged, "place")
    found.append((Mention("b", own.id, tagged, start, start + len(tagged)), own))
    contexts = [DocContext(_doc(d, t), None, REG) for d, t in texts.items()]  # type: ignore[arg-type]
    case = CaseStats()
    for t in texts.values():
        case.add(t)
    got = [m.text for m, _ in _widened(contexts, found, set(), case) if m.doc_id == "b"]
    assert got == [want]


@pytest.mark.parametrize(
    ("sentence", "club"),
    [
        ("Lowtown scored twice late on.", True),  # the town acts in a report naming its club
        ("The visitors beat Lowtown 3-1.", True),
        ("Fans gathered in Lowtown after the game.", False),  # a preposition of place
        ("The team flew home at Lowtown airport.", False),  # venue
        ("Lowtown, France, is quiet.", False),  # a town's address
        ("Lowtown, Fr., is quiet.", False),
    ],
)
def test_town_stands_for_its_club_in_a_report_naming_it(sentence: str, club: bool) -> None:
    texts = {
        "a": "The Lowtown Herons won the cup.",  # the club named in full
        "b": f"The Herons were at home. {sentence}",
        "c": "Lowtown voted on Sunday.",  # no club in this report: the town
    }
    names = {
        "a": [("Lowtown Herons", "organization"), ("Lowtown", "place")],
        "b": [("Herons", "organization"), ("Lowtown", "place")],
        "c": [("Lowtown", "place")],
    }
    got = _ids(texts, names)
    assert (got[("b", "Lowtown")] == got[("a", "Lowtown Herons")]) is club
    assert got[("c", "Lowtown")] != got[("a", "Lowtown Herons")]


@pytest.mark.parametrize(
    ("nick_kind", "article", "club"),
    [
        ("organization", "the ", True),
        ("person", "the ", True),  # "the Red Herons": a group, whatever the model typed
        ("person", "", False),  # "Lowtown Ann Evans" could be a town and a person
    ],
)
def test_town_and_nickname_written_side_by_side(nick_kind: str, article: str, club: bool) -> None:
    nick = "Red Herons" if article else "Ann Evans"
    texts = {
        "a": f"The Lowtown {nick} won the cup.",  # two spans: the town, then the nickname
        "b": f"Once more {article}{nick} won. Lowtown scored twice.",
    }
    names = {"a": [("Lowtown", "place"), (nick, nick_kind)], "b": [(nick, nick_kind), ("Lowtown", "place")]}
    got = _ids(texts, names)
    assert (got[("b", "Lowtown")] == got[("b", nick)]) is club


def test_two_clubs_of_one_town_leave_it_alone() -> None:
    texts = {
        "a": "The Lowtown Herons and the Lowtown Owls met.",
        "b": "The Herons and the Owls met. Lowtown scored twice.",
    }
    names = {
        "a": [("Lowtown Herons", "organization"), ("Lowtown Owls", "organization")],
        "b": [("Herons", "organization"), ("Owls", "organization"), ("Lowtown", "place")],
    }
    got = _ids(texts, names)
    assert got[("b", "Lowtown")] == "lowtown"


@pytest.mark.parametrize(
    ("actor", "want"),
    [
        (Actor("lowtown-herons", "Lowtown Herons", "organization"), ("lowtown", "place")),  # the town
        (Actor("lowtown", "Lowtown", "organization"), ("lowtown", "place")),
        (Actor("lowtown", "Lowtown", "place"), ("lowtown", "place")),
    ],
)
def test_dateline_town_is_no_club(actor: Actor, want: tuple[str, str]) -> None:
    from lib.extract.actors.extract import _as_place

    got = _as_place(Mention("a", actor.id, "LOWTOWN", 0, 7), actor)
    assert (got.id, got.type) == want


@pytest.mark.parametrize(
    ("second", "same"),
    [
        ("Peggy Quill", True),  # a hypocorism of the first name written in full in the report
        ("Margaret Quill", True),
        ("Tom Quill", False),  # another first name: a relative
    ],
)
def test_hypocorism_beside_the_full_name_in_one_report(nlp: Any, second: str, same: bool) -> None:
    from lib.extract.actors.extract import extract_mentions

    text = f"Margaret Quill was hired as coach on Monday. Fans said {second} would do well."
    doc = _doc("a", text)
    _, mentions = extract_mentions([(doc, nlp(text))], REG)
    ids = {m.text: m.actor_id for m in mentions}
    assert (ids.get(second) == ids["Margaret Quill"]) is same


@pytest.mark.parametrize(
    ("full", "short", "kind", "same"),
    [
        ("Margaret Quill", "Peggy Quill", "place", True),  # read as a place: a first name and a surname
        ("Margaret Quill", "Peggy Quill", "organization", True),
        ("Margaret Quill", "Zeb Quill", "place", False),  # no first name the lexicon knows
        ("Margaret Quillan", "Peggy Quill", "place", False),  # no person of that surname
    ],
)
def test_first_name_and_known_surname_make_a_person(full: str, short: str, kind: str, same: bool) -> None:
    texts = {"a": f"{full} was hired.", "b": f"{short} was hired again."}
    got = _ids(texts, {"a": [(full, "person")], "b": [(short, kind)]})
    assert (got[("a", full)] == got[("b", short)]) is same


@pytest.mark.parametrize(
    ("text", "span", "firsts", "want"),
    [
        ("Board Flips Quill Ruling\nThe board met. Quill spoke.", "Flips Quill", set(), "Quill"),
        (
            "Board Flips Quill Ruling\nThe board met. Quill spoke.",
            "Flips Quill",
            {"flips"},
            None,
        ),  # a first name
        ("Board Hears J. Quill\nThe board met. Quill spoke.", "J. Quill", set(), None),  # an initial
        ("Board Flips Quill Ruling\nThe board met. Ann spoke.", "Flips Quill", set(), None),  # not alone here
        ("Notes\nBoard Flips Quill Ruling\nQuill spoke.", "Flips Quill", set(), None),  # not the headline
    ],
)
def test_headline_word_before_a_name(text: str, span: str, firsts: set[str], want: str | None) -> None:
    from lib.extract.actors.extract import _headline_word_and_name

    start = text.find(span)
    m = Mention("a", slug(span), span, start, start + len(span))
    got = _headline_word_and_name(
        text, m, {("a", "quill")} if "Quill spoke" in text else set(), frozenset(firsts)
    )
    assert [text[s:e] for s, e in got] == ([want] if want else [])


@pytest.mark.parametrize(
    ("titled", "same"),
    [
        ("Deputy Quill", True),  # a rank before the surname: the one Quill named in full
        ("Detective Quill", True),
        ("Officer Quill", True),
        ("Farmer Quill", False),  # no title: another first name
    ],
)
def test_rank_before_a_surname(titled: str, same: bool) -> None:
    texts = {"a": "Ann Quill was hurt on duty.", "b": f"{titled} was hurt on duty."}
    got = _ids(texts, {"a": [("Ann Quill", "person")], "b": [(titled, "person")]})
    assert (got[("a", "Ann Quill")] == got[("b", titled)]) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Mt Quill", "Mount Quill", True),
        ("Mt. Quill", "Mount Quill", True),
        ("St. Quill", "Saint Quill", True),
        ("Ft Quill", "Fort Quill", True),
        ("Quill St.", "Quill Saint", False),  # a street, not a saint: only a leading word
        ("Mt Quill", "Mount Quillan", False),
    ],
)
def test_leading_abbreviation_written_out(a: str, b: str, same: bool) -> None:
    from lib.extract.actors.corpus import org_key

    assert (org_key(a) == org_key(b)) is same


@pytest.mark.parametrize(
    ("span", "want"),
    [
        ("Kicker Ann Quill", "Ann Quill"),  # a role noun the corpus writes in lower case
        ("unbeaten Ann Quill", "Ann Quill"),  # a lower-case word the model ran in
        ("Ann Quill", "Ann Quill"),  # two words stay
        ("Ann Beth Quill", "Ann Beth Quill"),  # a middle name is capitalised in running text
        ("Kicker Quill", "Kicker Quill"),  # a surname alone is no name to keep: left as it is
    ],
)
def test_person_span_opened_on_a_common_word(span: str, want: str) -> None:
    from lib.extract.actors.extract import _without_leading_common_words

    texts = [f"{span} kicked twice.\nThe kicker missed once. Quill left.", "Ann Beth Quill and Beth spoke."]
    case = CaseStats()
    for t in texts:
        case.add(t)
    person = Actor(slug(span), span, "person")
    surname = texts[0].find("Quill left")
    found = [
        (Mention("a", person.id, span, 0, len(span)), person),
        (Mention("a", person.id, "Quill", surname, surname + 5), person),  # chained to the long span
    ]
    out = _without_leading_common_words(found, case)
    assert out[0][0].text == want and texts[0][out[0][0].start : out[0][0].end] == want
    assert out[0][1].name == want and out[1][1].id == out[0][1].id


@pytest.mark.parametrize(
    ("first_a", "first_b", "company", "together", "same"),
    [
        ("Orvar", "Osmund", True, False, True),  # one initial, reports naming the same others
        ("Orvar", "Osmund", False, False, False),  # no shared company: two people
        ("Orvar", "Marten", True, False, False),  # another initial
        ("Orvar", "Osmund", True, True, False),  # named side by side: relatives
    ],
)
def test_first_name_variants_in_the_reports_of_one_event(
    first_a: str, first_b: str, company: bool, together: bool, same: bool
) -> None:
    others = "Orla Vantreck, the Brisco Trust and the Kelmar Institute" if company else "nobody"
    filler = {f"f{i}": f"Report {i} on the weather." for i in range(40)}
    texts = {
        "a": f"{first_a} Quorn met {others}." + (f" {first_b} Quorn came too." if together else ""),
        "b": f"{first_b} Quorn met {others}.",
        **filler,
    }
    shared = [
        ("Orla Vantreck", "person"),
        ("Brisco Trust", "organization"),
        ("Kelmar Institute", "organization"),
    ]
    names = {
        "a": [(f"{first_a} Quorn", "person"), *(shared if company else [])]
        + ([(f"{first_b} Quorn", "person")] if together else []),
        "b": [(f"{first_b} Quorn", "person"), *(shared if company else [])],
        **{d: [("Report", "organization")] for d in filler},
    }
    got = _ids(texts, names)
    assert (got[("a", f"{first_a} Quorn")] == got[("b", f"{first_b} Quorn")]) is same


@pytest.mark.parametrize(
    ("span", "body", "want"),
    [
        # a headline's verb or noun after the name the running text writes
        ("Odile Varga Resigns", "Odile Varga left the board on Friday.", "Odile Varga"),
        ("Brindle Mills Unveils", "Brindle Mills said on Friday it would hire staff.", "Brindle Mills"),
        # a club's nickname the running text writes capitalised stays in the name
        ("Lowtown Herons", "Lowtown beat them, and the Herons sang.", None),
        # no leading words the running text writes as a name: left as it is
        ("Odile Varga Resigns", "The board met on Friday.", None),
        # a word of a name the running text writes, though never capitalised alone there
        # (only before a possessive): no headline word
        ("Odile Varga", "Odile said so, and Odile Varga’s team left.", None),
    ],
)
def test_headline_words_after_a_name(span: str, body: str, want: str | None) -> None:
    from lib.extract.actors.case import case_stats
    from lib.extract.actors.extract import _corpus_names, _name_and_headline_words

    text = f"{span} After Long Dispute\n{body} The staff resigns often."
    kinds = {"Odile Varga": "person", "Odile": "person", "Brindle Mills": "organization"}
    kinds |= {"Lowtown": "place", "Herons": "organization"}
    names = _corpus_names(name_spans({"a": body}, {"a": list(kinds.items())}))
    words = frozenset(w for k in names for w in k.split())
    m = Mention("a", slug(span), span, 0, len(span))
    got = _name_and_headline_words(text, m, names, words, case_stats([text]))
    assert [text[s:e] for s, e in got] == ([want] if want else [])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Odile Varga Resigns\nOdile Varga left the board.", "Odile Varga"),
        ("March 3, 2031 10:15 GMT\nOdile Varga Resigns\nOdile Varga left the board.", "Odile Varga"),
        # a results table's row further down is no headline
        ("Results\nOdile Varga left the board.\nOdile Varga Resigns Her Seat", None),
        ("RESULTS OF THE VOTE\nOdile Varga Resigns Her Seat\nOdile Varga left the board.", None),
    ],
)
def test_headline_words_only_in_the_headline(text: str, want: str | None) -> None:
    from lib.extract.actors.case import case_stats
    from lib.extract.actors.extract import _corpus_names, _name_and_headline_words

    body = text.splitlines()[-1] if want else text.splitlines()[1]
    names = _corpus_names(name_spans({"a": body}, {"a": [("Odile Varga", "person")]}))
    start = text.find("Odile Varga Resigns")
    span = "Odile Varga Resigns"
    m = Mention("a", slug(span), span, start, start + len(span))
    got = _name_and_headline_words(text, m, names, frozenset(), case_stats([text]))
    assert [text[s:e] for s, e in got] == ([want] if want else [])


# --- a body's short form is its head word, which an of-name has before "of" ------------------


def test_a_short_form_two_bodies_share_as_head_links_to_neither() -> None:
    """ "House" is the head of "Brindle House" and of "House of Wardens" alike (the word before an
    of-phrase is a name's head): in an event naming both, the bare form is neither corpus-wide
    (its report says which), and "House of Wardens" never joins "Brindle House" through it."""
    text = (
        "{a} said on Monday that the harbour levy would be signed. {b} passed the harbour levy "
        "on Friday after a long debate, and the House will vote on the levy again next week."
    )
    texts = {d: text.format(a="Brindle House", b="House of Wardens") for d in ("r1", "r2", "r3")}
    names = {
        d: [
            ("Brindle House", "organization"),
            ("House of Wardens", "organization"),
            ("House", "organization"),
        ]
        for d in texts
    }
    got = _ids(texts, names)
    assert got[("r1", "Brindle House")] != got[("r1", "House of Wardens")]
    assert got[("r1", "House")] not in (got[("r1", "Brindle House")], got[("r1", "House of Wardens")])


# --- a club's nickname the model calls a person, after its full name in the report ------------


@pytest.mark.parametrize(
    ("second", "same"),
    [
        ("The Kestrels won again on Sunday.", True),  # "the" and a plural: a group, whatever the model typed
        ("Kestrels said he would stay.", False),  # no article: the model's person stands
    ],
)
def test_a_nickname_typed_a_person_is_the_short_form_of_its_club(second: str, same: bool) -> None:
    """News names a club in full once and by its nickname after ("the Brenmoor Kestrels ... the
    Kestrels"); the model often reads the bare plural as a person, but a person's name takes no
    article. The town is one the gazetteer does not know, so only the short form links them."""
    texts = {"a": f"The Brenmoor Kestrels beat the visitors 3-1 on Saturday. {second}"}
    nick_start = texts["a"].find("Kestrels", texts["a"].find("Kestrels") + 1)
    found = name_spans(texts, {"a": [("Brenmoor Kestrels", "organization")]})
    nick = Actor("kestrels", "Kestrels", "person")
    found.append((Mention("a", nick.id, "Kestrels", nick_start, nick_start + len("Kestrels")), nick))
    resolver = CorpusResolver(found, REG, texts)
    got = {(m.doc_id, m.start): m.actor_id for m, _ in resolver.resolve(found)}
    club = got[("a", texts["a"].find("Brenmoor Kestrels"))]
    assert (got[("a", nick_start)] == club) is same
    if same:  # the club keeps its full name on the pages
        assert resolver.canonical()[club].name == "Brenmoor Kestrels"


# --- one name romanised two ways, in reports of different events ------------------------------


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Oleksiy Kryvenko", "Oleksii Krivenko", True),  # "й" and "и" written y / i
        ("Dmitriy Sokhalenko", "Dmitry Sohalenko", True),  # "х" written kh / h
        ("Taras Kryvenko", "Oleksii Krivenko", False),  # another first name: another person
        ("Ann Smyth", "Ann Smith", False),  # a short English surname: another family
    ],
)
def test_a_name_romanised_two_ways_is_one_person(first: str, second: str, same: bool) -> None:
    texts = {
        "a": f"{first} opened the new bridge over the river on Monday.",
        "b": f"The wheat harvest fell by a tenth, {second} told the farmers' union.",
    }
    names = {"a": [(first, "person")], "b": [(second, "person")]}
    got = _ids(texts, names)
    assert (got[("a", first)] == got[("b", second)]) is same


# --- a body named by its leading words after its full name -----------------------------------


@pytest.mark.parametrize(
    ("body", "short", "kind", "same"),
    [
        ("Halden Catholic High School", "Halden Catholic", "person", True),  # two words read as a person
        ("Brenmoor Valley Hospital", "Brenmoor Valley", "person", True),
        ("Ann Avery Foundation", "Ann Avery", "person", False),  # a first name: the person it is named after
        ("Brenmoor Valley University", "Brenmoor Valley", "place", False),  # the place it is named after
    ],
)
def test_a_body_by_its_leading_words_after_its_full_name(
    body: str, short: str, kind: str, same: bool
) -> None:
    texts = {"a": f"Pupils of {body} marched on Monday. {short} reopened on Tuesday after the march."}
    names = {"a": [(body, "organization"), (short, kind)]}
    found = name_spans(texts, names)
    resolver = CorpusResolver(found, REG, texts)
    got = {m.text: m.actor_id for m, _ in resolver.resolve(found)}
    assert (got[body] == got[short]) is same
    kinds = {a.id: a.type for a in resolver.canonical().values()}
    assert kinds[got[short]] == ("organization" if same else kind)
