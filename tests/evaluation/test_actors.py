import json

from sitrep.evaluation.actors import evaluate_actors, load_cases
from tests.conftest import require_evaldata

CASES = [
    {"test": "t1", "inputs": [], "calls": [{"method": "agent_to_code", "args": '"Russian soldiers"'}],
     "asserts": ['code[\'country\'] == "RUS"', 'code[\'code_1\'] == "MIL"']},
    {"test": "t2", "inputs": [{"actor": "gunmen", "context": "", "date": "Today", "correct_country": "",
                               "correct_code1": "UAF"}],
     "calls": [{"method": "agent_to_code", "args": "d['actor'], d['context'], d['date']"}],
     "asserts": ["code['country'] == d['correct_country']", "code['code_1'] == d['correct_code1']"]},
    {"test": "t3", "inputs": [], "calls": [{"method": "agent_to_code", "args": '"puppies"'}],
     "asserts": ["code is None"]},
    {"test": "t4", "inputs": [], "calls": [{"method": "query_wiki", "args": '"Warsaw"'}], "asserts": []},
]


def test_loader_reads_literals_inputs_and_none(tmp_path):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(CASES), encoding="utf-8")
    cases = list(load_cases(path))
    assert [(c.text, c.country, c.sector, c.expects_nothing) for c in cases] == [
        ("Russian soldiers", "RUS", "MIL", False), ("gunmen", "", "UAF", False), ("puppies", None, None, True)]


def test_scoring_on_written_cases(tmp_path, resources):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(CASES), encoding="utf-8")
    report = evaluate_actors(resources, path)
    assert report["metrics"]["country"] == 1.0 and report["metrics"]["nothing"] == 1.0
    assert report["scored"] == {"country": 2, "sector": 2, "nothing": 1}


def test_real_cases_run(resources):
    path = require_evaldata("actors", "ngec_actor_resolution_cases.json")
    report = evaluate_actors(resources, path, limit=40)
    assert report["cases"] == 40 and 0.0 <= report["metrics"]["country"] <= 1.0


def test_an_international_organisation_answers_with_its_family_code(tmp_path, resources):
    cases = [{"test": f"o{n}", "inputs": [], "calls": [{"method": "agent_to_code", "args": f'"{text}"'}],
              "asserts": [f'code[\'country\'] == "{code}"']}
             for n, (text, code) in enumerate([("the World Health Organization", "UNO"), ("the IMF", "IGO"),
                                               ("the European Commission", "EUR"), ("Kenyan police", "KEN")])]
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases), encoding="utf-8")
    report = evaluate_actors(resources, path)
    assert report["metrics"]["country"] == 1.0, report["country_misses"]


def test_the_actor_at_the_strings_head_answers(resources):
    # the country in the "of" phrase covers more of the string, but the string names the body
    from sitrep.evaluation.actors import resolve_actor_text
    actor = resolve_actor_text(resources, resources.actor_finder(), "the legislative body of the Republic of Kenya")
    assert (actor.sector, actor.country) == ("LEG", "KEN")
