"""Conversion between relgraph models and NetworkX graphs.

``to_networkx`` builds a ``MultiDiGraph`` from the model's own JSON (the dicts
``Model.nodes()`` and ``Model.edges()`` return), so every attribute the command line
reports is there. ``from_networkx`` hands NetworkX's node-link data to relgraph's node-link
JSON reader, which reads any graph (nodes without a kind become actors, ties without a
kind ``related_to``, other attributes are kept).
"""

import json


def to_networkx(model):
    """The model (or view) as a ``networkx.MultiDiGraph``.

    Nodes are keyed by id, with the node's fields as attributes (``kind``, ``name``,
    ``aliases``, dates, tags, ...); each tie is an edge keyed by its position in the model,
    with ``kind``, ``polarity``, ``since``/``until``, ``weight``, ``evidence`` and the other
    fields as attributes. Graph attributes: ``title``, ``description``.
    """
    import networkx as nx

    graph = nx.MultiDiGraph(**model.graph_attributes())
    for node in model.nodes():
        attrs = dict(node)
        graph.add_node(attrs.pop("id"), **attrs)
    for key, edge in enumerate(model.edges()):
        attrs = dict(edge)
        source, target = attrs.pop("from"), attrs.pop("to")
        graph.add_edge(source, target, key=key, **attrs)
    return graph


def from_networkx(graph):
    """A relgraph ``Model`` from any NetworkX graph, through node-link data.

    Node keys become ids (numbers as their decimal text); ``kind``, ``name``, ``aliases``,
    ``since``/``until`` and the other relgraph fields are read where present, and every
    other attribute is kept as a node attribute. Raises ``ModelError`` when the data cannot
    be read.
    """
    import networkx as nx

    try:
        data = nx.node_link_data(graph, edges="links")
    except TypeError:  # NetworkX before 3.4 names the edge array "links" already.
        data = nx.node_link_data(graph)
    data["graph"] = {k: v for k, v in data.get("graph", {}).items() if isinstance(v, str)}
    if "title" not in data["graph"]:
        data["graph"]["title"] = str(graph.graph.get("name") or "networkx graph")
    from ._relgraph import from_node_link

    return from_node_link(json.dumps(data, default=str))
