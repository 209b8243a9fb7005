"""The JSON Schema: generated from the model, valid, accepting all we write, rejecting the rest."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import model_strategies  # noqa: F401  (registers strategies for st.from_type)
from osint_claims import (
    Claim,
    Report,
    build_report,
    converter,
    extract_claims,
    json_schema,
    read_article,
)
from osint_claims.articles import Segment, SegmentKind
from osint_claims.model import Actor, Span
from osint_claims.schema import MODEL_TYPES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@cache
def _validator(cls: type) -> jsonschema.Draft202012Validator:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _messages(error: jsonschema.ValidationError) -> list[str]:
    # An anyOf failure (an optional field) says why each alternative failed in its context.
    return [error.message] + [m for sub in error.context or () for m in _messages(sub)]


def _errors(document: Any, cls: type = Claim) -> list[str]:
    return [m for error in _validator(cls).iter_errors(document) for m in _messages(error)]


@pytest.mark.parametrize("name", sorted(MODEL_TYPES))
def test_every_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    _validator(MODEL_TYPES[name])


def test_model_types_are_the_attrs_classes_of_the_model() -> None:
    assert set(MODEL_TYPES) == {
        "actor",
        "attribution",
        "claim",
        "evidence",
        "period",
        "quantity",
        "source",
        "span",
    }


def test_the_schema_names_every_field_of_every_model_class() -> None:
    # The claim schema reaches every model class; each must list exactly its attrs fields.
    defs = json_schema()["$defs"]
    for cls in MODEL_TYPES.values():
        names = [field.name for field in attrs.fields(cls)]
        assert list(defs[cls.__name__]["properties"]) == names, cls


def test_every_seed_claim_validates() -> None:
    claims = [
        claim
        for path in sorted(SEEDS.glob("*.txt"))
        for claim in extract_claims(read_article(path))
    ]
    assert len(claims) > 20
    for claim in claims:
        assert _errors(converter.unstructure(claim)) == [], claim


def test_the_seed_report_validates_against_the_report_schema() -> None:
    claims = [
        claim
        for path in sorted(SEEDS.glob("*.txt"))
        for claim in extract_claims(read_article(path), related=True)
    ]
    document = converter.unstructure(build_report(claims))
    validator = jsonschema.Draft202012Validator(json_schema(Report))
    assert list(validator.iter_errors(document)) == []
    document["topics"][0]["consensus"]["best"] = 11000.0  # a figure must be a string
    assert list(validator.iter_errors(document))


@given(st.from_type(Claim))
def test_generated_claims_validate(claim: Claim) -> None:
    assert _errors(converter.unstructure(claim)) == []


@given(
    st.sampled_from(sorted(MODEL_TYPES)).flatmap(
        lambda n: st.tuples(st.just(n), st.from_type(MODEL_TYPES[n]))
    )
)
def test_generated_objects_of_every_type_validate(drawn: tuple[str, object]) -> None:
    name, obj = drawn
    assert _errors(converter.unstructure(obj), MODEL_TYPES[name]) == []


def _seed_claim() -> dict[str, Any]:
    [claim, *_] = extract_claims("North Korea sent 3,000 troops to Russia, Seoul said.")
    return converter.unstructure(claim)  # type: ignore[no-any-return]


def _broken(change: str) -> dict[str, Any]:
    document = copy.deepcopy(_seed_claim())
    quantity = document["quantity"]
    if change == "number":
        quantity["value"] = 3000
    elif change == "not a decimal":
        quantity["value"] = "3,000"
    elif change == "unknown key":
        document["confidence"] = 0.9
    elif change == "missing required":
        del document["predicate"]
    elif change == "unknown enum value":
        quantity["bound"] = "roughly"
    elif change == "bad date":
        document["as_of"] = "27 March 2025"
    elif change == "bad nested object":
        document["subject"] = {"id": "kp"}
    elif change == "list not array":
        document["derived_from"] = {"value": "1"}
    elif change == "agent not an actor":
        document["agent"] = "the coalition"
    elif change == "affiliation not a string":
        document["subject"]["affiliation"] = ["head of the regional administration"]
    return document


def test_a_written_claim_validates() -> None:
    assert _errors(_seed_claim()) == []


def test_agent_and_affiliation_are_optional_fields() -> None:
    defs = json_schema()["$defs"]
    assert defs["Claim"]["properties"]["agent"] == {
        "anyOf": [{"$ref": "#/$defs/Actor"}, {"type": "null"}]
    }
    assert list(defs["Claim"]["properties"]).index("agent") == 3  # after the subject
    assert defs["Actor"]["properties"]["affiliation"] == {
        "anyOf": [{"type": "string"}, {"type": "null"}]
    }
    assert "agent" not in defs["Claim"]["required"]
    assert defs["Actor"]["required"] == ["id", "name"]


def test_claims_written_before_agents_and_affiliations_validate() -> None:
    document = _seed_claim()
    agent = copy.deepcopy(document["subject"])
    agent["affiliation"] = "the air force"
    assert _errors({**document, "agent": agent}) == []
    del document["agent"]
    for actor in (document["subject"], document["recipient"]):
        del actor["affiliation"]
    assert _errors(document) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("number", "3000 is not of type 'string'"),
        ("not a decimal", "'3,000' does not match"),
        ("unknown key", "Additional properties are not allowed ('confidence' was unexpected)"),
        ("missing required", "'predicate' is a required property"),
        ("unknown enum value", "'roughly' is not one of"),
        ("bad date", "'27 March 2025' does not match"),
        ("bad nested object", "is not valid under any of the given schemas"),
        ("list not array", "is not of type 'array'"),
        ("agent not an actor", "'the coalition' is not of type 'object'"),
        ("affiliation not a string", "is not of type 'string'"),
    ],
)
def test_broken_documents_are_rejected(change: str, message: str) -> None:
    errors = _errors(_broken(change))
    assert any(message in error for error in errors), errors


def test_a_type_without_a_json_form_fails_loudly() -> None:
    @attrs.frozen
    class Odd:
        blob: bytes

    with pytest.raises(TypeError, match="no JSON Schema for the type"):
        json_schema(Odd)


@attrs.frozen
class _GrownEvidence:
    """Evidence as it may grow: a field of a class from elsewhere, a tuple of actors."""

    text: str
    segment: Segment | None = None
    originators: tuple[Actor, ...] = ()


def test_fields_added_to_the_model_are_covered_without_an_edit() -> None:
    schema = json_schema(_GrownEvidence)
    jsonschema.Draft202012Validator.check_schema(schema)
    properties = schema["$defs"]["_GrownEvidence"]["properties"]
    assert properties["segment"] == {"anyOf": [{"$ref": "#/$defs/Segment"}, {"type": "null"}]}
    assert properties["originators"] == {"type": "array", "items": {"$ref": "#/$defs/Actor"}}
    assert schema["$defs"]["SegmentKind"]["enum"][0] == "title"
    grown = _GrownEvidence(
        "Seoul said so.",
        Segment(SegmentKind.BODY, Span(0, 14), "Seoul said so."),
        (Actor("kr", "South Korea"),),
    )
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(converter.unstructure(grown))
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**converter.unstructure(grown), "segment": {"kind": "body"}})
