"""Readers and writers of graph files other than YAML: node-link JSON, GraphML, CSV pairs.

Readers return plain asset records (as a YAML graph file would hold them) with their origins;
``simulator.model.loading`` validates them through the same schema as YAML.
"""

from ..plugins import GraphFormatPlugin

__all__ = ["BUILTIN_FORMATS"]

# The built-in graph formats, registered like any plugin (``simulator.model.plugins``): a file's
# suffix chooses its format; a folder (suffix "") is a CSV pair.
BUILTIN_FORMATS = (
    GraphFormatPlugin(
        "yaml", (".yaml", ".yml"), "simulator.model.loading:read_yaml_graph", "simulator.model.loading:write_yaml_graph"
    ),
    GraphFormatPlugin(
        "json",
        (".json",),
        "simulator.model.formats.nodelink:read_nodelink",
        "simulator.model.formats.nodelink:write_nodelink",
    ),
    GraphFormatPlugin(
        "graphml",
        (".graphml",),
        "simulator.model.formats.graphml:read_graphml",
        "simulator.model.formats.graphml:write_graphml",
    ),
    GraphFormatPlugin(
        "csv",
        (".csv", ""),
        "simulator.model.formats.csvpair:read_csv_pair",
        "simulator.model.loading:write_csv_pair_to",
    ),
)
