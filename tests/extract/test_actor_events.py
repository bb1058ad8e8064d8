"""Reports of one event and the name variants linked inside them (issue #15).

Sentences and names are made up for these tests.
"""

from __future__ import annotations

import pytest

from lib.extract.actors.corpus import (
    CorpusResolver,
    PersonName,
    _alike_firsts,
    _gendered_pair,
    _near_surname,
    person_name,
    soundex,
)
from lib.extract.actors.extract import _addresses, load_registry
from lib.extract.actors.reports import report_groups
from lib.extract.actors.spans import DocContext
from lib.records import Actor, Document, Mention
from lib.text.aliases import slug
from tests.extract.named import name_spans

REG = load_registry()

# Two events: a ferry grounded off a made-up island, and a bakery fire in a made-up town.
FERRY = (
    "The ferry Marlow Star ran aground off Pellin Island on Tuesday night, and coastguard crews "
    "took all ninety passengers ashore by lifeboat before dawn, the harbour office said. "
)
FERRY_2 = (
    "Coastguard crews brought ninety passengers ashore by lifeboat after the ferry Marlow Star ran "
    "aground off Pellin Island late on Tuesday, the harbour office confirmed. "
)
FIRE = (
    "A fire gutted the old Brindle bakery on Canal Row in Lowtown on Sunday; firefighters fought the "
    "blaze for six hours and two neighbouring shops were evacuated. "
)
FIRE_2 = (
    "Firefighters needed six hours to put out the blaze that gutted the Brindle bakery on Canal Row, "
    "Lowtown, on Sunday, and two shops next door were evacuated. "
)


def test_reports_of_one_event_are_grouped() -> None:
    groups = report_groups({"f1": FERRY, "f2": FERRY_2, "b1": FIRE, "b2": FIRE_2})
    assert groups["f1"] == groups["f2"]
    assert groups["b1"] == groups["b2"]
    assert groups["f1"] != groups["b1"]


@pytest.mark.parametrize("order", [["f1", "b1", "f2", "b2"], ["b2", "f2", "b1", "f1"]])
def test_groups_do_not_depend_on_the_order_or_the_ids(order: list[str]) -> None:
    texts = {"f1": FERRY, "f2": FERRY_2, "b1": FIRE, "b2": FIRE_2}
    groups = report_groups({f"x{i}{d[::-1]}": texts[d] for i, d in enumerate(order)})
    by_text = {texts[d]: groups[f"x{i}{d[::-1]}"] for i, d in enumerate(order)}
    assert (by_text[FERRY] == by_text[FERRY_2], by_text[FIRE] == by_text[FIRE_2]) == (True, True)
    assert by_text[FERRY] != by_text[FIRE]


@pytest.mark.parametrize(
    "texts",
    [
        {"a": "Ann Avery spoke.", "b": "Ann Avery left."},  # one shared name is no event
        {"a": FERRY, "b": FIRE},
        {"a": FERRY},
    ],
)
def test_unrelated_or_short_reports_stay_apart(texts: dict[str, str]) -> None:
    groups = report_groups(texts)
    assert len(set(groups.values())) == len(texts)


def _resolved(texts: dict[str, str], names: dict[str, list[tuple[str, str]]]) -> dict[tuple[str, str], str]:
    found = name_spans(texts, names)
    return {(m.doc_id, m.text): m.actor_id for m, _ in CorpusResolver(found, REG, texts).resolve(found)}


