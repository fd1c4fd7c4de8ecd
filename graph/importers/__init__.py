"""Importers: data in other formats written as YAML in the project's data format."""
