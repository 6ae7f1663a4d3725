def test_backing_from_modifiers(code_text):
    out = code_text("Turkish-backed rebels attacked Kurdish forces near Afrin.", pub="2018-02-01")
    rel = {(r["backer"], r["kind"], r["backed"]) for r in out["relations"]}
    assert ("Turkey", "backs", "Rebel Groups (Syria)") in rel


def test_help_of_makes_a_supporter(code_text):
    out = code_text("Government forces retook the town of Palmyra in Syria with the help of the Russian air force.",
                    pub="2016-03-28")
    [e] = [e for e in out["events"] if e["event_type"] == "COERCE"]
    assert "Russian air force" in {a["name"] for a in e["actors"] if a["role"] == "supporter"}
    assert ("Russian air force", "Government of Syria") in {(r["backer"], r["backed"]) for r in out["relations"]} \
        or any(r["backer"] == "Russian air force" for r in out["relations"])