@pytest.mark.parametrize(
    ("fire_people", "want"),
    [
        # The fire's reports name one Avery in full: a bare "Avery" there is that one, though the
        # corpus has two (the ferry's captain is another).
        ([("Ann Avery", "person")], "ann-avery"),
        # Two Averys named in the fire's reports: the bare one stays itself (the ambiguity guard).
        ([("Ann Avery", "person"), ("Cal Avery", "person")], "avery"),
    ],
)
def test_bare_surname_by_its_event(fire_people: list[tuple[str, str]], want: str) -> None:
    texts = {
        "f1": FERRY + "Captain Bo Avery said the tide was low.",
        "f2": FERRY_2 + "Bo Avery, the captain, was unhurt.",
        "b1": FIRE + "The owner, Ann Avery, wept. Her cousin Cal Avery helped.",
        "b2": FIRE_2 + "Avery said she would rebuild.",
    }
    names = {
        "f1": [("Bo Avery", "person")],
        "f2": [("Bo Avery", "person")],
        "b1": fire_people,
        "b2": [("Avery", "person")],
    }
    assert _resolved(texts, names)[("b2", "Avery")] == want


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ("Alexis Quill", True),  # three first letters alike
        ("A. Quill", True),  # an initial
        ("Kurbanguly Quill", True),  # a transliteration of Gurbanguli
        ("Tobias Quill", False),  # two people of one family
    ],
)
def test_full_names_of_one_surname_in_one_event(other: str, same: bool) -> None:
    first = "Gurbanguli Quill" if other.startswith("Kurbanguly") else "Alexandros Quill"
    texts = {"b1": FIRE + f"The baker {first} was at home.", "b2": FIRE_2 + f"The baker {other} slept."}
    got = _resolved(texts, {"b1": [(first, "person")], "b2": [(other, "person")]})
    assert (got[("b1", first)] == got[("b2", other)]) is same


@pytest.mark.parametrize(
    ("first", "other", "same"),
    [
        ("Duncan Threlkeld", "Duncan Threlkelde", True),  # a silent letter more
        ("Oskar Pellowsky", "Oskar Pellowskyy", True),  # a transliteration's doubled letter
        ("Ivo Del Brenta", "Ivo DelBrenta", True),  # written apart and together
        ("Ivo Varnakhmetov", "Ivo Varnahmetov", True),  # a long name transliterated otherwise
        ("Ivo Thomlin", "Ivo Thomplin", False),  # one consonant more: another family's name
        ("Ivo Marsten", "Ivo Marstens", False),  # another consonant sound at the end
        ("Ivo Quill", "Ivo Quall", False),
    ],
)
def test_near_spellings_of_a_surname_in_one_event(first: str, other: str, same: bool) -> None:
    texts = {"b1": FIRE + f"The baker {first} was at home.", "b2": FIRE_2 + f"The baker {other} slept."}
    got = _resolved(texts, {"b1": [(first, "person")], "b2": [(other, "person")]})
    assert (got[("b1", first)] == got[("b2", other)]) is same


def test_near_spellings_of_a_surname_in_two_events_stay_apart() -> None:
    texts = {
        "f1": FERRY + "The captain Duncan Threlkeld spoke.",
        "b1": FIRE + "The baker Duncan Threlkelde slept.",
    }
    names = {"f1": [("Duncan Threlkeld", "person")], "b1": [("Duncan Threlkelde", "person")]}
    got = _resolved(texts, names)
    assert got[("f1", "Duncan Threlkeld")] != got[("b1", "Duncan Threlkelde")]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("thomlin", "thomplin", False),
        ("marsten", "marstens", False),
        ("threlkeld", "threlkelde", True),
        ("hollick", "hollik", True),  # "ck" and "k" one sound
        ("pellowsky", "pellowskyy", True),
        ("del brenta", "delbrenta", True),
        ("quill", "quall", False),  # not near enough
    ],
)
def test_near_surnames(a: str, b: str, same: bool) -> None:
    assert _near_surname(a, b) is same


@pytest.mark.parametrize(
    ("name", "code"),
    [("Thomlin", "t545"), ("Thomplin", "t5145"), ("Hollick", "h42"), ("Ashcraft", "a2613"), ("", "")],
)
def test_soundex(name: str, code: str) -> None:
    assert soundex(name) == code


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("alexis", "alexandros", True),
        ("t", "tom", True),
        ("kurbanguly", "gurbanguli", True),
        ("tyson", "tara", False),
        ("mark", "miles", False),
        ("j", "tom", False),
        ("sara", "sarah", True),  # one letter more, silent
        ("ana", "anna", True),  # doubled
        ("tim", "tom", False),  # one letter other: two names
        ("dan", "dean", False),  # a letter that is another sound
        ("mathew", "matthew", True),
    ],
)
def test_alike_first_names(a: str, b: str, same: bool) -> None:
    assert _alike_firsts(a, b) is same


