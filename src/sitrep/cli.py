"""The ``sitrep`` command: a thin layer over the library.

    sitrep code [--date D] [--format jsonl] INPUT...   contract output, JSON Lines on stdout
    sitrep ingest [--date D] [--db F] PATH...          code and store
    sitrep events [filters] [--json]                   list stored events
    sitrep export --format jsonl|csv|geojson|parquet|acled|gdelt|plover
                                                       stored events, same filters as events
    sitrep dedup [--rebuild --km N --days N]           deduplication summary or re-run
    sitrep show EVENT_ID                               one event with its evidence
    sitrep actors|relations|places|timeline            aggregates over the store
    sitrep serve [--db F] [--port 8765]                API + dashboard on 127.0.0.1
    sitrep setup                                       build the gazetteer cache
    sitrep eval acled|time|places|location|dedup|plover|actors|petrarch|muc
                                                       accuracy on ../shared/evaldata

Misuse gets one line on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from typing import Optional, Sequence

from . import __version__
from .errors import SitrepError, UsageError
from .render import event_table, highlight_event
from .store.backend import is_postgres_url
from .store.database import DEFAULT_DB, EventFilter, Store
from .store.queries import SORTS

DB_HELP = f"the store: an SQLite file (default {DEFAULT_DB}) or a postgresql://user@host/db URL"

EVAL_TASKS = ("acled", "time", "places", "location", "dedup", "plover", "actors", "petrarch", "muc")
EVAL_DATASETS = {"places": ("gwn", "lgl", "geovirus"), "petrarch": ("gsr", "unit"), "muc": ("dev", "train")}
EXPORT_FORMATS = ("jsonl", "csv", "geojson", "parquet", "acled", "gdelt", "plover")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2 (argparse prints the whole usage)
        self.exit(2, f"sitrep: error: {message}\n")


def _date(value: str) -> date:
    from .io.readers import parse_iso_date

    try:
        return parse_iso_date(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="sitrep", description="Code news reports on conflict into a dated, geolocated event dataset.")
    p.add_argument("--version", action="version", version=f"sitrep {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress and warnings to stderr")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def inputs(sp):
        sp.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, .jsonl, or - for stdin")
        sp.add_argument("--date", type=_date, help="publication date for inputs without a 'date' line")
        sp.add_argument("--format", choices=["text", "jsonl", "csv", "html"], default="text", help="format of stdin")
        sp.add_argument("--max-chars", type=int, default=200_000, help="refuse longer articles (default 200000)")
        sp.add_argument("--text-column", default="text", help="CSV: the column holding the article text")
        sp.add_argument("--date-column", default="date", help="CSV: the column holding the publication date")
        sp.add_argument("--id-column", default="id", help="CSV: the column holding the article id")

    code = sub.add_parser("code", help="code articles; one JSON object per article on stdout")
    inputs(code)
    ingest = sub.add_parser("ingest", help="code articles and store them")
    inputs(ingest)
    ingest.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)

    ev = sub.add_parser("events", help="list stored events")
    _event_filters(ev)
    ev.add_argument("--json", action="store_true", help="JSON Lines instead of a table")

    exp = sub.add_parser("export", help="export stored events (jsonl, csv, geojson, parquet, acled, gdelt, plover)")
    _event_filters(exp, limit=None)
    exp.add_argument("--format", dest="export_format", choices=list(EXPORT_FORMATS), default="jsonl")
    exp.add_argument("-o", "--output", help="file to write (default: stdout; parquet needs a file)")

    dd = sub.add_parser("dedup", help="cross-article deduplication: summary, or --rebuild with new parameters")
    dd.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    dd.add_argument("--rebuild", action="store_true", help="re-cluster the whole store in ingest order")
    dd.add_argument("--km", type=float, help="largest distance between two reports of one event")
    dd.add_argument("--days", type=int, help="date slack: days the two date windows may be apart")

    for name, helptext in (("actors", "actors by number of events"), ("relations", "who backs whom"),
                           ("places", "places by number of events")):
        q = sub.add_parser(name, help=helptext)
        q.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
        q.add_argument("--name", help="part of a name to look for")
        q.add_argument("--limit", type=int, default=100)
        q.add_argument("--json", action="store_true")
    tl = sub.add_parser("timeline", help="event counts per day, week or month, by type")
    tl.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    tl.add_argument("--period", choices=["day", "week", "month"], default="month")
    tl.add_argument("--by", choices=["acled_event_type", "event_type"], default="acled_event_type")
    tl.add_argument("--json", action="store_true")

    show = sub.add_parser("show", help="one stored event with its evidence")
    show.add_argument("event_id")
    show.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)

    sub.add_parser("setup", help="build the gazetteer cache (done lazily otherwise)")

    srv = sub.add_parser("serve", help="the read-only API and the dashboard (map, timeline, evidence)")
    srv.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    srv.add_argument("--host", default="127.0.0.1", help="interface (default loopback only)")
    srv.add_argument("--port", type=int, default=8765)

    ev_cmd = sub.add_parser("eval", help="measure accuracy on ../shared/evaldata")
    ev_cmd.add_argument("task", choices=list(EVAL_TASKS))
    ev_cmd.add_argument("--dataset", choices=[d for sets in EVAL_DATASETS.values() for d in sets], action="append",
                        help="places: gwn, lgl, geovirus (default all three); petrarch: gsr (default) or unit; "
                             "muc: dev (default) or train")
    ev_cmd.add_argument("--file", help="data file or folder (default: the ACLED 2020 dev file; TBAQ-cleaned)")
    ev_cmd.add_argument("--limit", type=int, help="only the first N records")
    ev_cmd.add_argument("--json", action="store_true")
    ev_cmd.add_argument("--rules-only", action="store_true",
                        help="acled: without the learned sub-type model (the rules' own figures)")

    tr = sub.add_parser("train", help="fit the learned ACLED sub-type model to an ACLED file (package data)")
    tr.add_argument("model", choices=["acled-types"])
    tr.add_argument("--file", help="ACLED file with sub-types (default: the ACLED 2020 dev file)")
    tr.add_argument("--out", help="where to write the model (default: the package's own model file)")
    return p


def _near(value: str) -> tuple[float, float]:
    try:
        lat, lon = (float(x) for x in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not LAT,LON: {value!r}")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise argparse.ArgumentTypeError(f"coordinates out of range: {value!r}")
    return lat, lon


def _event_filters(sp, limit: Optional[int] = 100) -> None:
    sp.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    sp.add_argument("--type", help="PLOVER event type, e.g. ASSAULT")
    sp.add_argument("--acled-type", help="ACLED event type or sub-type")
    sp.add_argument("--actor", help="part of an actor's name")
    sp.add_argument("--place", help="part of the location's name")
    sp.add_argument("--country", help="ISO3 country code of the location")
    sp.add_argument("--since", type=_date)
    sp.add_argument("--until", type=_date)
    sp.add_argument("--status", choices=["occurred", "ongoing", "intended", "threatened", "requested",
                                         "denied", "hypothetical"])
    sp.add_argument("--min-confidence", type=float)
    sp.add_argument("--near", type=_near, metavar="LAT,LON", help="events within --km of a point")
    sp.add_argument("--km", type=float, default=25.0, help="radius for --near (default 25)")
    sp.add_argument("--text", help="part of the evidence sentence")
    sp.add_argument("--sort", choices=list(SORTS), default="date")
    sp.add_argument("--all-mentions", action="store_true",
                    help="one row per article's report of an event, not one per deduplicated event")
    sp.add_argument("--limit", type=int, default=limit, help="at most this many" + (" (default all)" if limit is None else ""))
    sp.add_argument("--offset", type=int, default=0)


def _filter(args) -> EventFilter:
    return EventFilter(event_type=args.type, acled_type=args.acled_type, actor=args.actor, place=args.place,
                       country=args.country, since=args.since.isoformat() if args.since else None,
                       until=args.until.isoformat() if args.until else None, status=args.status,
                       min_confidence=args.min_confidence, near=args.near, km=args.km, text=args.text,
                       unique=not args.all_mentions, sort=args.sort,
                       limit=args.limit, offset=args.offset)


def _progress(stage: str, done: int, total: int) -> None:
    sys.stderr.write(f"\rbuilding gazetteer: {stage} {done}/{total}   ")
    if stage == "divisions":
        sys.stderr.write("\n")
    sys.stderr.flush()


def _coder():
    from .coder import Coder, Resources

    return Coder(Resources.load(progress=_progress))


def _read(args):
    from .io.formats import CsvColumns
    from .io.readers import ReadOptions, check_inputs, read_inputs

    check_inputs(args.inputs)
    options = ReadOptions(default_date=args.date, max_chars=args.max_chars, stdin_format=args.format,
                          csv_columns=CsvColumns(args.text_column, args.date_column, args.id_column))
    return read_inputs(args.inputs, options)


def cmd_code(args) -> int:
    from .output import article_json

    records = _read(args)
    coder = _coder()
    out = sys.stdout
    for coded in coder.code(records):
        out.write(json.dumps(article_json(coded), ensure_ascii=False) + "\n")
        out.flush()
    return 0


def cmd_ingest(args) -> int:
    from .store.ingest import ingest

    records = _read(args)
    coder = _coder()
    started = time.monotonic()
    with Store(args.db) as store:
        summary = ingest(store, coder, records, progress=_ingest_progress)
        counts = store.counts()
    elapsed = time.monotonic() - started
    sys.stderr.write(f"\n{summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged, "
                     f"{summary.errors} errors; {summary.events} events in {elapsed:.1f}s. "
                     f"Store {args.db}: {counts['articles']} articles, {counts['events']} events.\n")
    for doc_id, message in summary.error_messages:
        sys.stderr.write(f"  {doc_id}: {message}\n")
    return 0


def _ingest_progress(done: int, events: int, rate: float) -> None:
    sys.stderr.write(f"\ringested {done} articles, {events} events ({rate:.1f} articles/s)")
    sys.stderr.flush()


def cmd_events(args) -> int:
    with Store(args.db) as store:
        rows = store.events(_filter(args))
    if args.json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(event_table(rows) + "\n")
    return 0


def cmd_export(args) -> int:
    from .store.export import write_export, write_parquet

    with Store(args.db) as store:
        rows = store.events(_filter(args))
    if args.export_format == "parquet":
        if not args.output:
            raise UsageError("parquet is binary: give a file with -o")
        written = write_parquet(rows, args.output)
    elif args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            written = write_export(rows, args.export_format, out)
    else:
        written = write_export(rows, args.export_format, sys.stdout)
    sys.stderr.write(f"exported {written} events as {args.export_format}\n")
    return 0


def _print_rows(rows: list[dict], as_json: bool) -> None:
    from .render import rows_table

    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(rows_table(rows) + "\n")


def cmd_query(args) -> int:
    with Store(args.db) as store:
        if args.command == "timeline":
            rows = store.timeline(args.period, args.by)
        else:
            rows = getattr(store, args.command)(args.name, args.limit)
    _print_rows(rows, args.json)
    return 0


def cmd_show(args) -> int:
    with Store(args.db) as store:
        event = store.event(args.event_id)
    if event is None:
        raise UsageError(f"no event {args.event_id!r} in {args.db}")
    sys.stdout.write(highlight_event(event) + "\n")
    return 0


def cmd_dedup(args) -> int:
    from dataclasses import replace

    with Store(args.db) as store:
        if args.rebuild or args.km is not None or args.days is not None:
            rule = replace(store.rule, **{k: v for k, v in (("max_km", args.km), ("date_slack_days", args.days))
                                          if v is not None})
            store.rule = rule
            store.rebuild_clusters()
        counts = store.counts()
        merged = store.con.execute("SELECT count(*), coalesce(sum(num_mentions), 0) FROM clusters "
                                   "WHERE num_mentions > 1").fetchone()
        across = store.con.execute("SELECT count(*), coalesce(sum(num_articles), 0) FROM clusters "
                                   "WHERE num_articles > 1").fetchone()
        rule = store.rule
    sys.stdout.write(f"{counts['events']} reported events in {counts['articles']} articles -> "
                     f"{counts['clusters']} events; {merged[0]} reported more than once ({merged[1]} reports); "
                     f"{across[0]} told by more than one article ({across[1]} articles).\n"
                     f"rule: same family and claim, dates within {rule.date_slack_days} day(s), "
                     f"places within {rule.town_km:g} km (two towns) or {rule.max_km:g} km, compatible actors\n")
    return 0


def cmd_serve(args) -> int:
    from pathlib import Path

    import uvicorn

    from .web.app import create_app

    if not is_postgres_url(args.db) and not Path(args.db).exists():
        raise UsageError(f"no store at {args.db}: run 'sitrep ingest' first")
    Store(args.db).close()   # migrate an older store once; the app opens it read-only
    sys.stderr.write(f"sitrep: serving {args.db} at http://{args.host}:{args.port} (Ctrl-C to stop)\n")
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_setup(args) -> int:
    from .geo.gazetteer import Gazetteer, default_gazetteer_path, stale_gazetteers

    from .lexicon.phoenix import build_phoenix_index, default_index_path, find_phoenix_dir

    Gazetteer.open(progress=_progress).close()
    sys.stderr.write(f"gazetteer ready at {default_gazetteer_path()}\n")
    for stale in stale_gazetteers():
        stale.unlink()
        sys.stderr.write(f"removed the outdated gazetteer {stale}\n")
    index, source = default_index_path(), find_phoenix_dir()
    for stale in index.parent.glob("phoenix-v*.sqlite"):
        if stale != index:
            stale.unlink()
            sys.stderr.write(f"removed the outdated Phoenix index {stale}\n")
    if index.exists():
        sys.stderr.write(f"Phoenix actor index ready at {index}\n")
    elif source is not None:
        build_phoenix_index(source, index)
        sys.stderr.write(f"Phoenix actor index compiled from {source} into {index}\n")
    else:
        sys.stderr.write("Phoenix actor dictionaries not found (set SITREP_PHOENIX_DIR): "
                         "actors come from the curated lexicon only\n")
    return 0


def _eval_input(args, default, what: str, marker: str = ""):
    """The data an evaluation reads: --file or its default; a usage error if absent."""
    from pathlib import Path

    path = Path(args.file) if args.file else Path(default)
    if not (path / marker if marker else path).exists():
        raise UsageError(f"no {what} at {path}")
    return path


def _print_report(args, report, formatter) -> int:
    sys.stdout.write((json.dumps(report, indent=2) if args.json else formatter(report)) + "\n")
    return 0


def _one_dataset(args) -> str:
    """The one --dataset a task takes (its first listed is the default)."""
    allowed = EVAL_DATASETS[args.task]
    chosen = args.dataset or [allowed[0]]
    if len(chosen) != 1 or chosen[0] not in allowed:
        raise UsageError(f"eval {args.task} takes one --dataset of: {', '.join(allowed)}")
    return chosen[0]


def cmd_eval(args) -> int:
    if args.dataset and not set(args.dataset) <= set(EVAL_DATASETS.get(args.task, ())):
        allowed = EVAL_DATASETS.get(args.task)
        raise UsageError(f"eval {args.task} takes " + (f"--dataset {', '.join(allowed)}" if allowed else "no --dataset"))
    if args.task == "petrarch":
        from .evaluation.petrarch import PETRARCH_FILES, evaluate_petrarch, format_petrarch_report

        which = _one_dataset(args)
        path = _eval_input(args, PETRARCH_FILES[which], f"PETRARCH {which} records")
        return _print_report(args, evaluate_petrarch(_coder(), which, path, limit=args.limit), format_petrarch_report)
    if args.task == "muc":
        from .evaluation.muc import MUC_DIR, evaluate_muc, format_muc_report

        path = _eval_input(args, MUC_DIR / f"{_one_dataset(args)}.json", "MUC-4 reports")
        return _print_report(args, evaluate_muc(_coder(), path, limit=args.limit), format_muc_report)
    if args.task == "places":
        from .evaluation.places import GEO_DIR, evaluate_places, format_places_report

        if not GEO_DIR.exists():
            raise UsageError(f"no geoparsing data at {GEO_DIR}")
        resources = _coder().resources
        reports = [evaluate_places(resources, name, limit=args.limit)
                   for name in (args.dataset or EVAL_DATASETS["places"])]
        return _print_report(args, reports, format_places_report)
    if args.task == "location":
        from .evaluation.event_location import (EVENT_LOCATION_FILE, evaluate_event_locations,
                                                format_event_location_report)

        path = _eval_input(args, EVENT_LOCATION_FILE, "event-location sentences")
        return _print_report(args, evaluate_event_locations(_coder().resources, path, limit=args.limit),
                             format_event_location_report)
    if args.task == "dedup":
        from .evaluation.dedup import DEDUP_CORPUS, evaluate_dedup, format_dedup_report

        corpus = _eval_input(args, DEDUP_CORPUS, "dedup corpus (reports.jsonl + gold.yaml)", "gold.yaml")
        return _print_report(args, evaluate_dedup(_coder(), corpus), format_dedup_report)
    if args.task == "plover":
        from .evaluation.plover import PLOVER_GSR, evaluate_plover, format_plover_report

        path = _eval_input(args, PLOVER_GSR, "PLOVER gold-standard records")
        return _print_report(args, evaluate_plover(_coder(), path, limit=args.limit), format_plover_report)
    if args.task == "actors":
        from .evaluation.actors import NGEC_CASES, evaluate_actors, format_actors_report

        path = _eval_input(args, NGEC_CASES, "NGEC actor cases")
        return _print_report(args, evaluate_actors(_coder().resources, path, limit=args.limit), format_actors_report)
    if args.task == "time":
        from .evaluation.timebank import TIMEBANK_DIR, evaluate_time, format_time_report

        root = _eval_input(args, TIMEBANK_DIR, "TimeBank data")
        return _print_report(args, evaluate_time(_coder().resources, root, limit=args.limit), format_time_report)
    from .evaluation.acled import DEFAULT_ACLED_FILE, evaluate_acled, format_report

    path = _eval_input(args, DEFAULT_ACLED_FILE, "ACLED file")
    coder = _coder()
    if args.rules_only:
        coder = coder.with_acled_model(None)
    return _print_report(args, evaluate_acled(coder, path, limit=args.limit), format_report)


def cmd_train(args) -> int:
    from pathlib import Path

    from .evaluation.acled import DEFAULT_ACLED_FILE
    from .learn.acled_types import default_model_path, train_acled_subtypes

    path = _eval_input(args, DEFAULT_ACLED_FILE, "ACLED file")
    out = Path(args.out) if args.out else default_model_path()
    model = train_acled_subtypes(path)
    model.save(out)
    sys.stderr.write(f"{len(model.classes)} sub-types, {len(model.feature_ids)} features, "
                     f"{model.meta['records']} notes from {path.name} -> {out}\n")
    return 0


COMMANDS = {"code": cmd_code, "ingest": cmd_ingest, "events": cmd_events, "export": cmd_export, "show": cmd_show,
            "train": cmd_train, "actors": cmd_query, "relations": cmd_query, "places": cmd_query, "timeline": cmd_query,
            "setup": cmd_setup, "eval": cmd_eval, "dedup": cmd_dedup,
            "serve": cmd_serve}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verbose or args.command in ("code", "ingest", "eval", "setup", "serve"):
        import logging  # the read commands log nothing; not importing it keeps them quick to start

        logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR, stream=sys.stderr,
                            format="sitrep: %(levelname)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        sys.stderr.write(f"sitrep: error: {exc}\n")
        return 2
    except SitrepError as exc:
        sys.stderr.write(f"sitrep: error: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\nsitrep: interrupted\n")
        return 130
    except BrokenPipeError:
        # "sitrep code x | head": the reader left; stop quietly, as Unix tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
