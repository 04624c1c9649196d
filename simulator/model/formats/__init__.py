"""Readers and writers of graph files other than YAML: node-link JSON, GraphML, CSV pairs.

Readers return plain asset records (as a YAML graph file would hold them) with their origins;
``simulator.model.loading`` validates them through the same schema as YAML.
"""