@pytest.mark.parametrize(
    ("name", "writes", "person"),
    [
        ("Lowtown QB Ann Avery", True, True),  # a team and a position before the name
        ("Harbour Sergeant Ann Avery", True, True),
        ("Lowtown Herons", False, False),  # no name at its end
    ],
)
def test_name_after_its_descriptor(name: str, writes: bool, person: bool) -> None:
    texts = {
        "b1": FIRE + f"{name} was there.",
        "b2": FIRE_2 + "Ann Avery watched. Avery said little.",
    }
    names = {
        "b1": [(name, "organization")],
        "b2": [("Ann Avery", "person"), ("Avery", "person")],
    }
    got = _resolved(texts, names)
    assert (got[("b1", name)] == got[("b2", "Ann Avery")]) is person


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, "", "", None, "unknown", "en", "", "", text, ())


@pytest.mark.parametrize(
    ("text", "state_is_town"),
    [
        ("The fire broke out in Lowtown, Freedonia, on Sunday.", True),
        ("The fire broke out in Lowtown, Freedonia.", True),
        ("Crews came from Lowtown, Freedonia and Upland.", False),  # a list of places
        ("Crews came from Lowtown, Freedonia, Upland and Marsh.", False),
    ],
)
def test_town_and_its_state_name_the_town(text: str, state_is_town: bool) -> None:
    town, state = Actor("lowtown", "Lowtown", "place"), Actor("freedonia", "Freedonia", "country")
    found = []
    for actor in (town, state):
        start = text.index(actor.name)
        found.append((Mention("d", actor.id, actor.name, start, start + len(actor.name)), actor))
    contexts = [DocContext(_doc("d", text), None, REG)]  # type: ignore[arg-type]
    out = _addresses(contexts, found)
    assert (out[1][1].id == slug("Lowtown")) is state_is_town
    assert out[1][0].text == "Freedonia"  # the mention keeps its own words and span


@pytest.mark.parametrize(
    ("fire_people", "kind", "want"),
    [
        # A report of the event calls the baker by first name alone; another names him in full.
        ([("Tobin Marsh", "person")], "person", "tobin-marsh"),
        # Two Tobins named in the event's reports: the first name says no one.
        ([("Tobin Marsh", "person"), ("Tobin Quill", "person")], "person", "tobin"),
        # The word typed no person: across reports the bolder link needs both typed people.
        ([("Tobin Marsh", "person")], "organization", "tobin"),
    ],
)
def test_first_name_by_its_event(fire_people: list[tuple[str, str]], kind: str, want: str) -> None:
    texts = {
        "b1": FIRE + "The baker, Tobin Marsh, and his friend Tobin Quill watched.",
        "b2": FIRE_2 + "Tobin watched from the street.",
    }
    assert _resolved(texts, {"b1": fire_people, "b2": [("Tobin", kind)]})[("b2", "Tobin")] == want


def test_a_club_hung_on_a_described_name_is_the_club() -> None:
    texts = {
        "b1": FIRE + "Lowtown QB Ann Avery helped. Lowtown lost on Sunday.",
        "b2": FIRE_2 + "Ann Avery watched. Avery said little. Lowtown lost on Sunday.",
    }
    long = Actor("lowtown-qb-ann-avery", "Lowtown QB Ann Avery", "organization")
    found = name_spans(
        texts, {"b2": [("Ann Avery", "person"), ("Avery", "person"), ("Lowtown", "organization")]}
    )
    at = texts["b1"].index("Lowtown lost")
    found += [
        (
            Mention(
                "b1", long.id, long.name, texts["b1"].index(long.name), texts["b1"].index(long.name) + 20
            ),
            long,
        ),
        (Mention("b1", long.id, "Lowtown", at, at + 7), long),  # a chain hung the town on the long span
    ]
    got = {(m.doc_id, m.start): m.actor_id for m, _ in CorpusResolver(found, REG, texts).resolve(found)}
    assert got[("b1", at)] == "lowtown"
    assert got[("b1", texts["b1"].index(long.name))] == "ann-avery"


def _typed(texts: dict[str, str], names: dict[str, list[tuple[str, str]]]) -> dict[tuple[str, str], str]:
    found = name_spans(texts, names)
    return {(m.doc_id, m.text): a.type for m, a in CorpusResolver(found, REG, texts).resolve(found)}


