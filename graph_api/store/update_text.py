"""A SPARQL Update request as the service runs it: split into operations, its dataset applied, its LOADs found.

pyoxigraph's ``Store.update`` takes no dataset, so the protocol's and the service's dataset rules are written
into the update text itself, operation by operation (each rewritten operation is plain SPARQL 1.1 Update, and the
whole request still runs as one update — one transaction):

- ``using-graph-uri`` / ``using-named-graph-uri`` become ``USING`` / ``USING NAMED`` clauses of every
  ``DELETE``/``INSERT … WHERE`` operation (``DELETE WHERE`` is first written as ``DELETE {…} WHERE {…}``); an
  operation with its own ``USING`` or ``WITH`` together with them is a conflict, refused (SPARQL 1.1 Protocol
  §2.2.3);
- without them (and without ``USING``/``WITH`` in the operation), the *union default graph* rule the service
  describes (``sd:UnionDefaultGraph``) holds for updates as for queries: the ``WHERE`` of an operation reads the
  union of the named graphs (``USING`` each named graph of the store and each graph the request names,
  ``USING NAMED`` the same), and a triple of a ``DELETE`` template outside ``GRAPH`` is removed from every graph
  that holds it (the store's own default graph included); ``DELETE WHERE``, whose pattern is only triples and GRAPH
  blocks, is written triple by triple and reads the store's own default graph too; any other ``WHERE`` reads that
  default graph through a copy made (``ADD DEFAULT TO <view>``) and dropped within the request, when it holds
  triples (SPARQL has no IRI to name the default graph in ``USING``);
- ``LOAD`` operations are handed to a loader (:mod:`graph_api.store.safe_load`) that fetches under the operator's
  rules, and are replaced by ``INSERT DATA`` of what it read (nothing is fetched by the store itself).

>>> ops = operations("PREFIX ex: <http://ex.org/> INSERT DATA { ex:a ex:b 1 } ; DELETE WHERE { ?s ex:b ?o }")
>>> [op.kind for op in ops]
['INSERT DATA', 'DELETE WHERE']
>>> rewrite("INSERT { GRAPH <urn:o> { ?s a 1 } } WHERE { ?s ?p ?o }", using=["urn:g"])
'INSERT { GRAPH <urn:o> { ?s a 1 } } USING <urn:g> WHERE { ?s ?p ?o }'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from core.errors import QueryError
from graph_api.store.sparql_text import keywords
from graph_api.store.update_ops import (
    Operation,
    Prefixes,
    Token,
    graphs_named,
    has_load,
    match,
    operations,
    src_of,
    text_of,
    top_level,
)

__all__ = ["rewrite", "operations", "graphs_named", "has_load", "mentions_load"]


def _triples(toks: list[Token]) -> list[list[str]]:
    """The triples of a template's part outside GRAPH blocks, ``;`` and ``,`` expanded, each as 3 terms
    (a term is one or more tokens). Raises QueryError for what a DELETE template may not hold here."""
    terms: list[list[Token]] = []
    i = 0
    while i < len(toks):  # group tokens into terms and separators
        t = toks[i]
        if t.kind == "punct" and t.text in ".;,":
            terms.append([t])
            i += 1
            continue
        if t.kind in ("star",) or (t.kind == "punct" and t.text in "[]()"):
            raise QueryError(
                "this DELETE template cannot be applied over the union default graph: "
                "write its triples plainly or name their graph with GRAPH or USING"
            )
        term = [t]
        i += 1
        if t.kind == "punct" and t.text in "+-" and i < len(toks) and toks[i].kind == "number":
            term.append(toks[i])
            i += 1
        if t.kind == "string" and i < len(toks):
            if toks[i].kind == "lang":
                term.append(toks[i])
                i += 1
            elif toks[i].kind == "dtype" and i + 1 < len(toks):
                term.extend(toks[i : i + 2])
                i += 2
        terms.append(term)
    triples, subject, verb, expect = [], None, None, "s"
    for term in terms:
        sep = term[0].text if len(term) == 1 and term[0].kind == "punct" and term[0].text in ".;," else None
        if sep == ".":
            subject, verb, expect = None, None, "s"
        elif sep == ";":
            verb, expect = None, "p"
        elif sep == ",":
            expect = "o"
        elif expect == "s":
            subject, expect = term, "p"
        elif expect == "p":
            verb, expect = term, "o"
        elif expect == "o":
            if subject is None or verb is None:
                raise QueryError("malformed update: a triple without subject or predicate")
            triples.append(["".join(t.text for t in x) for x in (subject, verb, term)])
            expect = "o_done"
        else:
            raise QueryError("malformed update: two objects without ','")
    return triples


def _split_template(toks: list[Token]) -> tuple[list[Token], list[list[Token]]]:
    """A template's inside as (tokens outside GRAPH blocks, the GRAPH blocks' tokens)."""
    outside, blocks, i = [], [], 0
    while i < len(toks):
        if toks[i].is_("GRAPH") and i + 2 < len(toks):
            end = match(toks, i + 2)
            blocks.append(toks[i : end + 1])
            i = end + 1
            if i < len(toks) and toks[i].text == ".":
                i += 1
            continue
        outside.append(toks[i])
        i += 1
    return outside, blocks


def _iri(iri: str) -> str:
    if any(c in iri for c in '<>"{}|^`\\ \n\t'):
        raise QueryError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


def _delete_where_over_union(src: str, toks: list[Token], counter: list[int]) -> str:
    """``DELETE WHERE { QP }`` over the union of every graph, the store's default graph included: each triple of QP
    outside GRAPH matches in any graph (``{ GRAPH ?g { t } } UNION { t }``) and is deleted where it matched. Exact,
    because a DELETE WHERE pattern is only triples and GRAPH blocks."""
    close = match(toks, 2)
    outside, blocks = _split_template(toks[3:close])
    template, where = [], []
    for triple in _triples(outside):
        counter[0] += 1
        g, t = f"?__vk_g{counter[0]}", " ".join(triple)
        template.append(f"{t} . GRAPH {g} {{ {t} }}")
        where.append(f"{{ GRAPH {g} {{ {t} }} }} UNION {{ {t} }}")
    for block in blocks:
        template.append(src_of(src, block))
        where.append(src_of(src, block))
    rest = src_of(src, toks[close + 1 :])
    return " ".join(x for x in ("DELETE {", " ".join(template), "} WHERE {", " ".join(where), "}", rest) if x)


def _delete_everywhere(template: list[Token], counter: list[int]) -> tuple[list[str], list[str]]:
    """For each triple of a DELETE template outside GRAPH: a quad of the template that deletes it from the graph
    where it is found, and the OPTIONAL of the WHERE that finds that graph (only once the triple's variables are
    bound by the WHERE itself: ``BIND`` copies them before the OPTIONAL could bind them)."""
    outside, _ = _split_template(template)
    bound_vars: dict[str, str] = {}
    extra_delete, extra_where = [], []
    for triple in _triples(outside):
        counter[0] += 1
        g = f"?__vk_g{counter[0]}"
        names = sorted({v[1:] for v in triple if v[:1] in "?$"})
        for name in names:
            bound_vars.setdefault(name, f"?__vk_b{counter[0]}_{name}")
        guard = " && ".join(f"BOUND({bound_vars[n]})" for n in names)
        extra_delete.append(f"GRAPH {g} {{ {' '.join(triple)} }}")
        extra_where.append(
            f"OPTIONAL {{ GRAPH {g} {{ {' '.join(triple)} }}" + (f" FILTER({guard})" if guard else "") + " }"
        )
    return extra_delete, [f"BIND(?{n} AS {v})" for n, v in bound_vars.items()] + extra_where


def _parts(src: str, op: Operation) -> tuple[list[Token], str, str, list[Token], list[Token] | None, int | None]:
    """A DELETE/INSERT … WHERE operation as (head tokens, head text, the WHERE keyword, the tokens after it, the DELETE
    template's inside, the index in the head of the template's closing brace); ``DELETE WHERE { QP }`` is read as
    ``DELETE { QP } WHERE { QP }``."""
    toks = op.toks
    if op.kind == "DELETE WHERE":
        close = match(toks, 2)
        return [], f"DELETE {src_of(src, toks[2 : close + 1])}", "WHERE", toks[2:], toks[3:close], None
    where = top_level(toks, "WHERE")
    if not where:
        raise QueryError("malformed update: DELETE/INSERT without WHERE")
    w = where[0]
    head = toks[:w]
    for i, t in enumerate(head):
        if t.is_("DELETE") and i + 1 < len(head) and head[i + 1].text == "{":
            close = match(head, i + 1)
            return head, src_of(src, head), toks[w].text, toks[w + 1 :], head[i + 2 : close], close
    return head, src_of(src, head), toks[w].text, toks[w + 1 :], None, None


def _modify(
    src: str,
    op: Operation,
    using: list[str],
    using_named: list[str],
    union_graphs: Callable[[], list[str]] | None,
    counter: list[int],
    default_view: str | None = None,
) -> str:
    toks = op.toks
    own = top_level(toks, "WITH", "USING")
    if using or using_named:
        if own:
            raise QueryError(
                "using-graph-uri / using-named-graph-uri cannot be combined with an update that has "
                f"its own {toks[own[0]].text.upper()} clause (SPARQL 1.1 Protocol §2.2.3)"
            )
    elif own or union_graphs is None:
        return src_of(src, toks)
    union_mode = not (using or using_named)
    if op.kind == "DELETE WHERE" and not (using or using_named):
        return _delete_where_over_union(src, toks, counter)
    head, head_text, where_kw, body, template, delete_close = _parts(src, op)
    extra_delete: list[str] = []
    extra_where: list[str] = []
    if not (using or using_named):  # the union default graph: delete a default-graph triple wherever it is
        assert union_graphs is not None
        using_named = union_graphs()
        using = using_named + ([default_view] if default_view else [])
        if template is not None:
            extra_delete, extra_where = _delete_everywhere(template, counter)
    if extra_delete:
        assert delete_close is not None  # (DELETE WHERE over the union is written by _delete_where_over_union)
        closing = head[delete_close]
        head_text = f"{src[head[0].start : closing.start]} {' '.join(extra_delete)} {src[closing.start : head[-1].end]}"
    dataset = " ".join([*(f"USING {_iri(g)}" for g in using), *(f"USING NAMED {_iri(g)}" for g in using_named)])
    if not body or body[0].text != "{":
        raise QueryError("malformed update: WHERE without a group")
    close = match(body, 0)
    if extra_where:
        where_text = "{ { " + src_of(src, body[1:close]) + " } " + " ".join(extra_where) + " }"
    else:
        where_text = src_of(src, body[: close + 1])
    rest = src_of(src, body[close + 1 :])
    rewritten = " ".join(x for x in (head_text, dataset, where_kw, where_text, rest) if x)
    if union_mode and default_view:
        # the store's own default graph joins the union through a copy that lives only inside this transaction
        view = _iri(default_view)
        return f"ADD SILENT DEFAULT TO {view} ;\n{rewritten} ;\nDROP SILENT GRAPH {view}"
    return rewritten


#: the words of the operations a rewrite changes (DELETE/INSERT … WHERE, DELETE WHERE, LOAD), outside strings and IRIs
_REWRITTEN = re.compile(r"(?<![\w:?$])(?:WHERE|LOAD)(?![\w:-])", re.IGNORECASE)


def mentions_load(text: str) -> bool:
    """Whether the word LOAD stands anywhere outside strings, IRIs and comments (cheap; errs on the side of yes)."""
    return bool(_LOAD.search(keywords(text)))


_LOAD = re.compile(r"(?<![\w:?$])LOAD(?![\w:-])", re.IGNORECASE)


def rewrite(
    text: str,
    *,
    using: Sequence[str] = (),
    using_named: Sequence[str] = (),
    union_graphs: Callable[[], list[str]] | None = None,
    load: Callable[[Operation, Prefixes], str] | None = None,
    default_view: str | None = None,
) -> str:
    """The update request with its dataset written in (see the module's doc) and its LOADs replaced by what
    ``load(operation, prefixes)`` returns (an update text, possibly empty). ``union_graphs`` gives the graphs of
    the union default graph (None: the store's own default graph is the default graph of updates);
    ``default_view``, an unused graph IRI, brings the store's own default graph into that union (pass it when the
    default graph holds triples): a ``DELETE``/``INSERT … WHERE`` then reads a copy of it made and dropped within the
    request.

    Operations the rewrite leaves alone keep their text verbatim."""
    ops = operations(text)
    prefixes = Prefixes()
    out: list[str] = []
    counter = [0]
    need_rewrite = bool(using or using_named or union_graphs is not None or load is not None)
    if not need_rewrite or not _REWRITTEN.search(keywords(text)):  # INSERT DATA, DELETE DATA, CLEAR …: as they are
        return text
    for op in ops:
        prefixes.declare(op.prologue)
        prologue = text_of(op.prologue)
        if op.kind == "PROLOGUE":
            out.append(prologue)
            continue
        if op.kind in ("MODIFY", "DELETE WHERE"):
            body = _modify(text, op, list(using), list(using_named), union_graphs, counter, default_view)
        elif op.kind == "LOAD":
            if load is None:
                body = src_of(text, op.toks)
            else:
                body = load(op, prefixes)
        else:
            body = src_of(text, op.toks)
        out.append(" ".join(x for x in (prologue, body) if x))
    parts = [p for p in out if p.strip()]
    return " ;\n".join(parts)
