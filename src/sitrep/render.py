"""Human-readable views of events: a table for ``sitrep events`` and the evidence
sentence with its spans marked for ``sitrep show``."""
from __future__ import annotations

from typing import Any, Sequence

COLUMNS = [("date", 23), ("type", 26), ("status", 9), ("source", 26), ("target", 24), ("place", 20),
           ("dead", 4), ("event_id", 13)]


def _clip(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _actor(ev: dict, role: str) -> str:
    return ", ".join(a["name"] for a in ev["actors"] if a["role"] == role)


def event_row(ev: dict) -> dict[str, Any]:
    d = ev["date"]
    when = d["start"] if d["start"] == d["end"] else f"{d['start']}..{d['end'][5:]}"
    kind = ev.get("acled_sub_event_type") or ev["event_type"]
    if ev.get("mode") and not ev.get("acled_sub_event_type"):
        kind = f"{ev['event_type']}/{ev['mode']}"
    place = ev["location"]["name"] if ev.get("location") else ""
    return {"date": when, "type": kind, "status": ev["status"], "source": _actor(ev, "source"),
            "target": _actor(ev, "target"), "place": place, "dead": ev.get("fatalities"),
            "event_id": ev["event_id"]}


def event_table(events: Sequence[dict]) -> str:
    if not events:
        return "(no events)"
    header = "  ".join(name.upper().ljust(width) for name, width in COLUMNS)
    lines = [header, "  ".join("-" * width for _, width in COLUMNS)]
    for ev in events:
        row = event_row(ev)
        lines.append("  ".join(_clip(row[name], width).ljust(width) for name, width in COLUMNS).rstrip())
    lines.append(f"{len(events)} events")
    return "\n".join(lines)


def rows_table(rows: Sequence[dict], max_width: int = 40) -> str:
    """A plain table of query rows, columns as wide as their content (up to max_width)."""
    if not rows:
        return "(nothing)"
    columns = list(rows[0])
    widths = {c: min(max_width, max(len(str(c)), *(len(str(r[c] if r[c] is not None else "")) for r in rows)))
              for c in columns}
    lines = ["  ".join(str(c).upper().ljust(widths[c]) for c in columns),
             "  ".join("-" * widths[c] for c in columns)]
    for r in rows:
        lines.append("  ".join(_clip(r[c], widths[c]).ljust(widths[c]) for c in columns).rstrip())
    return "\n".join(lines)


def highlight_event(ev: dict) -> str:
    """The event's sentence with [role: span] marks for actors, place, date and trigger."""
    text = ev["article_text"]
    trig = ev["evidence"]
    sent_start = text.find(ev["sentence"], max(0, trig["start"] - len(ev["sentence"]) - 1))
    if sent_start < 0:
        sent_start = max(0, trig["start"] - 200)
    sent_end = sent_start + len(ev["sentence"])
    marks = [(trig["start"], trig["end"], "trigger")]
    marks += [(a["start"], a["end"], a["role"]) for a in ev["actors"]]
    if ev.get("location"):
        marks.append((ev["location"]["start"], ev["location"]["end"], "place"))
    if ev["date"].get("evidence"):
        marks.append((ev["date"]["evidence"]["start"], ev["date"]["evidence"]["end"], "date"))
    inside = sorted({m for m in marks if sent_start <= m[0] and m[1] <= sent_end}, key=lambda m: (m[0], -m[1]))
    out, pos = [], sent_start
    for start, end, label in inside:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(f"[{label}: {text[start:end]}]")
        pos = end
    out.append(text[pos:sent_end])
    lines = [
        f"event {ev['event_id']}  ({ev['doc_id']}, published {ev['pub_date']})",
        f"  type     {ev['event_type']}{'/' + ev['mode'] if ev.get('mode') else ''}  ACLED: "
        f"{ev.get('acled_event_type')} / {ev.get('acled_sub_event_type')}  CAMEO root: {ev.get('cameo_root')}",
        f"  status   {ev['status']}   confidence {ev['confidence']}",
        f"  date     {ev['date']['start']} .. {ev['date']['end']} ({ev['date']['precision']}, {ev['date']['method']})",
    ]
    if ev.get("location"):
        loc = ev["location"]
        lines.append(f"  place    {loc['name']} (GeoNames {loc['geonameid']}, {loc['precision']}, "
                     f"{loc['lat']}, {loc['lon']}) — {loc.get('reason')}")
    for a in ev["actors"]:
        lines.append(f"  {a['role']:<8} {a['name']} ({a['country'] or '-'}, {a['sector'] or '-'}, "
                     f"ACLED inter {a['acled_inter']})  \u2190 \"{a['text']}\"")
    if ev.get("fatalities") is not None:
        lines.append(f"  dead     {ev['fatalities']}")
    lines.append("")
    lines.append("  " + "".join(out).strip())
    return "\n".join(lines)