@pytest.mark.parametrize(
    ("kinds", "want"),
    [
        # The model types the made-up town a place in two of the fire's reports and a body in the
        # third: one sense in the reports of one event.
        (("place", "place", "organization"), ("place", "place", "place")),
        (("organization", "organization", "place"), ("organization",) * 3),
        # One each way, and a third report of another event: nothing to go by, each keeps its own.
        (("place", "organization", None), ("place", "organization", None)),
    ],
)
def test_one_name_one_kind_in_an_event(kinds: tuple[str | None, ...], want: tuple[str | None, ...]) -> None:
    texts = {
        "b1": FIRE + "Mayor Tobin Marsh of Brindleford came.",
        "b2": FIRE_2 + "Brindleford sent help.",
        "b3": "A fire gutted the Brindle bakery on Canal Row; firefighters fought the blaze six hours. "
        "Brindleford thanked them.",
    }
    names = {d: [("Brindleford", k)] for d, k in zip(("b1", "b2", "b3"), kinds, strict=True) if k}
    got = _typed(texts, names)
    assert tuple(got.get((d, "Brindleford")) for d in ("b1", "b2", "b3")) == want


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Ann (Annie) Avery", PersonName("ann", "avery", "", "annie")),
        ('Robert "Bobby" Quill', PersonName("robert", "quill", "", "bobby")),
        ("Robert “Bobby” Quill", PersonName("robert", "quill", "", "bobby")),
        ("Ann Avery", PersonName("ann", "avery", "", "")),
        # Surname particles belong to the surname; a name opening with one has no first name.
        ("Ann de Vries", PersonName("ann", "de vries", "", "")),
        ("Tobin La Marsh", PersonName("tobin", "la marsh", "", "")),
        ("La Marsh", PersonName("", "la marsh", "", "")),
        ("Vanden Quill", PersonName("", "vanden quill", "", "")),
        ("Omar bin Tariq", PersonName("omar", "bin tariq", "", "")),
        # Capitalised, these are first names too.
        ("Van Avery", PersonName("van", "avery", "", "")),
        ("Al Quill", PersonName("al", "quill", "", "")),
        ("Ann E Avery", PersonName("ann", "avery", "", "")),  # an initial, not the particle "e"
        ("Ann de", None),
    ],
)
def test_person_name_parts(name: str, want: PersonName | None) -> None:
    assert person_name(name, frozenset()) == want


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Sgt Avery", PersonName("", "avery", "", "")),  # a title written without its full stop
        ("Sgt. Avery", PersonName("", "avery", "", "")),
        ("Sage Avery", PersonName("sage", "avery", "", "")),
    ],
)
def test_title_without_full_stop(name: str, want: PersonName) -> None:
    assert person_name(name, frozenset({"Sgt."})) == want


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ("Bobby Quill", True),  # the name he goes by, written inside his full name elsewhere
        ("Tom Quill", False),
    ],
)
def test_nickname_inside_a_full_name(other: str, same: bool) -> None:
    full = 'Robert "Bobby" Quill'
    texts = {"b1": FIRE + f"The baker {full} was at home.", "f1": FERRY + f"{other} steered."}
    got = _resolved(texts, {"b1": [(full, "organization")], "f1": [(other, "person")]})
    assert (got[("b1", full)] == got[("f1", other)]) is same


@pytest.mark.parametrize(
    ("bodies", "want"),
    [
        # The fire's reports name the bakery in full and, after, by its last word.
        ([("Brindle Mills", "organization")], "brindle-mills"),
        # Two bodies of the event end with the word: it says neither.
        ([("Brindle Mills", "organization"), ("Canal Mills", "organization")], "mills"),
        # A coordination of two bodies is no body's full name.
        ([("Brindle and Canal Mills", "organization")], "mills"),
    ],
)
def test_short_form_of_a_body_in_its_event(bodies: list[tuple[str, str]], want: str) -> None:
    texts = {
        "b1": FIRE + "The owners, Brindle Mills and Canal Mills, and Brindle and Canal Mills, met.",
        "b2": FIRE_2 + "Mills said it would rebuild.",
    }
    got = _resolved(texts, {"b1": bodies, "b2": [("Mills", "organization")]})
    assert got[("b2", "Mills")] == want


