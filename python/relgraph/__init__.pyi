"""Type stubs for relgraph: international relations as a typed, dated, signed graph."""

from os import PathLike
from typing import Any, Dict, Iterable, List, Literal, Optional, Sequence, Union, overload

__version__: str

_Path = Union[str, PathLike[str]]
_Json = Any
_Measure = Literal[
    "degree",
    "in-degree",
    "out-degree",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
    "katz",
    "signed-degree",
]
_Format = Literal["svg", "png", "pdf", "html", "dot", "graphml", "gexf", "json", "ron", "tsv", "csv"]

class ModelError(ValueError):
    """A model file that cannot be read; the message is the FILE:LINE:COL diagnostic."""

    path: str
    line: Optional[int]
    column: Optional[int]

def load(path: _Path) -> Model:
    """Loads RON, an edge list (.tsv/.csv/.txt), GraphML or node-link JSON."""

def from_networkx(graph: Any) -> Model:
    """A Model from any NetworkX graph, through node-link data."""

def to_networkx(model: Model) -> Any:
    """The model as a networkx.MultiDiGraph."""

class Report:
    """An analysis result: str() is the command's text, .json its --json."""

    @property
    def json(self) -> _Json: ...
    def _repr_html_(self) -> str: ...

class Paths:
    """Paths found by Model.path."""

    @property
    def json(self) -> List[Dict[str, Any]]: ...
    @property
    def model(self) -> Model: ...
    def __len__(self) -> int: ...
    def _repr_svg_(self) -> str: ...
    def _repr_html_(self) -> str: ...

class Model:
    """A loaded model, or a view of one."""

    @property
    def title(self) -> str: ...
    @property
    def node_count(self) -> int: ...
    @property
    def edge_count(self) -> int: ...
    def __len__(self) -> int: ...
    @overload
    def nodes(self, as_frame: Literal[False] = ...) -> List[Dict[str, Any]]: ...
    @overload
    def nodes(self, as_frame: Literal[True]) -> Any: ...
    @overload
    def edges(self, as_frame: Literal[False] = ...) -> List[Dict[str, Any]]: ...
    @overload
    def edges(self, as_frame: Literal[True]) -> Any: ...
    def node(self, name: str) -> Dict[str, Any]: ...
    def at(self, date_text: str) -> Model: ...
    def filter(
        self,
        node_kinds: Optional[Sequence[str]] = None,
        edge_kinds: Optional[Sequence[str]] = None,
        polarity: Optional[Sequence[str]] = None,
    ) -> Model: ...
    def directed(self) -> Model: ...
    def path(
        self,
        source: str,
        target: str,
        *,
        strongest: bool = False,
        weighted: bool = False,
        k: int = 1,
        via: Optional[Sequence[str]] = None,
        avoid: Optional[Sequence[str]] = None,
    ) -> Paths: ...
    def influence_on(self, node: str, *, total: bool = False, top: Optional[int] = None) -> Report: ...
    def influence_from(self, node: str, *, total: bool = False, top: Optional[int] = None) -> Report: ...
    def centrality(self, measure: _Measure = "betweenness", *, weighted: bool = False) -> Dict[str, float]: ...
    def centrality_report(
        self, measure: _Measure = "betweenness", *, weighted: bool = False, top: Optional[int] = None
    ) -> Report: ...
    def brokers(self) -> Report: ...
    def balance(self) -> Report: ...
    def components(self) -> List[List[str]]: ...
    def diff(
        self, start: str, end: str, *, measure: _Measure = "betweenness", top: int = 10, weighted: bool = False
    ) -> Report: ...
    def timeline(self, node: Optional[str] = None) -> List[Dict[str, str]]: ...
    @overload
    def export(self, format: _Format, path: None = None) -> bytes: ...
    @overload
    def export(self, format: _Format, path: _Path) -> None: ...
    def _repr_svg_(self) -> str: ...
    def _repr_html_(self) -> str: ...
    def to_networkx(self) -> Any: ...
    def graph_attributes(self) -> Dict[str, Any]: ...

class Graph:
    """A plain graph (nodes 0..n-1, ties as index pairs) for the NetworkX backend."""

    def __init__(
        self,
        n: int,
        sources: Iterable[int],
        targets: Iterable[int],
        weights: Optional[Iterable[float]] = None,
        directed: bool = False,
    ) -> None: ...
    @property
    def node_count(self) -> int: ...
    def centrality(self, name: _Measure, weighted: bool = False) -> List[float]: ...
    def components(self) -> List[List[int]]: ...
