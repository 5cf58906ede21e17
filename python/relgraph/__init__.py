"""relgraph: international relations as a typed, dated, signed graph.

>>> import relgraph
>>> model = relgraph.load("graphs/japan_russia_2014.ron")      # doctest: +SKIP
>>> model.node("Northern Territories")["id"]                    # doctest: +SKIP
'southern_kurils'

``load`` reads every format the command line reads; ``Model`` has the library's views
(``at``, ``filter``, ``directed``) and analyses (``path``, ``influence_on``,
``centrality``, ``brokers``, ``balance``, ``diff``, ``timeline``), whose results equal the
command line's ``--json``. ``to_networkx`` / ``from_networkx`` convert, and the package is
also a NetworkX backend named ``relgraph``.
"""

from ._relgraph import Graph, Model, ModelError, Paths, Report, __version__, load
from ._networkx import from_networkx, to_networkx

__all__ = [
    "Graph",
    "Model",
    "ModelError",
    "Paths",
    "Report",
    "__version__",
    "from_networkx",
    "load",
    "to_networkx",
]