def test_short_form_of_a_body_is_no_known_surname() -> None:
    texts = {
        "b1": FIRE + "The owners, Brindle Mills, met. Ann Mills spoke.",
        "b2": FIRE_2 + "Mills said it would rebuild.",
    }
    names = {
        "b1": [("Brindle Mills", "organization"), ("Ann Mills", "person")],
        "b2": [("Mills", "organization")],
    }
    assert _resolved(texts, names)[("b2", "Mills")] == "mills"


@pytest.mark.parametrize(
    ("papers", "report", "want"),
    [
        # One place-led paper in the corpus: its short form is it everywhere.
        (["Lowtown Courier"], "The Lowtown Courier reported it. The Courier added more.", "lowtown-courier"),
        # Two papers share the short form: the one its report names.
        (
            ["Lowtown Courier", "Upton Courier"],
            "The Lowtown Courier reported it. The Courier added more.",
            "lowtown-courier",
        ),
        (
            ["Lowtown Courier", "Upton Courier"],
            "The Upton Courier reported it. The Courier added more.",
            "upton-courier",
        ),
        # Neither named before it in its report: the short form stays itself (a name of its own).
        (["Lowtown Courier", "Upton Courier"], "The Courier added more.", "courier"),
        # Both named in its report: the one written before the short form.
        (
            ["Lowtown Courier", "Upton Courier"],
            "The Lowtown Courier reported it. The Courier added more. The Upton Courier agreed.",
            "lowtown-courier",
        ),
        (
            ["Lowtown Courier", "Upton Courier"],
            "The Courier added more. The Lowtown Courier reported it. The Upton Courier agreed.",
            "courier",
        ),
    ],
)
def test_short_form_shared_by_two_place_led_names(papers: list[str], report: str, want: str) -> None:
    texts = {
        "p1": "Lowtown and Upton are towns. " + " ".join(f"The {p} wrote." for p in papers),
        "b1": FIRE + report,
    }
    names = {
        "p1": [("Lowtown", "place"), ("Upton", "place"), *[(p, "organization") for p in papers]],
        "b1": [(p, "organization") for p in papers if p in report] + [("Courier", "organization")],
    }
    assert _resolved(texts, names)[("b1", "Courier")] == want


FIRE_3 = (
    "Six hours of work by firefighters ended the blaze at the Brindle bakery on Canal Row in Lowtown "
    "on Sunday; two shops beside it were evacuated. "
)


@pytest.mark.parametrize(
    ("named", "bare", "want"),
    [
        # The event's reports name the baker in three reports, her cousin in one: a report naming
        # neither that writes the surname alone means the person the event is about.
        ({"b1": ["Ann Avery", "Cal Avery"], "b2": ["Ann Avery"], "b3": ["Ann Avery"]}, "Avery", "ann-avery"),
        # Named as often as each other: the surname says no one.
        ({"b1": ["Ann Avery", "Cal Avery"], "b2": ["Ann Avery", "Cal Avery"], "b3": []}, "Avery", "avery"),
        # A title that says no one of them: no guess.
        ({"b1": ["Ann Avery", "Cal Avery"], "b2": ["Ann Avery"], "b3": ["Ann Avery"]}, "Dr. Avery", "avery"),
    ],
)
def test_bare_surname_is_the_protagonist_of_its_event(
    named: dict[str, list[str]], bare: str, want: str
) -> None:
    texts = {
        "b1": FIRE + "The owner, Ann Avery, wept. Her cousin Cal Avery helped.",
        "b2": FIRE_2 + "The owner, Ann Avery, wept. Her cousin Cal Avery helped.",
        "b3": FIRE_3 + "The owner, Ann Avery, wept.",
        "b4": FIRE + f"{bare} said the bakery would open again.",
    }
    names = {d: [(n, "person") for n in ns] for d, ns in named.items()}
    names["b4"] = [("Avery", "person")]
    assert report_groups(texts)["b4"] == report_groups(texts)["b3"]
    assert _resolved(texts, names)[("b4", "Avery")] == want


