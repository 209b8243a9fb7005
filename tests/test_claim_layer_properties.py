"""Hypothesis properties of the claim layer (speakers, events, roles, page layout):

- the library never invents a speaker: every originator of a claim is named on the page
  (its text, or its title, byline or outlet), however the speaker is written;
- any text, however broken, gives claims whose quantity lies inside the text, never an error;
- a sentence's claims keep their event when an unrelated sentence follows.

Examples are few and small: each runs whole pages through the reader on a shared machine.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from osint_claims import Actor, ActorRegistry, Article, Claim, extract_claims, read_article

PUBLISHED = date(2025, 3, 27)
_FEW = settings(max_examples=60, deadline=None)

# Speakers the registry knows, written as it names them (or by an alias of theirs).
_REGISTERED = [
    "OCHA",
    "UNHCR",
    "Hamas",
    "the Sudan Doctors Network",
    "Emergency Lawyers",
    "Kyrylo Budanov",
    "Gustavo Petro",
    "the Ukrainian Air Force",
    "the Gaza Health Ministry",
    "the Syrian Observatory for Human Rights",
    "Airwars",
    "the IOM",
    "the Arakan Army",
    "UNICEF",
    "Human Rights Watch",
    "the Norwegian Refugee Council",
    "the Haitian National Police",
    "Zabihullah Mujahid",
    "ACLED",
]
# Parts of speakers nobody registered: people, and bodies named after a region.
_FIRST = ["Amara", "Tesfay", "Kalunga", "Ines", "Oumarou", "Yadira", "Htet", "Faduma", "Luc"]
_LAST = ["Bekele", "Mwamba", "Quiroga", "Haidara", "Zaw", "Warsame", "Pierre-Louis", "Abakar"]
_REGIONS = ["Kivu", "Sahel", "Darfur", "Cauca", "Artibonite", "Rakhine", "Gedo", "Sinaloa"]
_CAUSES = ["Peace", "Rights", "Relief", "Victims", "Health", "Displacement", "Mine Action"]
_HEADS = [
    "Network",
    "Observatory",
    "Committee",
    "Association",
    "Lab",
    "Agency",
    "Office",
    "Monitor",
    "Council",
]
_APPOSITIONS = [
    "a spokeswoman for the local council",
    "head of the regional administration",
    "a doctor at the main hospital",
    "a local activist",
    "who runs a clinic in the camp",
]

_PERSON = st.builds("{} {}".format, st.sampled_from(_FIRST), st.sampled_from(_LAST))
_BODY = st.builds(
    "the {} {} {}".format,
    st.sampled_from(_REGIONS),
    st.sampled_from(_CAUSES),
    st.sampled_from(_HEADS),
)
_PERSON_WITH_ROLE = st.builds("{}, {},".format, _PERSON, st.sampled_from(_APPOSITIONS))
_SPEAKERS = st.one_of(st.sampled_from(_REGISTERED), _PERSON, _BODY)

# What the figure counts and what happened to it: "(N) civilians were killed".
_EVENTS = [
    ("civilians", "were killed"),
    ("people", "were wounded"),
    ("fighters", "were captured"),
    ("students", "were abducted"),
    ("families", "had fled"),
    ("drones", "were shot down"),
    ("homes", "were destroyed"),
    ("aid trucks", "entered the city"),
    ("soldiers", "were deployed"),
]
_PLACES = ["El Fasher", "Goma", "Kherson", "Saada", "Port-au-Prince", "Sagaing", "Gao", "Rafah"]


_FRAMES = [
    "{head} said {told}.",
    "{head} told reporters that {told}.",
    "According to {speaker}, {told}.",
    "{told}, {speaker} said.",
    "{told}, said {speaker}.",
    "{head}'s report showed that {told}.",
    "{told}. This was reported by {speaker}.",
    "{head}: {told}\n{told}, officials said.",
]


def _frame(speaker: str, figure: int, event: tuple[str, str], place: str, frame: int) -> str:
    """One of the reporting frames the news uses, around "N <item> <state> in <place>"."""
    item, state = event
    told = f"{figure:,} {item} {state} in {place}"
    head = speaker[:1].upper() + speaker[1:]
    return _FRAMES[frame].format(head=head, speaker=speaker, told=told)


def _plain(text: str) -> str:
    """Lower case without accents or a leading "the": how a name is looked for."""
    folded = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.removeprefix("the ")


def _named_on(article: Article, actor: Actor) -> bool:
    """Whether the page names ``actor``: its text or its metadata holds a name of it."""
    source = article.source
    metadata = [source.title or "", source.author or ""]
    metadata += [a.name for a in (source.outlet, *source.via) if a is not None]
    page = _plain("\n".join([article.text, *metadata]))
    return any(_plain(name) in page for name in (actor.name, *actor.aliases) if name)


def _assert_no_invented_speaker(article: Article, claims: list[Claim]) -> None:
    for claim in claims:
        for actor in claim.attribution.originators:
            assert _named_on(article, actor), (
                f"{actor.name!r} ({actor.id}) speaks for {claim.quantity.text!r} but the page "
                f"never names it: {article.text!r}"
            )


def _is_speaker(actor: Actor | None, written: str) -> bool:
    """Whether ``actor`` is the speaker written as ``written``: the registry's actor for a
    name it knows, else an actor of that very name."""
    known = ActorRegistry.default().resolve(written)
    if actor is None:
        return False
    return actor.id == known.id if known is not None else _plain(actor.name) == _plain(written)


@_FEW
@given(
    st.one_of(_SPEAKERS, _PERSON_WITH_ROLE),
    st.integers(min_value=2, max_value=250_000),
    st.sampled_from(_EVENTS),
    st.sampled_from(_PLACES),
    st.integers(min_value=0, max_value=len(_FRAMES) - 1),
)
def test_every_originator_is_named_on_the_page(
    speaker: str, figure: int, event: tuple[str, str], place: str, frame: int
) -> None:
    if speaker.endswith(","):  # "Name, a role," opens a sentence only as its subject
        text = f"{speaker} said {figure:,} {event[0]} {event[1]} in {place}."
        speaker = speaker.split(",", maxsplit=1)[0]
    else:
        text = _frame(speaker, figure, event, place, frame)
    article = read_article(text, published=PUBLISHED)
    claims = extract_claims(article)
    _assert_no_invented_speaker(article, claims)
    # Each frame names its speaker: the figure (in a headline frame, the title's) is theirs.
    said = claims[:1] if _FRAMES[frame].startswith("{head}:") else claims
    assert said, f"no claim in {text!r}"
    for claim in said:
        assert _is_speaker(claim.attribution.originator, speaker), (text, claim.attribution)


@_FEW
@given(
    st.lists(_SPEAKERS, min_size=2, max_size=3),
    st.lists(st.integers(min_value=2, max_value=9_999), min_size=2, max_size=3),
    st.sampled_from(["It said", "He said", "She said", "They said", "The group said"]),
    st.sampled_from(_EVENTS),
)
def test_pronouns_point_back_only_to_speakers_named_before(
    speakers: list[str], figures: list[int], pronoun: str, event: tuple[str, str]
) -> None:
    item, state = event
    lines = [
        f"{s[:1].upper()}{s[1:]} said {f:,} {item} {state}."
        for s, f in zip(speakers, figures, strict=False)
    ]
    lines.append(
        f'{pronoun} {figures[-1] + 1:,} more {item} {state}.\n"{figures[0]:,} of them '
        f'{state} overnight," he said.'
    )
    text = "\n".join(lines)
    article = read_article(text, published=PUBLISHED)
    _assert_no_invented_speaker(article, extract_claims(article))


# Pieces of news pages, mixed with anything at all: frames, datelines, credits, figures.
_PIECES = [
    " said ",
    "according to ",
    "\n",
    "By ",
    " (Reuters) - ",
    "KHARTOUM, Feb 16 ",
    " (AP) — ",
    "1,200",
    " killed",
    " 40 drones were shot down",
    "REUTERS/",
    "[File: ",
    "(AP Photo/",
    ", he said",
    '"',
    "'s report showed ",
    "This was reported by ",
    " the army said.",
    "killing at least 12 and injuring 30",
    "120 killed, 80 injured and 45 abducted",
    "aged 7",
    ", 34,",
    " two unnamed officials ",
    "the London-based monitor",
    " of ",
    "Coalition strikes killed 40 civilians in Saada",
    ". ",
    ":",
]


@_FEW
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=12)), max_size=24))
def test_any_text_gives_claims_inside_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    for claim in extract_claims(text, published=PUBLISHED):
        span, evidence = claim.quantity.span, claim.evidence.span
        assert 0 <= evidence.start <= span.start <= span.end <= evidence.end <= len(text)
        assert text[span.start : span.end] == claim.quantity.text
        assert text[evidence.start : evidence.end] == claim.evidence.text


# A first sentence with a figure and what happened to it; then a sentence about something else.
_DOERS = ["Russia", "The RSF", "Gunmen", "Israeli strikes", "M23 rebels", "The army", "Ukraine"]
_DEEDS = [
    ("killed", "civilians"),
    ("wounded", "people"),
    ("abducted", "villagers"),
    ("displaced", "families"),
    ("launched", "drones"),
    ("shot down", "missiles"),
    ("destroyed", "tanks"),
    ("seized", "villages"),
    ("sent", "troops"),
    ("detained", "men"),
]
_UNRELATED = [
    "Talks between the two sides resumed in Jeddah on Monday.",
    "Aid agencies called for calm.",
    "The president is due to visit Nairobi next week.",
    "Schools in the capital remained closed.",
    "Bread prices doubled in 2024.",
    "The envoy met 3 ministers this month.",
    "He said the talks would go on.",
    "Read more",
    "The ministry did not comment.",
    "Reuters could not independently verify the report.",
]


def _first_sentence_events(text: str, end: int) -> list[tuple[str, str]]:
    return [
        (c.quantity.text, c.predicate.key)
        for c in extract_claims(text, published=PUBLISHED)
        if c.quantity.span.end <= end
    ]


@_FEW
@given(
    st.sampled_from(_DOERS),
    st.sampled_from(_DEEDS),
    st.integers(min_value=2, max_value=99_999),
    st.sampled_from(_PLACES),
    st.tuples(st.sampled_from([" ", "\n", "\n\n"]), st.sampled_from(_UNRELATED)),
)
def test_an_unrelated_sentence_after_leaves_the_event_alone(
    doer: str, deed: tuple[str, str], figure: int, place: str, after: tuple[str, str]
) -> None:
    verb, item = deed
    gap, other = after
    first = f"{doer} {verb} {figure:,} {item} in {place}."
    alone = _first_sentence_events(first, len(first))
    assert alone, f"no claim in {first!r}"
    assert _first_sentence_events(first + gap + other, len(first)) == alone