@pytest.mark.parametrize(
    ("long", "short", "texts_of", "same"),
    [
        # A first name before the name a person goes by; the event's other report uses that name.
        ("Ilse Morwen Quill", "Morwen Quill", "fire", True),
        # A surname of two words, written in full with a first name and then without it.
        ("Ilse St. Quill", "St. Quill", "fire", True),
        # A word before a full name the lexicon does not know as a title.
        ("Harbourmaster Bo Quill", "Bo Quill", "fire", True),
        # The two forms in the reports of two different events: nothing says one person.
        ("Ilse Morwen Quill", "Morwen Quill", "apart", False),
    ],
)
def test_a_name_with_one_more_word_before_in_one_event(
    long: str, short: str, texts_of: str, same: bool
) -> None:
    second = FIRE_2 if texts_of == "fire" else FERRY
    texts = {"b1": FIRE + f"The baker {long} was at home.", "b2": second + f"The baker {short} slept."}
    got = _resolved(texts, {"b1": [(long, "person")], "b2": [(short, "person")]})
    assert (got[("b1", long)] == got[("b2", short)]) is same


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # Two spellings of one transliterated name in one report, in two sentences.
        ("Aleksei Quill was at home. Later,", "Alexei Quill", True),
        # Named in one sentence: two people (a list of relatives).
        ("Aleksei Quill and", "Alexei Quill", False),
        # A man's and a woman's form of one name: brother and sister.
        ("Daniel Quill was at home. Later,", "Danielle Quill", False),
        ("Alexander Quill was at home. Later,", "Alexandra Quill", False),
        # The pronouns after them say a man and a woman.
        ("Morwenna Quill was at home; she slept. Later,", "Morwen Quill", False),
        # Names that start otherwise are two people even in one report.
        ("Tobias Quill was at home. Later,", "Tomas Quill", False),
    ],
)
def test_two_spellings_of_a_first_name_in_one_report(first: str, second: str, same: bool) -> None:
    text = FIRE + f"{first} {second} said he saw the smoke."
    a, b = first.split(" was")[0].split(" and")[0], second
    texts = {"b1": text, "b2": FIRE_2 + "The bakery was closed."}
    got = _resolved(texts, {"b1": [(a, "person"), (b, "person")], "b2": []})
    assert (got[("b1", a)] == got[("b1", b)]) is same


@pytest.mark.parametrize(
    ("a", "b", "gendered"),
    [
        ("paul", "paula", True),
        ("alexander", "alexandra", True),
        ("daniel", "danielle", True),
        ("louis", "louise", True),
        ("aleksei", "alexei", False),
        ("mohammed", "mohamed", False),
    ],
)
def test_gendered_pairs_of_first_names(a: str, b: str, gendered: bool) -> None:
    assert _gendered_pair(a, b) is gendered


@pytest.mark.parametrize(
    ("report", "named", "want"),
    [
        # Two bodies of the event end with the word; this report names one of them in full.
        (
            "The Brindle Mills board met. Mills said it would rebuild.",
            [("Brindle Mills", "organization")],
            "brindle-mills",
        ),
        # It names both: the short form says neither.
        (
            "Brindle Mills and Canal Mills met. Mills said it would rebuild.",
            [("Brindle Mills", "organization"), ("Canal Mills", "organization")],
            "mills",
        ),
        # It names neither.
        ("Mills said it would rebuild.", [], "mills"),
    ],
)
def test_short_form_of_a_body_by_its_own_report(report: str, named: list[tuple[str, str]], want: str) -> None:
    texts = {
        "b1": FIRE + "The owners, Brindle Mills and Canal Mills, met.",
        "b2": FIRE_2 + report,
    }
    bodies = [("Brindle Mills", "organization"), ("Canal Mills", "organization")]
    got = _resolved(texts, {"b1": bodies, "b2": [*named, ("Mills", "organization")]})
    assert got[("b2", "Mills")] == want


def test_short_form_that_is_an_alias_stays_with_its_line() -> None:
    # "House" is a line of the alias lexicon (the chamber): a report naming the "Lowtown House"
    # hotel does not make the chamber's short form the hotel.
    texts = {
        "b1": FIRE + "Guests of the Lowtown House and the Canal House fled.",
        "b2": FIRE_2 + "Guests of the Lowtown House fled. The House passed a bill.",
    }
    bodies = [("Lowtown House", "organization"), ("Canal House", "organization")]
    got = _resolved(
        texts, {"b1": bodies, "b2": [("Lowtown House", "organization"), ("House", "organization")]}
    )
    assert got[("b2", "House")] != got[("b2", "Lowtown House")]
